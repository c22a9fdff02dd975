/**
 * `npm run deploy:discord [-- --guild <id> | --global]`: registers the slash commands explicitly.
 * Global by default, or in one server (DISCORD_GUILD_ID, or --guild) where changes show at once.
 * The bot also checks them at start-up; this is for registering without running it, and for
 * moving commands between a test server and global. Needs only REST, not the gateway.
 */
import { parseArgs } from "node:util";
import { REST, Routes } from "discord.js";
import { commands } from "../../../commands/index.js";
import { ConfigError, loadConfig } from "../../config.js";
import { putCommands } from "./register-commands.js";
import { buildSlashCommands } from "./slash-commands.js";

async function deploy(): Promise<string> {
  const { values } = parseArgs({
    options: { guild: { type: "string" }, global: { type: "boolean", default: false } },
  });
  const config = loadConfig();
  if (!config.DISCORD_TOKEN) throw new Error("DISCORD_TOKEN is not set (see .env.example)");
  const guildId = values.global ? undefined : (values.guild ?? config.DISCORD_GUILD_ID);
  if (guildId !== undefined && !/^\d{5,25}$/.test(guildId))
    throw new Error(`--guild must be a guild id, got "${guildId}"`);

  const rest = new REST(config.DISCORD_API_BASE ? { api: config.DISCORD_API_BASE } : {}).setToken(
    config.DISCORD_TOKEN,
  );
  const application = (await rest.get(Routes.currentApplication())) as { id: string; name?: string };
  const definitions = buildSlashCommands(commands);
  await putCommands(rest, application.id, definitions, guildId);
  const names = definitions.map((d) => `/${d.name}`).join(" ");
  return guildId
    ? `Registered ${definitions.length} commands in guild ${guildId}: ${names}`
    : `Registered ${definitions.length} commands globally: ${names} (Discord may take a few minutes to show changes)`;
}

deploy().then(
  (summary) => process.stdout.write(`${summary}\n`),
  (error: unknown) => {
    const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`deploy:discord failed: ${message}\n`);
    process.exitCode = 1;
  },
);
