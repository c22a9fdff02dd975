import { describe, expect, it } from "vitest";
import { type AuthorizationPorts, mayManageTarget, type Rights } from "../../../src/web/rights.js";
import { CHANNEL_A, CHANNEL_B, GUILD_A, GUILD_B, TELEGRAM_CHAT } from "./fake-services.js";

const ports = (over: Partial<AuthorizationPorts> = {}): AuthorizationPorts => ({
  botGuildIds: () => new Set([GUILD_A, GUILD_B]),
  guildOfChannel: async (id) => (id === CHANNEL_A ? GUILD_A : id === CHANNEL_B ? GUILD_B : null),
  isChatAdmin: async (chat, user) => chat === TELEGRAM_CHAT && user === "7",
  ...over,
});
const modA: Rights = { kind: "discord", userId: "1", guildIds: new Set([GUILD_A]) };

describe("GIVEN a Discord moderator of server A", () => {
  it("THEN A's channels are theirs; B's, unknown channels, Telegram chats and the console are not", async () => {
    expect(await mayManageTarget(modA, `discord:${CHANNEL_A}`, ports())).toBe(true);
    expect(await mayManageTarget(modA, `discord:${CHANNEL_B}`, ports())).toBe(false);
    expect(await mayManageTarget(modA, "discord:399999999999999999", ports())).toBe(false);
    expect(await mayManageTarget(modA, `telegram:${TELEGRAM_CHAT}`, ports())).toBe(false);
    expect(await mayManageTarget(modA, "console", ports())).toBe(false);
    expect(await mayManageTarget(modA, `discord:${CHANNEL_A}/../x`, ports())).toBe(false);
  });

  it("THEN nothing is theirs once the bot has left A, or when the platform cannot answer", async () => {
    expect(
      await mayManageTarget(modA, `discord:${CHANNEL_A}`, ports({ botGuildIds: () => new Set([GUILD_B]) })),
    ).toBe(false);
    const failing = ports({
      guildOfChannel: async () => {
        throw new Error("cache down");
      },
    });
    expect(await mayManageTarget(modA, `discord:${CHANNEL_A}`, failing)).toBe(false);
  });
});

describe("GIVEN a Telegram user and the operator", () => {
  it("THEN a Telegram user has a chat only where getChatMember says admin, and fails closed", async () => {
    const rights: Rights = { kind: "telegram", userId: "7" };
    expect(await mayManageTarget(rights, `telegram:${TELEGRAM_CHAT}`, ports())).toBe(true);
    expect(
      await mayManageTarget({ kind: "telegram", userId: "8" }, `telegram:${TELEGRAM_CHAT}`, ports()),
    ).toBe(false);
    expect(await mayManageTarget(rights, `discord:${CHANNEL_A}`, ports())).toBe(false);
    const down = ports({ isChatAdmin: () => Promise.reject(new Error("429")) });
    expect(await mayManageTarget(rights, `telegram:${TELEGRAM_CHAT}`, down)).toBe(false);
  });

  it("THEN the operator manages every target, the console included", async () => {
    for (const target of ["console", `discord:${CHANNEL_B}`, `telegram:${TELEGRAM_CHAT}`]) {
      expect(await mayManageTarget({ kind: "operator" }, target, ports())).toBe(true);
    }
  });
});
