import { afterEach, describe, expect, it, vi } from "vitest";
import { PublisherRegistry } from "../../../src/schedule/publisher-registry.js";
import { DeliveryTable } from "../../../src/store/sqlite/scheduling/deliveries.js";
import { recordingLogger } from "../../helpers/recording-logger.js";
import { article, type Harness, harness, PublishError } from "./helpers.js";

const TUNING = { maxSleepMs: 6 * 3_600_000, heartbeatMs: 3_600_000, concurrency: 1 };
const alice = { id: "u1", name: "Alice" };

let h: Harness;
afterEach(async () => {
  vi.restoreAllMocks();
  await h.scheduler.stop();
  h.close();
});

/** The SQLite store throws (a disk error) whenever it records articles for `failing`. */
function failRecordingFor(failing: string): void {
  const record = DeliveryTable.prototype.recordArticles;
  vi.spyOn(DeliveryTable.prototype, "recordArticles").mockImplementation(function (
    this: DeliveryTable,
    target: string,
    key: string,
    shown: readonly string[],
    passed: readonly string[],
  ) {
    if (target === failing) throw new Error("disk I/O error");
    return record.call(this, target, key, shown, passed);
  });
}

describe("/schedule resume of a failed post", () => {
  it("GIVEN a post failed because the target was disabled THEN resume posts it exactly once", async () => {
    h = harness({ start: "2025-07-17T08:00:00Z", articles: [article("a1")], tuning: TUNING });
    const channel = { platform: "discord" as const, id: "3" };
    h.discord.fail = (id) => (id === "3" ? new PublishError("permanent", "Missing Access") : null);
    await h.scheduler.start();
    const view = await h.scheduler.port.schedulePost(channel, alice, {
      articleId: "a1",
      when: new Date("2025-07-17T09:00:00Z"),
    });
    await h.time.advanceTo("2025-07-17T10:00:00Z");
    expect((await h.scheduler.port.overview(channel)).disabled).not.toBeNull();
    expect((await h.scheduler.port.overview(channel)).schedules[0]).toMatchObject({ state: "failed" });

    h.discord.fail = () => null; // the moderator fixed the bot's permissions
    const resumed = await h.scheduler.port.resume(channel, alice, view.id);
    expect(resumed.targetEnabled).toBe(true);
    await h.time.advanceTo("2025-07-17T11:00:00Z");

    expect(h.discord.to("3")).toHaveLength(1);
    expect((await h.scheduler.port.overview(channel)).schedules).toEqual([]);
    // Its article counts as given again, so a digest does not post it a second time.
    const given = h.db.prepare("SELECT article_id FROM delivered_articles WHERE target = 'discord:3'");
    expect(given.pluck().all()).toEqual(["a1"]);
  });
});

describe("a target whose platform is not running", () => {
  it("GIVEN no telegram platform THEN the post is given up after the transient limit, logged, and the list says why", async () => {
    const { log, lines } = recordingLogger();
    h = harness({
      start: "2025-07-17T08:00:00Z",
      articles: [article("a1")],
      tuning: { ...TUNING, maxTransientAttempts: 3 },
    });
    await h.scheduler.stop();
    h.scheduler = h.another({ publishers: new PublisherRegistry([h.discord]), log });
    const chat = { platform: "telegram" as const, id: "-5" };
    await h.scheduler.start();
    await h.scheduler.port.schedulePost(chat, alice, {
      articleId: "a1",
      when: new Date("2025-07-17T09:00:00Z"),
    });
    await h.time.advanceTo("2025-07-18T09:00:00Z");

    expect(await h.scheduler.stats()).toMatchObject({ pending: 0, sending: 0, failed: 1 });
    // Told once when it starts, once when it gives up; not at every retry.
    expect(lines.filter((l) => l.level === "warn" && /not running/.test(l.msg ?? ""))).toHaveLength(1);
    expect(lines.some((l) => l.level === "error" && /given up/.test(l.msg ?? ""))).toBe(true);
    expect((await h.scheduler.port.overview(chat)).schedules[0]).toMatchObject({
      state: "failed",
      stateReason: "sendFailed",
    });
    const text = (await h.say("/schedule list", { channel: chat })).plain;
    expect(text).toContain("telegram platform is not running");
  });
});

describe("planning steps are all-or-nothing", () => {
  it("GIVEN the store throws while recording one target's digest THEN that target gets no delivery and the others get theirs", async () => {
    h = harness({
      start: "2025-07-17T08:00:00Z",
      config: { digestCron: "0 9 * * *", targets: ["discord:1", "discord:2"] },
      articles: [article("a1")],
      tuning: TUNING,
    });
    await h.scheduler.start();
    h.library.add(article("a2")); // announced at once to both
    await h.settle();
    h.library.add(article("a3"));
    failRecordingFor("discord:1");
    await h.time.advanceTo("2025-07-17T09:30:00Z");

    const keys = h.db.prepare("SELECT key FROM deliveries WHERE target = 'discord:1'").pluck().all();
    // Only the announcement of a2: neither a3's announcement nor a half-written one.
    expect(keys).toEqual(["announce:discord:1:a2"]);
    expect(h.discord.to("1")).toHaveLength(1);
    expect(h.discord.to("2").map((s) => s.reply.text)).toEqual(["New article", "New article", "News digest"]);
  });

  it("GIVEN the store throws for one due post THEN the other post still goes out", async () => {
    h = harness({ start: "2025-07-17T08:00:00Z", articles: [article("a1"), article("a2")], tuning: TUNING });
    await h.scheduler.start();
    const runAt = new Date("2025-07-17T09:00:00Z");
    await h.scheduler.port.schedulePost({ platform: "discord", id: "1" }, alice, {
      articleId: "a1",
      when: runAt,
    });
    await h.scheduler.port.schedulePost({ platform: "discord", id: "2" }, alice, {
      articleId: "a2",
      when: runAt,
    });
    failRecordingFor("discord:1");
    await h.time.advanceTo("2025-07-17T09:30:00Z");
    expect(h.discord.to("1")).toHaveLength(0);
    expect(h.discord.to("2")).toHaveLength(1);
    expect(h.db.prepare("SELECT COUNT(*) FROM deliveries WHERE target = 'discord:1'").pluck().get()).toBe(0);
  });
});

describe("/schedule post far in the future", () => {
  it("GIVEN in 99999999 weeks THEN a clear answer, not Something went wrong", async () => {
    h = harness({ start: "2025-07-17T08:00:00Z", articles: [article("a1")], tuning: TUNING });
    await h.scheduler.start();
    const text = (await h.say("/schedule post a1 in 99999999 weeks")).plain;
    expect(text).not.toMatch(/went wrong/i);
    expect(text).toContain("99999999 weeks");
  });
});
