import { REST, Routes } from "discord.js";
import type { Command } from "../../framework/command.js";
import { putCommands } from "./register-commands.js";
import { buildSlashCommands } from "./slash-commands.js";

export interface DeployOptions {
  token: string;
  apiBase?: string;
  /** Register in this server only; globally when absent. */
  guildId?: string;
  commands: { values(): Iterable<Command> };
}

/**
 * Replaces the registered slash commands with ours, over REST only (no gateway connection):
 * finds the application id from the token, then PUTs the whole set.
 */
export async function deployCommands(options: DeployOptions): Promise<{ names: string[] }> {
  const rest = new REST(options.apiBase ? { api: options.apiBase } : {}).setToken(options.token);
  const application = (await rest.get(Routes.currentApplication())) as { id: string };
  const definitions = buildSlashCommands(options.commands);
  await putCommands(rest, application.id, definitions, options.guildId);
  return { names: definitions.map((d) => d.name) };
}
