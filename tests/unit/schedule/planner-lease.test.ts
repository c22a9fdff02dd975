import { afterEach, describe, expect, it } from "vitest";
import type { SchedulingStore } from "../../../src/domain/scheduling-store.js";
import { SqliteSchedulingStore } from "../../../src/store/sqlite/scheduling-store.js";
import { article, type Harness, harness } from "./helpers.js";

/** Long sleeps, so that only the lease's own timers and the cron slots wake the schedulers. */
const TUNING = { maxSleepMs: 6 * 3_600_000, heartbeatMs: 3_600_000, plannerLeaseMs: 15_000 };
const alice = { id: "u1", name: "Alice" };
const channel = { platform: "discord" as const, id: "100" };

let h: Harness;
afterEach(async () => {
  await h.scheduler.stop();
  h.close();
});

/** A store on the harness's database that counts the slots it is asked to plan. */
function countingStore(db: Harness["db"]): { store: SchedulingStore; planned: () => number } {
  const inner = new SqliteSchedulingStore(db);
  let planned = 0;
  const store = new Proxy(inner, {
    get(target, name, receiver) {
      if (name === "planSlot") {
        return (...args: Parameters<SchedulingStore["planSlot"]>) => {
          planned += 1;
          return target.planSlot(...args);
        };
      }
      const value = Reflect.get(target, name, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { store, planned: () => planned };
}

describe("one planner among the schedulers of one store (ADR 0102)", () => {
  it("GIVEN two schedulers THEN one plans, the other only delivers; the planner killed THEN the next slot is planned within the lease", async () => {
    // A moderator's hourly digest in a channel that follows nothing: new articles wait for it.
    h = harness({
      start: "2025-07-17T08:00:00Z",
      config: { timeZone: "UTC" },
      articles: [article("a1", { date: "2025-07-17" }), article("a2", { date: "2025-07-17" })],
      tuning: TUNING,
    });
    await h.scheduler.start();
    await h.scheduler.port.scheduleDigest(channel, alice, { cron: "0 * * * *" });
    const standby = countingStore(h.db);
    const second = h.another({ store: standby.store });
    await second.start();
    await h.time.advanceTo("2025-07-17T09:00:00Z");
    expect(h.discord.to("100").map((s) => s.at)).toEqual(["2025-07-17T09:00:00.000Z"]);
    expect(standby.planned()).toBe(0);

    // Something new for the next slot, then a SIGKILL: the planner's lease is neither renewed nor given up.
    h.library.add(article("a3", { date: "2025-07-17" }));
    await h.settle();
    h.crash(h.scheduler);
    await h.time.advanceTo("2025-07-17T10:00:30Z");
    const sent = h.discord.to("100").map((s) => Date.parse(s.at) - Date.parse("2025-07-17T10:00:00Z"));
    expect(sent).toHaveLength(2);
    expect(sent[1]).toBeGreaterThanOrEqual(0);
    expect(sent[1]).toBeLessThanOrEqual(15_000 + 1_000);
    expect(standby.planned()).toBeGreaterThan(0);
    h.scheduler = second;
  });

  it("GIVEN the planner stopped cleanly THEN the other plans the next slot on time", async () => {
    h = harness({
      start: "2025-07-17T08:00:00Z",
      config: { digestCron: "0 * * * *", timeZone: "UTC", targets: ["discord:111"] },
      articles: [article("a1", { date: "2025-07-17" })],
      tuning: TUNING,
    });
    await h.scheduler.start();
    const second = h.another();
    await second.start();
    await h.time.advanceTo("2025-07-17T08:30:00Z");
    await h.scheduler.stop();
    await h.time.advanceTo("2025-07-17T09:00:00Z");
    expect(h.discord.to("111").map((s) => s.at)).toEqual(["2025-07-17T09:00:00.000Z"]);
    h.scheduler = second;
  });
});
