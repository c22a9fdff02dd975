/**
 * `npm run deploy:discord [-- --guild <id> | --global]`: registers the slash commands explicitly.
 * Global by default, or in one server (DISCORD_GUILD_ID, or --guild) where changes show at once.
 * The bot also checks them at start-up; this is for registering without running it, and for
 * moving commands between a test server and global.
 *
 * An entry script, like main.ts and cli.ts, so it lives at the top of src/: it reads the
 * configuration and the command list, which the Discord adapter itself may not import (ADR 0097).
 */
import { parseArgs } from "node:util";
import { commands } from "../commands/index.js";
import { loadConfig } from "./config.js";
import { deployCommands } from "./platforms/discord/deploy-commands.js";
import { safeError } from "./platforms/discord/safe-error.js";

async function main(): Promise<string> {
  const { values } = parseArgs({
    options: { guild: { type: "string" }, global: { type: "boolean", default: false } },
  });
  const config = loadConfig();
  if (!config.DISCORD_TOKEN) throw new Error("DISCORD_TOKEN is not set (see .env.example)");
  const guildId = values.global ? undefined : (values.guild ?? config.DISCORD_GUILD_ID);
  if (guildId !== undefined && !/^\d{5,25}$/.test(guildId)) {
    throw new Error(`--guild must be a guild id, got "${guildId}"`);
  }
  const { names } = await deployCommands({
    token: config.DISCORD_TOKEN,
    apiBase: config.DISCORD_API_BASE,
    guildId,
    commands,
  });
  const list = names.map((name) => `/${name}`).join(" ");
  return guildId
    ? `Registered ${names.length} commands in guild ${guildId}: ${list}`
    : `Registered ${names.length} commands globally: ${list} (Discord may take a few minutes to show changes)`;
}

main().then(
  (summary) => process.stdout.write(`${summary}\n`),
  (error: unknown) => {
    const safe = safeError(error);
    process.stderr.write(`deploy:discord failed: ${safe instanceof Error ? safe.message : String(safe)}\n`);
    process.exitCode = 1;
  },
);
