import { describe, expect, it } from "vitest";
import { telegramDirectory } from "../../../../src/platforms/telegram/directory.js";

/** What the dashboard asks of Telegram: chat admins (getChatMember), chat titles (getChat, kept 10 minutes). */
function fakeApi() {
  const calls: string[] = [];
  const api = {
    async getChat(id: number) {
      calls.push(`getChat ${id}`);
      if (id === -1) throw new Error("Bad Request: chat not found");
      return { id, type: "supergroup", title: "Crypto Chat" };
    },
    async getChatMember(chatId: number, userId: number) {
      calls.push(`getChatMember ${chatId} ${userId}`);
      return { status: userId === 7 ? "administrator" : userId === 8 ? "creator" : "member" };
    },
  };
  return { api: api as unknown as Parameters<typeof telegramDirectory>[0], calls };
}

describe("GIVEN the Telegram directory", () => {
  it("THEN administrators and creators manage a chat, members do not", async () => {
    const { api } = fakeApi();
    const directory = telegramDirectory(
      api,
      () => true,
      () => "newsdesk_bot",
    );
    expect(await directory.isChatAdmin?.("-100", "7")).toBe(true);
    expect(await directory.isChatAdmin?.("-100", "8")).toBe(true);
    expect(await directory.isChatAdmin?.("-100", "9")).toBe(false);
    expect(directory.botUsername?.()).toBe("newsdesk_bot");
  });

  it("THEN a chat's title is asked once in ten minutes, and an unknown chat has no name", async () => {
    const { api, calls } = fakeApi();
    let now = 0;
    const directory = telegramDirectory(
      api,
      () => true,
      () => null,
      () => now,
    );
    expect(await directory.nameOf?.("-100")).toBe("Crypto Chat");
    expect(await directory.nameOf?.("-100")).toBe("Crypto Chat");
    now += 10 * 60_000;
    await directory.nameOf?.("-100");
    expect(calls.filter((c) => c === "getChat -100")).toHaveLength(2);
    expect(await directory.nameOf?.("-1")).toBeNull();
  });
});
