import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../../src/domain/logger.js";
import { PublisherRegistry } from "../../../src/schedule/publisher-registry.js";
import { createScheduler } from "../../../src/schedule/scheduler.js";
import { AuditTable } from "../../../src/store/sqlite/scheduling/audit.js";
import { DeliveryTable } from "../../../src/store/sqlite/scheduling/deliveries.js";
import { InstanceTable } from "../../../src/store/sqlite/scheduling/instances.js";
import { TargetTable } from "../../../src/store/sqlite/scheduling/targets.js";
import { FakeClock } from "../../helpers/fake-clock.js";
import { recordingLogger } from "../../helpers/recording-logger.js";
import { gate } from "../../helpers/wait-for.js";
import { article, CONFIG, FakeLibrary, fakeInsights, type Harness, harness } from "./helpers.js";

/** The scheduler's own life: what it refuses at creation, what it says and does at start, its heartbeat. */

const TUNING = { maxSleepMs: 6 * 3_600_000, heartbeatMs: 3_600_000 };

let h: Harness | undefined;
afterEach(async () => {
  // A scheduler whose send hangs would wait for it forever: those tests are done once it hangs.
  if (h) await Promise.race([h.scheduler.stop(), h.discord.hangs]);
  h?.close();
  h = undefined;
});

describe("createScheduler", () => {
  it("GIVEN an unknown zone, an invalid cron or an invalid target THEN it refuses, naming it", () => {
    const time = new FakeClock("2025-07-17T08:00:00Z");
    const make = (config: Partial<typeof CONFIG>) => () =>
      createScheduler({
        store: null as never,
        library: new FakeLibrary(time.clock),
        insights: fakeInsights,
        publishers: new PublisherRegistry([]),
        clock: time.clock,
        timers: time.timers(),
        log: silentLogger,
        config: { ...CONFIG, ...config },
      });
    expect(make({ timeZone: "Mars/Olympus" })).toThrow("scheduler: unknown time zone Mars/Olympus");
    expect(make({ digestCron: "every day" })).toThrow("scheduler: invalid cron every day");
    expect(make({ targets: ["irc:#news"] })).toThrow("scheduler: invalid target irc:#news");
  });

  it("GIVEN a DIGEST_CRON firing more often than every 5 minutes THEN a warning names it; every 5 minutes THEN none", () => {
    for (const [cron, warned] of [
      ["*/4 * * * *", true],
      ["*/5 * * * *", false],
    ] as const) {
      const rec = recordingLogger();
      h = harness({ start: "2025-07-17T08:00:00Z", tuning: TUNING });
      h.another({ config: { ...CONFIG, digestCron: cron }, log: rec.log });
      expect(rec.find(/more often than every 5 minutes/)?.obj).toEqual(warned ? { cron } : undefined);
      h.close();
      h = undefined;
    }
  });
});

describe("start()", () => {
  it("GIVEN unfinished deliveries THEN it says how many it resumes; none THEN it says nothing of it", async () => {
    h = harness({
      start: "2025-07-17T08:00:00Z",
      config: { digestCron: "0 9 * * *", targets: ["discord:1"] },
      articles: [article("a1")],
      tuning: TUNING,
    });
    h.discord.fail = () => "hang";
    await h.scheduler.start();
    await h.time.advanceTo("2025-07-17T09:00:00Z");
    h.crash(h.scheduler);
    const quiet = recordingLogger();
    const resumed = recordingLogger();
    h.scheduler = h.another({ instance: { pid: 7 }, isProcessAlive: () => true, log: quiet.log });
    // Started beside a live claimant: one delivery in flight elsewhere, none pending.
    await h.scheduler.start();
    expect(quiet.find(/resuming unfinished deliveries/)?.obj).toEqual({ pending: 0, sending: 1 });
    await h.scheduler.stop();
    new DeliveryTable(h.db).enqueue(
      {
        key: "post:x:1",
        target: "discord:2",
        kind: "post",
        payload: { articles: ["a1"] },
        dueAt: "2025-07-18T00:00:00Z",
      },
      "2025-07-17T09:00:00Z",
    );
    h.scheduler = h.another({ instance: { pid: 8 }, isProcessAlive: () => true, log: resumed.log });
    await h.scheduler.start();
    expect(resumed.find(/resuming unfinished deliveries/)?.obj).toEqual({ pending: 1, sending: 1 });
    const clean = recordingLogger();
    const fresh = harness({ start: "2025-07-17T08:00:00Z", tuning: TUNING });
    const s = fresh.another({ log: clean.log });
    await s.start();
    expect(clean.find(/resuming/)).toBeUndefined();
    expect(clean.find(/scheduler running/)?.level).toBe("info");
    await s.stop();
    fresh.close();
  });

  it("GIVEN a configured target the bot had disabled THEN a restart enables it again, audited and logged; an unconfigured one stays off", async () => {
    h = harness({ start: "2025-07-17T08:00:00Z", config: { targets: ["discord:1"] }, tuning: TUNING });
    const targets = new TargetTable(h.db);
    targets.disable("discord:1", "Missing Access", "2025-07-17T07:00:00Z");
    targets.disable("discord:2", "Missing Access", "2025-07-17T07:00:00Z");
    const rec = recordingLogger();
    h.scheduler = h.another({ log: rec.log });
    await h.scheduler.start();
    expect([targets.isDisabled("discord:1"), targets.isDisabled("discord:2")]).toEqual([false, true]);
    expect(new AuditTable(h.db).recent(5, "discord:1")[0]).toMatchObject({
      action: "target.enabled",
      actorId: "system",
      detail: { reason: "restart" },
    });
    expect(rec.find(/configured target enabled again at start/)?.obj).toEqual({ target: "discord:1" });
  });

  it("GIVEN stop() before start() THEN nothing to wait for and no registration left; a second stop() is harmless", async () => {
    h = harness({ start: "2025-07-17T08:00:00Z", tuning: TUNING });
    expect(await h.scheduler.stop()).toEqual({ inFlight: [] });
    expect(await h.scheduler.stop()).toEqual({ inFlight: [] });
    expect(new InstanceTable(h.db).others("nobody")).toEqual([]);
  });
});

