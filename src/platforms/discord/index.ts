/** The Discord adapter: the only part of Newsdesk that imports discord.js. */
export { createDiscordPlatform, type DiscordPlatformOptions } from "./discord-platform.js";
export { buildSlashCommands } from "./slash-commands.js";
