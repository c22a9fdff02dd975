import { afterEach, describe, expect, it } from "vitest";
import type { Article } from "../../../src/domain/article.js";
import { recordingLogger } from "../../helpers/recording-logger.js";
import { article, type Harness, harness } from "./helpers.js";

/** The planner's rules at their edges (ADRs 34 and 35): bursts, catch-up, posts whose article moved. */

const TUNING = { maxSleepMs: 6 * 3_600_000, heartbeatMs: 3_600_000 };
const alice = { id: "u1", name: "Alice" };

let h: Harness;
afterEach(async () => {
  await h.scheduler.stop();
  h.close();
});

describe("a burst of new files", () => {
  it("GIVEN 12 new at once (burst limit 10) THEN the newest 10 are announced oldest first, it is logged, and the 2 others go to the next digest", async () => {
    const rec = recordingLogger();
    h = harness({
      start: "2025-07-17T08:00:00Z",
      config: { targets: ["discord:1"], digestCron: "0 9 * * *" },
      articles: [article("old")],
      tuning: { ...TUNING, eventDebounceMs: 1_000 },
    });
    h.scheduler = h.another({ log: rec.log });
    await h.scheduler.start();
    await h.settle();
    for (let i = 10; i < 22; i++) h.library.add(article(`n${i}`, { date: `2025-06-${i}` }));
    await h.time.advance(1_000);
    const announced = h.discord.to("1").map((s) => s.reply.cards[0]?.footer);
    expect(announced).toEqual(["n12", "n13", "n14", "n15", "n16", "n17", "n18", "n19", "n20", "n21"]);
    expect(rec.find(/many new articles at once/)?.obj).toEqual({ count: 12, announced: 10 });
    await h.time.advanceTo("2025-07-17T09:00:00Z");
    const digest = h.discord.to("1")[10];
    expect(digest?.reply.text).toBe("News digest");
    // Newest first: the baseline article (dated today) is owed to the first digest too.
    expect(digest?.reply.cards.map((c) => c.footer)).toEqual(["old", "n11", "n10"]);
  });
});

describe("CATCH_UP=none", () => {
  async function downUntil(restart: string) {
    const rec = recordingLogger();
    h = harness({
      start: "2025-07-17T08:00:00Z",
      config: { targets: ["discord:1"], digestCron: "0 9 * * *", catchUp: "none" },
      articles: [article("a1")],
      tuning: TUNING,
    });
    await h.scheduler.start();
    await h.scheduler.stop();
    h.time.jump(restart);
    h.scheduler = h.another({ log: rec.log });
    await h.scheduler.start();
    await h.settle();
    return rec;
  }

  it("GIVEN a restart 60 s after the slot THEN it is still on time and posted", async () => {
    await downUntil("2025-07-17T09:01:00Z");
    expect(h.discord.to("1").map((s) => s.at)).toEqual(["2025-07-17T09:01:00.000Z"]);
  });

  it("GIVEN a restart 61 s after the slot THEN it was missed while down: skipped, and the log says so", async () => {
    const rec = await downUntil("2025-07-17T09:01:01Z");
    expect(h.discord.to("1")).toEqual([]);
    expect(rec.find(/configured digest missed while down/)?.obj).toEqual({
      slot: "2025-07-17T09:00:00.000Z",
    });
  });

  it("GIVEN the bot running and its timer firing two hours late (a sleeping laptop) THEN the slot still runs: none is for downtime only", async () => {
    h = harness({
      start: "2025-07-17T08:00:00Z",
      config: { targets: ["discord:1"], digestCron: "0 9 * * *", catchUp: "none" },
      articles: [article("a1")],
      tuning: TUNING,
    });
    await h.scheduler.start();
    await h.settle();
    h.time.jump("2025-07-17T11:00:00Z");
    await h.time.advance(0);
    await h.time.advanceTo("2025-07-17T12:00:00Z");
    expect(h.discord.to("1")).toHaveLength(1);
  });
});

describe("a post whose article changed before its time", () => {
  it("GIVEN the article gone (no event heard) THEN the post fails as articleRemoved, nothing sent", async () => {
    h = harness({ start: "2025-07-17T08:00:00Z", articles: [article("a1")], tuning: TUNING });
    await h.scheduler.start();
    const channel = { platform: "discord" as const, id: "1" };
    const view = await h.scheduler.port.schedulePost(channel, alice, {
      articleId: "a1",
      when: new Date("2025-07-17T09:00:00Z"),
    });
    articlesOf(h).delete("a1");
    await h.time.advanceTo("2025-07-17T10:00:00Z");
    expect(h.discord.sent).toEqual([]);
    expect((await h.scheduler.port.overview(channel)).schedules.find((s) => s.id === view.id)).toMatchObject({
      state: "failed",
      stateReason: "articleRemoved",
    });
  });

  it("GIVEN the article embargoed until after its time THEN the post waits for the embargo and goes out then", async () => {
    h = harness({ start: "2025-07-17T08:00:00Z", articles: [article("a1")], tuning: TUNING });
    await h.scheduler.start();
    const channel = { platform: "discord" as const, id: "1" };
    await h.scheduler.port.schedulePost(channel, alice, {
      articleId: "a1",
      when: new Date("2025-07-17T09:00:00Z"),
    });
    articlesOf(h).set("a1", article("a1", { publishAt: "2025-07-17T11:00:00Z" }));
    await h.time.advanceTo("2025-07-17T12:00:00Z");
    expect(h.discord.to("1").map((s) => s.at)).toEqual(["2025-07-17T11:00:00.000Z"]);
  });
});

/** The fake library's own map, to change it without an event (an edit not yet heard of). */
function articlesOf(harness: Harness): Map<string, Article> {
  return (harness.library as unknown as { articles: Map<string, Article> }).articles;
}
