import { PermissionFlagsBits, type PermissionsBitField } from "discord.js";

/**
 * Whether a Discord member may use moderator commands, decided on our side (a server may loosen
 * the registered default permission): Manage Server, in a server. Administrator counts, since
 * Discord grants an administrator every permission whatever the other bits say. In DMs nobody
 * moderates.
 */
export function isDiscordModerator(
  inGuild: boolean,
  permissions: Readonly<PermissionsBitField> | null,
): boolean {
  return inGuild && permissions?.has(PermissionFlagsBits.ManageGuild, true) === true;
}
