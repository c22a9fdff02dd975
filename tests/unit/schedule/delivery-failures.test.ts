import { afterEach, describe, expect, it, vi } from "vitest";
import type { Article } from "../../../src/domain/article.js";
import { DeliveryTable } from "../../../src/store/sqlite/scheduling/deliveries.js";
import { TargetTable } from "../../../src/store/sqlite/scheduling/targets.js";
import { recordingLogger } from "../../helpers/recording-logger.js";
import { article, type Harness, harness, PublishError } from "./helpers.js";

/**
 * What the delivery worker does with each kind of failure (ADR 33), at the exact boundaries:
 * how long it waits, when it gives up, what the schedule and the log then say.
 */

const TUNING = { maxSleepMs: 6 * 3_600_000, heartbeatMs: 3_600_000, concurrency: 1 };
const alice = { id: "u1", name: "Alice" };
const one = { platform: "discord" as const, id: "1" };

let h: Harness;
afterEach(async () => {
  vi.restoreAllMocks();
  await h.scheduler.stop();
  h.close();
});

/** A post of a1 to discord:1 at 09:00, with the worker's log recorded. */
async function postAt9(tuning = {}) {
  const rec = recordingLogger();
  h = harness({ start: "2025-07-17T08:00:00Z", articles: [article("a1")], tuning: { ...TUNING, ...tuning } });
  h.scheduler = h.another({ log: rec.log });
  await h.scheduler.start();
  const view = await h.scheduler.port.schedulePost(one, alice, {
    articleId: "a1",
    when: new Date("2025-07-17T09:00:00Z"),
  });
  return {
    rec,
    id: view.id,
    schedule: async () => (await h.scheduler.port.overview(one)).schedules.find((s) => s.id === view.id),
  };
}

const sentAt = () => h.discord.to("1").map((s) => s.at);

describe("rate limits", () => {
  it("GIVEN a 429 without retry-after THEN it waits 5 s, logs it, and does not count it as an attempt", async () => {
    const { rec } = await postAt9({ maxTransientAttempts: 1 });
    h.discord.fail = (_c, attempt) => (attempt <= 2 ? new PublishError("rate-limited", "429") : null);
    await h.time.advanceTo("2025-07-17T09:10:00Z");
    // Two rate limits, then sent: with a single transient attempt allowed, so they did not count.
    expect(sentAt()).toEqual(["2025-07-17T09:00:10.000Z"]);
    expect(rec.find(/rate limited: waiting as asked/)?.obj).toMatchObject({
      retryAfterMs: 5_000,
      target: "discord:1",
    });
  });
});

describe("permanent failures", () => {
  it("GIVEN two permanent failures THEN retried with a warning; the third disables the target and fails its other posts", async () => {
    const { rec, schedule } = await postAt9();
    const later = await h.scheduler.port.schedulePost(one, alice, {
      articleId: "a1",
      when: new Date("2025-07-18T09:00:00Z"),
    });
    h.discord.fail = () => new PublishError("permanent", "Missing Access");
    await h.time.advanceTo("2025-07-17T09:01:00Z"); // 1st at 09:00, 2nd at 09:00:30
    expect(new TargetTable(h.db).isDisabled("discord:1")).toBe(false);
    expect(rec.find(/permanent failure: will try again/)?.obj).toMatchObject({ failures: 1 });
    await h.time.advanceTo("2025-07-17T09:03:00Z"); // 3rd at 09:01:30
    expect(new TargetTable(h.db).isDisabled("discord:1")).toBe(true);
    expect(await schedule()).toMatchObject({ state: "failed", stateReason: "targetDisabled" });
    expect(rec.find(/keeps failing permanently: disabled/)?.obj).toEqual({
      target: "discord:1",
      reason: "Missing Access",
    });
    // The later post is refused at its time: the target is off.
    await h.time.advanceTo("2025-07-18T10:00:00Z");
    expect((await h.scheduler.port.overview(one)).schedules.find((s) => s.id === later.id)).toMatchObject({
      state: "failed",
      stateReason: "targetDisabled",
    });
    expect(sentAt()).toEqual([]);
  });
});

describe("transient failures", () => {
  it("GIVEN the limit of 3 attempts THEN the 3rd failure gives up: no 4th try, the schedule failed with the reason", async () => {
    const { rec, schedule } = await postAt9({ maxTransientAttempts: 3 });
    const tries: string[] = [];
    h.discord.fail = () => {
      tries.push(h.time.clock.now().toISOString());
      return new PublishError("transient", "502 Bad Gateway");
    };
    await h.time.advanceTo("2025-07-18T09:00:00Z");
    expect(tries).toEqual([
      "2025-07-17T09:00:00.000Z",
      "2025-07-17T09:00:30.000Z",
      "2025-07-17T09:01:30.000Z",
    ]);
    expect(await schedule()).toMatchObject({
      state: "failed",
      stateReason: "sendFailed",
      stateDetail: "502 Bad Gateway",
    });
    expect(rec.lines.filter((l) => /delivery failed: will retry/.test(l.msg ?? ""))).toHaveLength(2);
  });
});

