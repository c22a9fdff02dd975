import { afterEach, describe, expect, it } from "vitest";
import latest from "../../../commands/latest.js";
import { registry, runCommand } from "../../../src/framework/run-command.js";
import { article, type Harness, harness } from "./helpers.js";

/** Long sleeps: with a fake clock every wake-up costs a pass, and exact wake-ups make them moot. */
const TUNING = { maxSleepMs: 6 * 3_600_000, heartbeatMs: 3_600_000 };
const alice = { id: "u1", name: "Alice" };
const paris = { platform: "discord" as const, id: "100" };

let h: Harness;
afterEach(async () => {
  await h.scheduler.stop();
  h.close();
});

describe("configured digest (DIGEST_CRON to ANNOUNCE_TARGETS)", () => {
  it("GIVEN a cron slot THEN each target gets one digest of the newest articles with summaries and a Full text button", async () => {
    h = harness({
      start: "2025-07-17T06:00:00Z",
      config: {
        digestCron: "0 9 * * *",
        timeZone: "Europe/Paris",
        targets: ["discord:111", "telegram:-222"],
      },
      articles: [article("a1", { date: "2025-07-16" }), article("a2", { date: "2025-07-17" })],
      tuning: TUNING,
    });
    await h.scheduler.start();
    await h.settle();
    expect(h.discord.sent).toHaveLength(0); // the first start is a baseline: nothing is owed yet

    await h.time.advanceTo("2025-07-17T07:00:00Z"); // 09:00 in Paris
    const [post] = h.discord.to("111");
    expect(h.discord.to("111")).toHaveLength(1);
    expect(h.telegram.to("-222")).toHaveLength(1);
    expect(post?.at).toBe("2025-07-17T07:00:00.000Z");
    expect(post?.reply.text).toBe("News digest");
    expect(post?.reply.cards.map((c) => c.title)).toEqual(["Title a2", "Title a1"]);
    expect(post?.reply.cards[0]?.body[0]).toEqual({
      type: "paragraph",
      text: "First sentence of a2. Second one. Third one.",
    });
    expect(post?.reply.cards[0]?.buttons?.[0]).toEqual({
      label: "Full text",
      action: { command: "article", args: { article: "a2" } },
    });
  });

  it("GIVEN nothing new since the last digest THEN nothing is posted (never an empty digest)", async () => {
    h = harness({
      start: "2025-07-17T06:00:00Z",
      config: { digestCron: "0 9 * * *", timeZone: "Europe/Paris", targets: ["discord:111"] },
      articles: [article("a1")],
      tuning: TUNING,
    });
    await h.scheduler.start();
    await h.time.advanceTo("2025-07-17T08:00:00Z");
    expect(h.discord.to("111")).toHaveLength(1);
    await h.time.advanceTo("2025-07-20T08:00:00Z"); // three more slots, nothing new
    expect(h.discord.to("111")).toHaveLength(1);
    expect((await h.scheduler.stats()).done).toBe(1);
  });
});

describe("a moderator's digest", () => {
  it("GIVEN articles arriving THEN each digest holds only what is new, and an empty slot posts nothing", async () => {
    h = harness({
      start: "2025-07-17T06:00:00Z",
      articles: ["a1", "a2", "a3", "a4", "a5", "a6", "a7"].map((id, i) =>
        article(id, { date: `2025-07-0${i + 1}` }),
      ),
      tuning: TUNING,
    });
    await h.scheduler.start();
    await h.scheduler.port.scheduleDigest(paris, alice, { cron: "0 8 * * *" });
    await h.time.advanceTo("2025-07-17T08:00:00Z");
    const first = h.discord.to("100");
    expect(first).toHaveLength(1);
    expect(first[0]?.reply.cards.map((c) => c.footer)).toEqual(["a7", "a6", "a5", "a4", "a3"]);
    // The count comes after the cards, with a button that shows the two: /latest from the 6th on.
    expect(first[0]?.reply.text).toBe("News digest");
    expect(first[0]?.reply.footer).toBe("…and 2 more new articles.");
    expect(first[0]?.reply.buttons).toEqual([
      { label: "Show 2 more", action: { command: "latest", args: { page: 2 } }, next: true },
    ]);
    // Pressed, the button shows exactly the two the digest counted.
    const action = first[0]?.reply.buttons?.[0]?.action;
    if (!action) throw new Error("no more button");
    const more = await runCommand(registry([latest]), action, h.ctx());
    expect(more.cards.map((c) => c.footer)).toEqual(["a2", "a1"]);

    await h.time.advanceTo("2025-07-18T08:00:00Z");
    expect(h.discord.to("100")).toHaveLength(1); // a1 and a2 were counted in "2 more", not owed

    h.library.add(article("b1", { date: "2025-07-18" }));
    await h.time.advanceTo("2025-07-19T08:00:00Z");
    const third = h.discord.to("100")[1];
    expect(third?.reply.cards.map((c) => c.footer)).toEqual(["b1"]);
    expect(third?.at).toBe("2025-07-19T08:00:00.000Z");
  });

  it("GIVEN a topic THEN only matching articles, matched without case or accents", async () => {
    h = harness({
      start: "2025-07-17T06:00:00Z",
      articles: [
        article("eco", { category: "Économie", tags: [] }),
        article("sport", { category: "Sport", tags: ["Football"] }),
      ],
      tuning: TUNING,
    });
    await h.scheduler.start();
    await h.scheduler.port.scheduleDigest(paris, alice, { cron: "0 8 * * *", topic: "ECONOMIE" });
    await h.time.advanceTo("2025-07-17T08:00:00Z");
    const [post] = h.discord.to("100");
    expect(post?.reply.cards.map((c) => c.footer)).toEqual(["eco"]);
    expect(post?.reply.text).toBe("News digest: ECONOMIE");
  });
});