describe("passes", () => {
  it("GIVEN a file added while a pass is sending THEN another pass follows at once, not at the next timer", async () => {
    h = harness({
      start: "2025-07-17T08:00:00Z",
      config: { targets: ["discord:1"] },
      articles: [article("a1")],
      tuning: TUNING,
    });
    const slow = gate();
    const publish = h.discord.publish.bind(h.discord);
    let first = true;
    h.discord.publish = async (channel, reply, locale) => {
      if (first) {
        first = false;
        await slow.promise;
      }
      return publish(channel, reply, locale);
    };
    h.time.settle = async () => {
      for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
    };
    await h.scheduler.start();
    h.library.add(article("n1"));
    await h.time.advance(0);
    h.library.add(article("n2")); // arrives while n1's announcement is out
    await h.time.advance(0);
    slow.open();
    await h.scheduler.idle();
    expect(h.discord.to("1").map((s) => [s.reply.cards[0]?.title, s.at])).toEqual([
      ["Title n1", "2025-07-17T08:00:00.000Z"],
      ["Title n2", "2025-07-17T08:00:00.000Z"],
    ]);
  });
});

describe("the heartbeat", () => {
  it("GIVEN a scheduler on another host silent for more than 5 minutes THEN its claims are taken over and sent; at exactly 5 THEN not yet", async () => {
    h = harness({
      start: "2025-07-17T08:00:00Z",
      config: { digestCron: "0 9 * * *", targets: ["discord:1"] },
      articles: [article("a1")],
      tuning: { ...TUNING, heartbeatMs: 60_000, claimTtlMs: 3_600_000 },
    });
    h.discord.fail = (_channel, attempt) => (attempt === 1 ? "hang" : null);
    const gone = h.another({ instance: { host: "elsewhere" } });
    await gone.start();
    await h.time.advanceTo("2025-07-17T09:00:00Z");
    h.crash(gone); // its last heartbeat: 09:00
    h.crash(h.scheduler);
    h.scheduler = h.another({ tuning: { ...TUNING, heartbeatMs: 60_000, claimTtlMs: 3_600_000 } });
    await h.scheduler.start();
    // The claim lasts an hour: only the silence frees it. Heartbeats at 09:01 ... 09:05 (exactly
    // 5 minutes: not yet dead), 09:06 (dead: taken over, sent).
    await h.time.advanceTo("2025-07-17T09:05:59Z");
    expect(h.discord.to("1")).toHaveLength(0);
    await h.time.advanceTo("2025-07-17T09:06:00Z");
    expect(h.discord.to("1").map((s) => s.at)).toEqual(["2025-07-17T09:06:00.000Z"]);
  });

  it("GIVEN a send in flight THEN each heartbeat renews its claim for the claim's lifetime from now", async () => {
    h = harness({
      start: "2025-07-17T08:00:00Z",
      config: { digestCron: "0 9 * * *", targets: ["discord:1"] },
      articles: [article("a1")],
      tuning: { ...TUNING, heartbeatMs: 20_000, claimTtlMs: 120_000 },
    });
    h.discord.fail = () => "hang";
    await h.scheduler.start();
    await h.time.advanceTo("2025-07-17T09:00:30Z");
    const claimUntil = () => h?.db.prepare("SELECT claim_until FROM deliveries").pluck().get();
    // Heartbeats every 20 s from 08:00:00: the last at 09:00:20 renewed it to 09:02:20.
    expect(claimUntil()).toBe("2025-07-17T09:02:20.000Z");
  });
});