describe("articles that change under a pending delivery", () => {
  it("GIVEN the article embargoed again (publish_at moved later) after its post was planned THEN it waits for the new time", async () => {
    const { schedule } = await postAt9();
    h.discord.fail = (_c, attempt) => (attempt === 1 ? new PublishError("transient", "502") : null);
    await h.time.advanceTo("2025-07-17T09:00:10Z");
    // Silently, as a file edit the scheduler did not hear about yet.
    setSilently(h, article("a1", { publishAt: "2025-07-17T12:00:00Z" }));
    await h.time.advanceTo("2025-07-17T13:00:00Z");
    expect(sentAt()).toEqual(["2025-07-17T12:00:00.000Z"]);
    expect(await schedule()).toBeUndefined(); // done: no longer listed
  });

  it("GIVEN a re-embargo after a failure THEN the wait is no attempt: the post keeps its remaining tries", async () => {
    const { schedule } = await postAt9({ maxTransientAttempts: 3 });
    // Calls to the platform: 09:00 fails (attempt 1); 12:00, after the embargo, fails (attempt 2,
    // not 3: the embargo wait did not count); the retry (attempt 3) goes out.
    h.discord.fail = (_c, attempt) => (attempt <= 2 ? new PublishError("transient", "502") : null);
    await h.time.advanceTo("2025-07-17T09:00:10Z");
    setSilently(h, article("a1", { publishAt: "2025-07-17T12:00:00Z" }));
    await h.time.advanceTo("2025-07-17T13:00:00Z");
    expect(sentAt()).toHaveLength(1);
    expect((sentAt()[0] ?? "") > "2025-07-17T12:00:00.000Z").toBe(true);
    expect(await schedule()).toBeUndefined();
  });

  it("GIVEN the article gone (no event) before a retry THEN the delivery is dropped and the post shows it", async () => {
    const { schedule } = await postAt9();
    h.discord.fail = (_c, attempt) => (attempt === 1 ? new PublishError("transient", "502") : null);
    await h.time.advanceTo("2025-07-17T09:00:10Z");
    deleteSilently(h, "a1");
    await h.time.advanceTo("2025-07-17T10:00:00Z");
    expect(sentAt()).toEqual([]);
    expect(await h.scheduler.stats()).toMatchObject({ dropped: 1, pending: 0 });
    expect(await schedule()).toMatchObject({ state: "failed", stateReason: "articleRemoved" });
  });

  it("GIVEN the target disabled before a retry THEN the delivery fails without a send and the post says why", async () => {
    const { schedule } = await postAt9();
    h.discord.fail = (_c, attempt) => (attempt === 1 ? new PublishError("transient", "502") : null);
    await h.time.advanceTo("2025-07-17T09:00:10Z");
    new TargetTable(h.db).disable("discord:1", "Missing Access", "2025-07-17T09:00:10Z");
    await h.time.advanceTo("2025-07-17T10:00:00Z");
    expect(sentAt()).toEqual([]);
    expect(await h.scheduler.stats()).toMatchObject({ failed: 1, pending: 0 });
    expect(await schedule()).toMatchObject({ state: "failed", stateReason: "targetDisabled" });
  });
});

describe("bookkeeping", () => {
  it("GIVEN marking a delivery done throws THEN it is logged and the worker goes on with the next one", async () => {
    const rec = recordingLogger();
    h = harness({
      start: "2025-07-17T08:00:00Z",
      config: { digestCron: "0 9 * * *", targets: ["discord:1", "discord:2"] },
      articles: [article("a1")],
      tuning: TUNING,
    });
    h.scheduler = h.another({ log: rec.log });
    vi.spyOn(DeliveryTable.prototype, "markDone").mockImplementationOnce(function (this: DeliveryTable) {
      throw new Error("disk I/O error");
    });
    await h.scheduler.start();
    await h.time.advanceTo("2025-07-17T09:00:00Z");
    expect(rec.find(/delivery bookkeeping failed/)?.obj).toMatchObject({
      delivery: "digest:discord:1:2025-07-17T09:00:00.000Z",
    });
    expect([h.discord.to("1").length, h.discord.to("2").length]).toEqual([1, 1]);
  });

  it("GIVEN a publisher that reports the same chat id as moved THEN nothing moves", async () => {
    await postAt9();
    const publish = h.discord.publish.bind(h.discord);
    h.discord.publish = async (channel, reply, locale) => ({
      ...(await publish(channel, reply, locale)),
      movedTo: channel.id,
    });
    await h.time.advanceTo("2025-07-17T09:10:00Z");
    expect(sentAt()).toEqual(["2025-07-17T09:00:00.000Z"]);
    expect(h.db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'target.moved'").pluck().get()).toBe(
      0,
    );
  });
});

/** Replaces an article in the fake library without telling anyone (an edit not yet noticed). */
function setSilently(harness: Harness, a: Article): void {
  (harness.library as unknown as { articles: Map<string, Article> }).articles.set(a.id, a);
}

function deleteSilently(harness: Harness, id: string): void {
  (harness.library as unknown as { articles: Map<string, Article> }).articles.delete(id);
}