// DST: tests/unit/schedule/dst.test.ts counts the fires.

describe("catch-up after downtime", () => {
  async function downtime(catchUp: "latest" | "none") {
    h = harness({
      start: "2025-07-17T06:00:00Z",
      config: { catchUp },
      articles: [article("a1")],
      tuning: TUNING,
    });
    await h.scheduler.start();
    await h.scheduler.port.scheduleDigest(paris, alice, { cron: "0 8 * * *" });
    await h.time.advanceTo("2025-07-17T09:00:00Z");
    expect(h.discord.to("100")).toHaveLength(1);
    await h.scheduler.stop();
    // Down for three days and a bit: slots on the 18th, 19th and 20th are missed.
    h.library.add(article("while-down", { date: "2025-07-19" }));
    h.time.jump("2025-07-20T12:00:00Z");
    h.scheduler = h.another();
    await h.scheduler.start();
    await h.settle();
  }

  it("GIVEN CATCH_UP=latest THEN the newest missed slot runs once at start, not one per slot", async () => {
    await downtime("latest");
    const posts = h.discord.to("100");
    expect(posts).toHaveLength(2);
    expect(posts[1]?.at).toBe("2025-07-20T12:00:00.000Z");
    expect(posts[1]?.reply.cards.map((c) => c.footer)).toEqual(["while-down"]);
    const row = h.db
      .prepare("SELECT key FROM deliveries WHERE kind = 'digest' ORDER BY created_at")
      .pluck()
      .all();
    expect(row[1]).toMatch(/:2025-07-20T08:00:00.000Z$/);
  });

  it("GIVEN CATCH_UP=none THEN missed slots are skipped and the next slot carries the news", async () => {
    await downtime("none");
    expect(h.discord.to("100")).toHaveLength(1);
    await h.time.advanceTo("2025-07-21T08:00:00Z");
    const posts = h.discord.to("100");
    expect(posts).toHaveLength(2);
    expect(posts[1]?.at).toBe("2025-07-21T08:00:00.000Z");
  });
});

describe("one-off posts", () => {
  it("GIVEN /schedule post at 10:00 THEN it is posted at 10:00 exactly once, then leaves the list", async () => {
    h = harness({ start: "2025-07-17T06:00:00Z", articles: [article("a1")], tuning: TUNING });
    await h.scheduler.start();
    const view = await h.scheduler.port.schedulePost(paris, alice, {
      articleId: "a1",
      when: new Date("2025-07-17T10:00:00Z"),
    });
    expect((await h.scheduler.port.overview(paris)).schedules.map((s) => s.id)).toEqual([view.id]);
    await h.time.advanceTo("2025-07-17T09:59:59Z");
    expect(h.discord.sent).toHaveLength(0);
    await h.time.advanceTo("2025-07-18T00:00:00Z");
    expect(h.discord.to("100").map((s) => s.at)).toEqual(["2025-07-17T10:00:00.000Z"]);
    expect(h.discord.sent[0]?.reply.cards[0]?.title).toBe("Title a1");
    expect((await h.scheduler.port.overview(paris)).schedules).toEqual([]);
  });

  it("GIVEN the bot down at the time and CATCH_UP=none THEN it is marked missed, shown in the list", async () => {
    h = harness({
      start: "2025-07-17T06:00:00Z",
      config: { catchUp: "none" },
      articles: [article("a1")],
      tuning: TUNING,
    });
    await h.scheduler.start();
    await h.scheduler.port.schedulePost(paris, alice, {
      articleId: "a1",
      when: new Date("2025-07-17T10:00:00Z"),
    });
    await h.scheduler.stop();
    h.time.jump("2025-07-17T12:00:00Z");
    h.scheduler = h.another();
    await h.scheduler.start();
    await h.settle();
    expect(h.discord.sent).toHaveLength(0);
    expect((await h.scheduler.port.overview(paris)).schedules.map((s) => s.state)).toEqual(["missed"]);
  });

  it("GIVEN the bot down at the time and CATCH_UP=latest THEN it is posted at start", async () => {
    h = harness({ start: "2025-07-17T06:00:00Z", articles: [article("a1")], tuning: TUNING });
    await h.scheduler.start();
    await h.scheduler.port.schedulePost(paris, alice, {
      articleId: "a1",
      when: new Date("2025-07-17T10:00:00Z"),
    });
    await h.scheduler.stop();
    h.time.jump("2025-07-17T12:00:00Z");
    h.scheduler = h.another();
    await h.scheduler.start();
    await h.settle();
    expect(h.discord.to("100").map((s) => s.at)).toEqual(["2025-07-17T12:00:00.000Z"]);
  });
});
