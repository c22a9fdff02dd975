import { describe, expect, it } from "vitest";
import { silentLogger } from "../../../../src/domain/logger.js";
import { ModeratorCheck } from "../../../../src/platforms/telegram/moderator-check.js";

/**
 * The cache's edges (the mutation run left them unguarded): an answer is good for exactly the
 * TTL and not a millisecond more, the cache is emptied when it reaches its cap (so a bot in many
 * groups does not grow without bound), and a user id that is not a number is never a moderator.
 */

const group = { id: -100, type: "supergroup" };

function setup(maxEntries = 5_000) {
  const calls: number[] = [];
  let now = 1_000;
  const check = new ModeratorCheck(
    async (_chat, user) => {
      calls.push(user);
      return "administrator";
    },
    silentLogger,
    60_000,
    () => now,
    maxEntries,
  );
  return { check, calls, tick: (ms: number) => (now += ms) };
}

describe("ModeratorCheck's cache", () => {
  it("GIVEN an answer THEN it is used up to the last millisecond before the TTL ends, and asked again at the TTL", async () => {
    const { check, calls, tick } = setup();
    await check.isModerator(group, { id: "2", name: "b" });
    tick(59_999);
    await check.isModerator(group, { id: "2", name: "b" });
    expect(calls).toEqual([2]);
    tick(1);
    await check.isModerator(group, { id: "2", name: "b" });
    expect(calls).toEqual([2, 2]);
  });

  it("GIVEN the cap reached THEN the cache is emptied before the next answer is kept", async () => {
    const { check, calls } = setup(2);
    await check.isModerator(group, { id: "1", name: "a" });
    await check.isModerator(group, { id: "2", name: "b" });
    // Below the cap both are kept.
    await check.isModerator(group, { id: "1", name: "a" });
    await check.isModerator(group, { id: "2", name: "b" });
    expect(calls).toEqual([1, 2]);
    // A third user: the cache (two entries, at the cap) is emptied, and only the third is kept.
    await check.isModerator(group, { id: "3", name: "c" });
    await check.isModerator(group, { id: "3", name: "c" });
    await check.isModerator(group, { id: "1", name: "a" });
    expect(calls).toEqual([1, 2, 3, 1]);
  });

  it("GIVEN a sender id that is not a number THEN no, without asking Telegram", async () => {
    const { check, calls } = setup();
    expect(await check.isModerator(group, { id: "not-a-number", name: "x" })).toBe(false);
    expect(await check.isModerator(group, { id: "9007199254740993", name: "y" })).toBe(false);
    expect(calls).toEqual([]);
  });
});
