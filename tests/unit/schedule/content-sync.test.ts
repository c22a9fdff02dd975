import { afterEach, describe, expect, it } from "vitest";
import { article, type Harness, harness, PublishError } from "./helpers.js";

const TUNING = { maxSleepMs: 6 * 3_600_000, heartbeatMs: 3_600_000 };

let h: Harness;
afterEach(async () => {
  await h.scheduler.stop();
  h.close();
});

/** Another process announced "late" (its copy of the content had it); this one's has not yet. */
async function announcedElsewhere(): Promise<void> {
  await h.store.recordAnnouncements({
    at: h.time.clock.now().toISOString(),
    baseline: true,
    passed: [],
    announce: [],
    targets: [],
  });
  await h.store.recordAnnouncements({
    at: h.time.clock.now().toISOString(),
    passed: [],
    announce: [{ articleId: "late", topicKeys: [] }],
    targets: ["discord:111"],
  });
}

describe("a post whose article has not reached this machine yet (ADR 0106)", () => {
  it("GIVEN a sync grace THEN it waits for the file, and goes out with it once it arrives", async () => {
    h = harness({ start: "2025-07-17T08:00:00Z", tuning: { ...TUNING, contentSyncGraceMs: 300_000 } });
    await announcedElsewhere();
    await h.scheduler.start();
    await h.time.advance(20_000);
    expect(h.discord.to("111")).toHaveLength(0);
    h.library.add(article("late"));
    await h.time.advance(20_000);
    expect(h.discord.to("111").map((s) => s.reply.cards[0]?.title)).toEqual(["Title late"]);
  });

  it("GIVEN a long wait for the file THEN the waits are no attempts: a failure after it arrives is retried", async () => {
    h = harness({
      start: "2025-07-17T08:00:00Z",
      tuning: { ...TUNING, contentSyncGraceMs: 300_000, maxTransientAttempts: 2 },
    });
    await announcedElsewhere();
    await h.scheduler.start();
    await h.time.advance(200_000); // a dozen looks at it, 15 s apart
    h.library.add(article("late"));
    h.discord.fail = (_c, attempt) => (attempt === 1 ? new PublishError("transient", "502") : null);
    await h.time.advance(600_000);
    expect(h.discord.to("111")).toHaveLength(1);
    expect(await h.store.countDeliveries()).toMatchObject({ done: 1, failed: 0 });
  });

  it("GIVEN no grace (one machine: a missing article was removed) THEN nothing is left to post", async () => {
    h = harness({ start: "2025-07-17T08:00:00Z", tuning: TUNING });
    await announcedElsewhere();
    await h.scheduler.start();
    await h.time.advance(20_000);
    expect(h.discord.to("111")).toHaveLength(0);
    expect(await h.store.countDeliveries()).toMatchObject({ dropped: 1 });
  });

  it("GIVEN the grace over THEN it is not waited for any longer", async () => {
    h = harness({ start: "2025-07-17T08:00:00Z", tuning: { ...TUNING, contentSyncGraceMs: 60_000 } });
    await announcedElsewhere();
    await h.scheduler.start();
    await h.time.advance(120_000);
    expect(await h.store.countDeliveries()).toMatchObject({ dropped: 1, pending: 0 });
  });
});
