import { type REST, type RESTPostAPIChatInputApplicationCommandsJSONBody, Routes } from "discord.js";
import { normaliseCommands } from "./slash-commands.js";

export type CommandDefinitions = readonly RESTPostAPIChatInputApplicationCommandsJSONBody[];

function commandsRoute(applicationId: string, guildId: string | undefined): `/${string}` {
  return guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
}

/** Replaces the registered set (global, or one server's when a guild id is given). */
export async function putCommands(
  rest: REST,
  applicationId: string,
  definitions: CommandDefinitions,
  guildId?: string,
): Promise<void> {
  await rest.put(commandsRoute(applicationId, guildId), { body: definitions });
}

/**
 * Registers the definitions only when the registered set differs, so a restart does not spend a
 * PUT (Discord rate-limits command updates, and a global PUT takes a while to propagate).
 */
export async function syncCommands(
  rest: REST,
  applicationId: string,
  definitions: CommandDefinitions,
  guildId?: string,
): Promise<"unchanged" | "registered"> {
  const current = await rest.get(commandsRoute(applicationId, guildId), {
    query: new URLSearchParams({ with_localizations: "true" }),
  });
  if (Array.isArray(current) && normaliseCommands(current) === normaliseCommands(definitions)) {
    return "unchanged";
  }
  await putCommands(rest, applicationId, definitions, guildId);
  return "registered";
}
