import { PermissionFlagsBits, PermissionsBitField } from "discord.js";
import { describe, expect, it } from "vitest";
import { isDiscordModerator } from "../../../../src/platforms/discord/moderator-permission.js";

const member = (...bits: bigint[]) => new PermissionsBitField(bits);
const { Administrator, ManageGuild, SendMessages, ManageMessages } = PermissionFlagsBits;

describe("who moderates on Discord", () => {
  it("GIVEN Administrator without the Manage Server bit THEN a moderator (Discord gives admins every permission)", () => {
    const admin = member(Administrator, SendMessages);
    expect(admin.has(ManageGuild, false)).toBe(false); // the bit itself is really absent
    expect(isDiscordModerator(true, admin)).toBe(true);
  });

  it("GIVEN Manage Server THEN a moderator", () => {
    expect(isDiscordModerator(true, member(ManageGuild))).toBe(true);
  });

  it("GIVEN other permissions only (Manage Messages, Send Messages) THEN not a moderator", () => {
    expect(isDiscordModerator(true, member(ManageMessages, SendMessages))).toBe(false);
    expect(isDiscordModerator(true, member())).toBe(false);
  });

  it("GIVEN a DM, even from someone who administers a server THEN nobody moderates", () => {
    expect(isDiscordModerator(false, member(Administrator))).toBe(false);
    expect(isDiscordModerator(false, null)).toBe(false);
    expect(isDiscordModerator(true, null)).toBe(false);
  });
});
