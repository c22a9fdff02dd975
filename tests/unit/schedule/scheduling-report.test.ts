import { afterEach, describe, expect, it } from "vitest";
import type { DeliveryFinding, SchedulingReport } from "../../../src/domain/scheduling-report.js";
import type { ChannelRef } from "../../../src/domain/target.js";
import { UserError } from "../../../src/framework/errors.js";
import { SqliteSchedulingReads } from "../../../src/store/sqlite/scheduling-reads.js";
import { article, type Harness, harness, PublishError } from "./helpers.js";

/**
 * "Why was this article not posted here?": the report reads the scheduler's own records back and
 * names every reason that applies. Each case builds the situation through the scheduler itself.
 */
const alice = { id: "u1", name: "Alice" };
const CHANNEL: ChannelRef = { platform: "discord", id: "100" };
const TUNING = { maxSleepMs: 6 * 3_600_000, heartbeatMs: 3_600_000, concurrency: 1 };

let h: Harness;
let report: SchedulingReport;
afterEach(async () => {
  await h.scheduler.stop();
  h.close();
});

async function start(config: Parameters<typeof harness>[0]["config"] = {}) {
  h = harness({
    start: "2025-07-17T08:00:00Z",
    articles: [article("old", { tags: ["bitcoin"] })],
    config,
    tuning: TUNING,
  });
  h.scheduler = h.another({ reads: new SqliteSchedulingReads(h.db) });
  report = h.scheduler.report as SchedulingReport;
  await h.scheduler.start();
}

const kinds = (findings: DeliveryFinding[]) => findings.map((f) => f.kind);

describe("GIVEN a channel following a topic", () => {
  it("THEN an article on it that arrived is explained as delivered, with the platform's message id", async () => {
    await start();
    await h.scheduler.port.subscribe(CHANNEL, alice, "bitcoin");
    h.library.add(article("new", { tags: ["Bitcoin"] }));
    await h.settle();
    const why = await report.explain(CHANNEL, "new");
    expect(why.title).toBe("Title new");
    expect(why.findings).toEqual([
      expect.objectContaining({ kind: "delivered", via: "announce", messageId: "discord-1" }),
    ]);
  });

  it("THEN an article on another topic is a topic mismatch naming what is followed and what it is about", async () => {
    await start();
    await h.scheduler.port.subscribe(CHANNEL, alice, "bitcoin");
    h.library.add(article("sport", { category: "Sport", tags: ["football"] }));
    await h.settle();
    const why = await report.explain(CHANNEL, "sport");
    expect(why.findings).toEqual([
      { kind: "topicMismatch", following: ["bitcoin"], articleTopics: ["Sport", "football"] },
    ]);
  });

  it("THEN an article that was there before the subscription is explained as arrived before", async () => {
    await start();
    await h.time.advance(60_000);
    await h.scheduler.port.subscribe(CHANNEL, alice, "bitcoin");
    const why = await report.explain(CHANNEL, "old");
    expect(why.findings).toEqual([
      {
        kind: "arrivedBefore",
        seenAt: new Date("2025-07-17T08:00:00Z"),
        followingSince: new Date("2025-07-17T08:01:00Z"),
      },
    ]);
  });

  it("THEN an embargoed article says until when", async () => {
    await start();
    await h.scheduler.port.subscribe(CHANNEL, alice, "bitcoin");
    h.library.add(article("later", { publishAt: "2025-07-18T06:00:00.000Z" }));
    await h.settle();
    expect((await report.explain(CHANNEL, "later")).findings).toContainEqual({
      kind: "embargo",
      until: new Date("2025-07-18T06:00:00.000Z"),
    });
  });
});

describe("GIVEN a channel whose posts fail for good", () => {
  it("THEN the article is failed with the platform's error, and the channel disabled with its reason", async () => {
    await start();
    h.discord.fail = () => new PublishError("permanent", "Missing Access");
    await h.scheduler.port.subscribe(CHANNEL, alice, "bitcoin");
    for (const id of ["n1", "n2", "n3"]) {
      h.library.add(article(id));
      await h.settle();
      await h.time.advance(3_600_000);
    }
    const why = await report.explain(CHANNEL, "n1");
    expect(kinds(why.findings)).toEqual(["failed", "targetDisabled"]);
    expect(why.findings[0]).toMatchObject({ error: "Missing Access", via: "announce" });
    expect(why.findings[1]).toMatchObject({ reason: "Missing Access" });
    expect(await report.disabledTargets()).toMatchObject([
      { target: "discord:100", reason: "Missing Access" },
    ]);
    expect((await report.deliveries(["discord:100"], 10)).map((d) => d.state)).toContain("failed");
  });
});

describe("GIVEN a channel with schedules", () => {
  it("THEN a post to come is scheduled, and a digest for every topic is the next digest at its fire time", async () => {
    await start();
    await h.scheduler.port.schedulePost(CHANNEL, alice, { articleId: "old", when: "2025-07-17 12:00" });
    await h.scheduler.port.scheduleDigest(CHANNEL, alice, { cron: "0 18 * * *" });
    const why = await report.explain(CHANNEL, "old");
    expect(why.findings).toEqual([
      expect.objectContaining({
        kind: "scheduled",
        runAt: new Date("2025-07-17T12:00:00Z"),
        state: "active",
      }),
      expect.objectContaining({ kind: "nextDigest", at: new Date("2025-07-17T18:00:00Z"), topic: null }),
    ]);
    const upcoming = await report.upcoming(null, 5);
    expect(upcoming.map((u) => [u.kind, u.at.toISOString()])).toEqual([
      ["post", "2025-07-17T12:00:00.000Z"],
      ["digest", "2025-07-17T18:00:00.000Z"],
    ]);
    expect(await report.upcoming(["discord:999"], 5)).toEqual([]);
  });

  it("THEN a channel that follows nothing says nothing asks for it, and an unknown id says so", async () => {
    await start();
    expect((await report.explain(CHANNEL, "old")).findings).toEqual([{ kind: "nothingAsks" }]);
    expect((await report.explain(CHANNEL, "nope")).findings).toEqual([{ kind: "unknownArticle" }]);
  });
});

describe("GIVEN a cron to preview in a channel's zone", () => {
  it("THEN the next five fire times are read in that zone, and a cron the service refuses is refused alike", async () => {
    await start();
    await h.scheduler.port.setTimeZone(CHANNEL, alice, "Europe/Paris");
    const times = await report.fireTimes(CHANNEL, "0 9 * * 1-5", 5);
    expect(times.map((t) => t.toISOString())).toEqual([
      "2025-07-18T07:00:00.000Z",
      "2025-07-21T07:00:00.000Z",
      "2025-07-22T07:00:00.000Z",
      "2025-07-23T07:00:00.000Z",
      "2025-07-24T07:00:00.000Z",
    ]);
    await expect(report.fireTimes(CHANNEL, "* * * * *", 5)).rejects.toMatchObject({
      code: "schedule.tooFrequent",
    });
    await expect(report.fireTimes(CHANNEL, "61 9 * * *", 5)).rejects.toBeInstanceOf(UserError);
    await expect(
      h.scheduler.port.scheduleDigest(CHANNEL, alice, { cron: "* * * * *" }),
    ).rejects.toMatchObject({ code: "schedule.tooFrequent" });
  });
});
