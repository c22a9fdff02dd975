import { afterEach, describe, expect, it } from "vitest";
import { article, type Harness, harness, PublishError, tmpDbPath } from "./helpers.js";

const TUNING = { maxSleepMs: 6 * 3_600_000, heartbeatMs: 3_600_000, concurrency: 1 };
const alice = { id: "u1", name: "Alice" };
const targets = ["discord:1", "discord:2", "discord:3", "discord:4", "discord:5", "discord:6"];

let h: Harness;
afterEach(async () => {
  await h.scheduler.stop();
  h.close();
});

/** Six configured targets and one article at baseline: the 09:00 UTC slot fans out six digests. */
function fanOut(tuning = TUNING, dbPath?: string) {
  h = harness({
    start: "2025-07-17T08:00:00Z",
    config: { digestCron: "0 9 * * *", targets },
    articles: [article("a1")],
    tuning,
    dbPath,
  });
  return h;
}

const perTarget = () => targets.map((t) => h.discord.to(t.slice("discord:".length)).length);

describe("the outbox across a crash", () => {
  it("GIVEN a crash after 3 of 6 sends (the 4th in flight) THEN after restart every target has exactly one", async () => {
    fanOut();
    h.discord.fail = (channel, attempt) => (channel === "4" && attempt === 1 ? "hang" : null);
    const first = h.scheduler;
    await first.start();
    await h.time.advanceTo("2025-07-17T09:00:00Z");
    expect(perTarget()).toEqual([1, 1, 1, 0, 0, 0]);
    expect(await first.stats()).toMatchObject({ done: 3, sending: 1, pending: 2 });

    h.crash(first); // SIGKILL: its send to 4 never returns, nothing is cleaned up
    h.scheduler = h.another({ instance: { pid: 2002 }, isProcessAlive: (pid) => pid === 2002 });
    await h.scheduler.start();
    await h.settle();
    expect(perTarget()).toEqual([1, 1, 1, 1, 1, 1]);
    expect(await h.scheduler.stats()).toMatchObject({ done: 6, sending: 0, pending: 0 });
  });

  it("GIVEN the dead process is on another host THEN its claim is taken over only when it expires", async () => {
    fanOut();
    h.discord.fail = (channel, attempt) => (channel === "2" && attempt === 1 ? "hang" : null);
    const first = h.scheduler;
    await first.start();
    await h.time.advanceTo("2025-07-17T09:00:00Z");
    h.crash(first);
    h.scheduler = h.another({ instance: { host: "elsewhere" } });
    await h.scheduler.start();
    await h.settle();
    // The others go out at once; the one in flight waits for its claim to expire (2 min).
    expect(perTarget()).toEqual([1, 0, 1, 1, 1, 1]);
    await h.time.advance(119_000);
    expect(perTarget()).toEqual([1, 0, 1, 1, 1, 1]);
    await h.time.advance(2_000);
    expect(perTarget()).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it("GIVEN a send resumed after a crash THEN it carries the key of the interrupted one", async () => {
    fanOut();
    h.discord.fail = (channel, attempt) => (channel === "4" && attempt === 1 ? "hang" : null);
    const first = h.scheduler;
    await first.start();
    await h.time.advanceTo("2025-07-17T09:00:00Z");
    h.crash(first);
    h.scheduler = h.another({
      instance: { pid: 2002 },
      isProcessAlive: (pid) => pid === 2002,
    });
    await h.scheduler.start();
    await h.settle();
    const keys = h.discord.calls.filter((c) => c.channelId === "4").map((c) => c.key);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[0]).toMatch(/^digest:discord:4:/);
    expect(perTarget()).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it("GIVEN a restart after everything was sent THEN nothing is sent again", async () => {
    fanOut();
    await h.scheduler.start();
    await h.time.advanceTo("2025-07-17T09:30:00Z");
    await h.scheduler.stop();
    h.scheduler = h.another();
    await h.scheduler.start();
    await h.time.advanceTo("2025-07-17T12:00:00Z");
    expect(perTarget()).toEqual([1, 1, 1, 1, 1, 1]);
  });
});

describe("failures", () => {
  it("GIVEN a target failing permanently THEN it is disabled after 3 tries, the others still get theirs, and the list says so", async () => {
    fanOut({ ...TUNING, concurrency: 2 });
    h.discord.fail = (channel) => (channel === "3" ? new PublishError("permanent", "Missing Access") : null);
    const post = () =>
      h.scheduler.port.schedulePost({ platform: "discord", id: "3" }, alice, {
        articleId: "a1",
        when: new Date("2025-07-17T10:00:00Z"),
      });
    await h.scheduler.start();
    const view = await post();
    await h.time.advanceTo("2025-07-17T11:00:00Z");
    expect(perTarget()).toEqual([1, 1, 0, 1, 1, 1]);
    const overview = await h.scheduler.port.overview({ platform: "discord", id: "3" });
    expect(overview.disabled?.reason).toBe("Missing Access");
    expect(overview.schedules.find((s) => s.id === view.id)).toMatchObject({
      state: "failed",
      stateReason: "targetDisabled",
    });
    const audit = await h.store.recentAudit(10, "discord:3");
    expect(audit.map((a) => a.action)).toContain("target.disabled");

    // What a moderator sees in that channel.
    const text = (await h.say("/schedule list", { channel: { platform: "discord", id: "3" } })).plain;
    expect(text).toContain("disabled since");
    expect(text).toContain("Missing Access");
    expect(text).toContain("failed: posting here is disabled");
  });

  it("GIVEN transient failures THEN retried with backoff (30 s, then 60 s) and sent once", async () => {
    fanOut();
    h.discord.fail = (channel, attempt) =>
      channel === "1" && attempt <= 2 ? new PublishError("transient", "502 Bad Gateway") : null;
    await h.scheduler.start();
    await h.time.advanceTo("2025-07-17T09:10:00Z");
    expect(h.discord.to("1").map((s) => s.at)).toEqual(["2025-07-17T09:01:30.000Z"]);
    expect(perTarget()).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it("GIVEN a rate limit THEN it waits retryAfterMs, no more", async () => {
    fanOut();
    h.discord.fail = (channel, attempt) =>
      channel === "1" && attempt === 1 ? new PublishError("rate-limited", "429", 7_000) : null;
    await h.scheduler.start();
    await h.time.advanceTo("2025-07-17T09:10:00Z");
    expect(h.discord.to("1").map((s) => s.at)).toEqual(["2025-07-17T09:00:07.000Z"]);
  });

  it("GIVEN a publisher that posted to the chat's new id (Telegram supergroup) THEN the chat's schedules follow", async () => {
    h = harness({ start: "2025-07-17T08:00:00Z", articles: [article("a1")], tuning: TUNING });
    const publish = h.telegram.publish.bind(h.telegram);
    h.telegram.publish = async (channelId, reply, locale) => ({
      ...(await publish(channelId, reply, locale)),
      movedTo: "-100444",
    });
    const old = { platform: "telegram" as const, id: "-222" };
    await h.scheduler.start();
    await h.scheduler.port.subscribe(old, alice, "bitcoin");
    await h.scheduler.port.schedulePost(old, alice, {
      articleId: "a1",
      when: new Date("2025-07-17T09:00:00Z"),
    });
    await h.time.advanceTo("2025-07-17T09:05:00Z");
    expect(h.telegram.to("-222")).toHaveLength(1);
    expect((await h.scheduler.port.overview({ platform: "telegram", id: "-100444" })).subscriptions).toEqual([
      "bitcoin",
    ]);
    expect((await h.store.recentAudit(1))[0]).toMatchObject({
      action: "target.moved",
      detail: { to: "telegram:-100444" },
    });
  });
});

// Two schedulers in one event loop cannot race for a claim (better-sqlite3 is synchronous): this
// checks that their planning agrees. The claim race itself, between two processes, is in
// tests/e2e/schedule/fanout.test.ts.
describe("two schedulers on one database file, one event loop", () => {
  it("GIVEN two schedulers sharing a file THEN planning agrees: every slot and article is enqueued once per target", async () => {
    const db = tmpDbPath();
    fanOut({ ...TUNING, concurrency: 3 }, db.path);
    const second = h.another();
    await Promise.all([h.scheduler.start(), second.start()]);
    await h.scheduler.port.subscribe({ platform: "telegram", id: "-7" }, alice, "bitcoin");
    await second.port.schedulePost({ platform: "discord", id: "1" }, alice, {
      articleId: "a1",
      when: new Date("2025-07-17T08:30:00Z"),
    });
    await h.time.advanceTo("2025-07-17T08:45:00Z");
    h.library.add(article("n1", { tags: ["Bitcoin"] }));
    await h.time.advanceTo("2025-07-17T09:30:00Z");
    expect(h.telegram.to("-7")).toHaveLength(1);
    // discord:1 got the post at 08:30, the announcement of n1, and no digest (nothing new left).
    expect(h.discord.to("1").map((s) => s.reply.text ?? "post")).toEqual(["post", "New article"]);
    for (const t of targets.slice(1)) {
      expect(h.discord.to(t.slice(8)).map((s) => s.reply.text)).toEqual(["New article", "News digest"]);
    }
    await second.stop();
    db.cleanup();
  });
});
