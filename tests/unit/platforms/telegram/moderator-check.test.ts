import { describe, expect, it } from "vitest";
import { silentLogger } from "../../../../src/domain/logger.js";
import { ModeratorCheck } from "../../../../src/platforms/telegram/moderator-check.js";

const group = { id: -100, type: "supergroup" };

function setup(statuses: Record<number, string>) {
  const calls: number[] = [];
  let now = 0;
  const check = new ModeratorCheck(
    async (_chat, user) => {
      calls.push(user);
      const status = statuses[user];
      if (!status) throw new Error("400: Bad Request: user not found");
      return status;
    },
    silentLogger,
    60_000,
    () => now,
  );
  return { check, calls, tick: (ms: number) => (now += ms) };
}

describe("ModeratorCheck", () => {
  it("GIVEN a private chat or a channel post THEN yes, without asking Telegram", async () => {
    const { check, calls } = setup({});
    expect(await check.isModerator({ id: 5, type: "private" }, { id: "5", name: "u" })).toBe(true);
    expect(
      await check.isModerator(
        { id: -1005, type: "channel" },
        { id: "-1005", name: "c", senderChatId: -1005 },
      ),
    ).toBe(true);
    expect(calls).toEqual([]);
  });

  it("GIVEN group members THEN creator and administrator are moderators, others are not", async () => {
    const { check } = setup({ 1: "creator", 2: "administrator", 3: "member", 4: "restricted" });
    expect(await check.isModerator(group, { id: "1", name: "a" })).toBe(true);
    expect(await check.isModerator(group, { id: "2", name: "b" })).toBe(true);
    expect(await check.isModerator(group, { id: "3", name: "c" })).toBe(false);
    expect(await check.isModerator(group, { id: "4", name: "d" })).toBe(false);
  });

  it("GIVEN an anonymous admin (sent as the group itself) THEN yes; sent as another chat THEN no", async () => {
    const { check, calls } = setup({});
    expect(await check.isModerator(group, { id: "-100", name: "g", senderChatId: -100 })).toBe(true);
    expect(await check.isModerator(group, { id: "-200", name: "other", senderChatId: -200 })).toBe(false);
    expect(calls).toEqual([]);
  });

  it("GIVEN repeated checks THEN Telegram is asked once per 60 s; a failed lookup says no and is not cached", async () => {
    const { check, calls, tick } = setup({ 2: "administrator" });
    await check.isModerator(group, { id: "2", name: "b" });
    await check.isModerator(group, { id: "2", name: "b" });
    expect(calls).toEqual([2]);
    tick(60_001);
    await check.isModerator(group, { id: "2", name: "b" });
    expect(calls).toEqual([2, 2]);
    expect(await check.isModerator(group, { id: "9", name: "x" })).toBe(false);
    expect(await check.isModerator(group, { id: "9", name: "x" })).toBe(false);
    expect(calls).toEqual([2, 2, 9, 9]);
  });
});
