import { afterEach, describe, expect, it } from "vitest";
import type { PublishOptions } from "../../../src/domain/publisher.js";
import type { Reply } from "../../../src/domain/reply.js";
import type { ChannelRef } from "../../../src/domain/target.js";
import { recordingLogger } from "../../helpers/recording-logger.js";
import { article, type Harness, harness } from "./helpers.js";

/**
 * Shutdown with sends in flight (ADR 0065): stop claiming, wait for what is out up to the drain
 * limit, mark it done; what is still out after that stays claimed by this process, so nobody
 * sends it again while it may still land.
 */

const TUNING = { maxSleepMs: 6 * 3_600_000, heartbeatMs: 3_600_000, concurrency: 1 };
const targets = ["discord:1", "discord:2", "discord:3"];

let h: Harness;
afterEach(async () => {
  await h.scheduler.stop();
  h.close();
});

/** Three digests due at 09:00; the first send to channel 1 takes `slowMs` of (fake) time, or never returns. */
async function fanOutWithSlowFirst(slowMs: number | "hang", log = recordingLogger()) {
  h = harness({
    start: "2025-07-17T08:00:00Z",
    config: { digestCron: "0 9 * * *", targets },
    articles: [article("a1")],
    tuning: TUNING,
  });
  // A slow send cannot be awaited by the default settle (which waits for the pass to end).
  h.time.settle = async () => {
    for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
  };
  const timers = h.time.timers();
  const publish = h.discord.publish.bind(h.discord);
  let first = true;
  h.discord.publish = (target: ChannelRef, reply: Reply, options: PublishOptions) => {
    if (target.id !== "1" || !first) return publish(target, reply, options);
    first = false;
    if (slowMs === "hang") return new Promise(() => {});
    return new Promise((resolve) => timers.set(() => resolve(publish(target, reply, options)), slowMs));
  };
  h.scheduler = h.another({ log: log.log });
  await h.scheduler.start();
  await h.time.advanceTo("2025-07-17T09:00:00Z");
  expect(await h.scheduler.stats()).toMatchObject({ sending: 1, pending: 2 });
  return log;
}

const instances = () => h.db.prepare("SELECT COUNT(*) FROM scheduler_instances").pluck().get();

describe("stop() with a send in flight", () => {
  it("GIVEN an 8 s send and a 15 s drain THEN stop waits for it, marks it done, claims nothing more and leaves", async () => {
    await fanOutWithSlowFirst(8_000);
    const stopping = h.scheduler.stop({ drainMs: 15_000 });
    await h.time.advance(7_999);
    expect(h.discord.sent).toHaveLength(0);
    await h.time.advance(1);
    expect(await stopping).toEqual({ inFlight: [] });
    expect(h.discord.to("1")).toHaveLength(1);
    // Done, and the two not yet claimed were left for the next start, unsent.
    expect(await h.scheduler.stats()).toMatchObject({ done: 1, sending: 0, pending: 2 });
    expect(instances()).toBe(0);

    h.scheduler = h.another({ instance: { pid: 2002 } });
    await h.scheduler.start();
    await h.time.advance(1_000);
    expect(targets.map((t) => h.discord.to(t.slice(8)).length)).toEqual([1, 1, 1]);
  });

  it("GIVEN a send still out when the drain ends THEN stop names it, keeps its claim, and only a successor that sees this process gone sends it", async () => {
    const log = await fanOutWithSlowFirst("hang");
    const stopping = h.scheduler.stop({ drainMs: 15_000 });
    await h.time.advance(15_000);
    const { inFlight } = await stopping;
    expect(inFlight).toEqual(["digest:discord:1:2025-07-17T09:00:00.000Z"]);
    expect(log.find(/sends still in flight/)?.level).toBe("warn");
    expect(instances()).toBe(1);

    // This process still runs (its send may yet land): a new scheduler beside it leaves the claim.
    const beside = h.another({ instance: { pid: 3003 }, isProcessAlive: () => true });
    await beside.start();
    await h.time.advance(1_000);
    expect(h.discord.to("1")).toHaveLength(0);
    await beside.stop();

    // Gone (the pid is dead): the claim is released and the post goes out once.
    h.scheduler = h.another({ instance: { pid: 4004 }, isProcessAlive: (pid) => pid === 4004 });
    await h.scheduler.start();
    await h.time.advance(1_000);
    expect(targets.map((t) => h.discord.to(t.slice(8)).length)).toEqual([1, 1, 1]);
  });
});
