import { describe, expect, it } from "vitest";
import {
  RECONNECT_DEFAULTS,
  type ReconnectClock,
  ReconnectGate,
  reconnectDelay,
} from "../../../../src/platforms/discord/reconnect-backoff.js";
import { FakeClock, settle } from "../../../helpers/fake-clock.js";

/** The library's own fixed wait before each reconnect (@discordjs/ws WebSocketShard.destroy). */
const LIBRARY_WAIT_MS = 500;

function fakeClock() {
  const timers = new FakeClock();
  const waits: number[] = [];
  const clock: ReconnectClock = {
    now: () => timers.now(),
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        waits.push(ms);
        const id = timers.setTimeout(resolve, ms);
        signal.addEventListener("abort", () => {
          timers.clearTimeout(id);
          reject(new Error("aborted"));
        });
      }),
  };
  return { timers, clock, waits };
}

/** Whether a promise has settled after pending work ran (without waiting for it otherwise). */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(
    () => {
      done = true;
    },
    () => {
      done = true;
    },
  );
  await settle();
  return done;
}

describe("reconnectDelay", () => {
  it("GIVEN a run of failures THEN none before the first attempt, then doubling from 1 s to a 60 s cap, in the upper half of each band", () => {
    const low = (n: number) => reconnectDelay(n, { ...RECONNECT_DEFAULTS, random: () => 0 });
    const high = (n: number) => reconnectDelay(n, { ...RECONNECT_DEFAULTS, random: () => 0.999_999 });
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 20].map(low)).toEqual([
      0, 500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 20].map(high)).toEqual([
      0, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000,
    ]);
  });
});

describe("ReconnectGate", () => {
  it("GIVEN a gateway down for 70 s THEN at most 9 attempts, against 140 at a fixed 500 ms", async () => {
    const { timers, clock } = fakeClock();
    // The worst case for the count: every wait at the bottom of its band.
    const gate = new ReconnectGate({ ...RECONNECT_DEFAULTS, random: () => 0, clock });
    let attempts = 0;
    while (timers.now() < 70_000) {
      const attempt = gate.beforeConnect();
      while (!(await settled(attempt))) await timers.advance(100);
      attempts += 1;
      await timers.advance(LIBRARY_WAIT_MS); // the attempt fails; the library waits before the next
    }
    expect(attempts).toBeLessThanOrEqual(9);
    expect(70_000 / LIBRARY_WAIT_MS).toBe(140);
  });

  it("GIVEN a session that stayed up a minute THEN the next drop reconnects at once; a short one keeps backing off", async () => {
    const { timers, clock, waits } = fakeClock();
    const gate = new ReconnectGate({ ...RECONNECT_DEFAULTS, random: () => 0, clock });
    await gate.beforeConnect(); // start-up
    gate.connected();
    await timers.advance(RECONNECT_DEFAULTS.stableMs);
    expect(await settled(gate.beforeConnect())).toBe(true);
    expect(waits).toEqual([]);
    gate.connected();
    await timers.advance(5_000); // up for 5 s only, then dropped again
    const next = gate.beforeConnect();
    expect(await settled(next)).toBe(false);
    expect(waits).toEqual([500]);
    await timers.advance(500);
    expect(await settled(next)).toBe(true);
  });

  it("GIVEN stop() THEN an attempt waiting out its back-off never connects, nor does any later one", async () => {
    const { timers, clock } = fakeClock();
    const retries: [number, number][] = [];
    const gate = new ReconnectGate({
      ...RECONNECT_DEFAULTS,
      random: () => 0,
      clock,
      onRetry: (attempt, delay) => retries.push([attempt, delay]),
    });
    await gate.beforeConnect();
    const waiting = gate.beforeConnect();
    gate.stop();
    await timers.advance(120_000);
    expect(await settled(waiting)).toBe(false);
    expect(await settled(gate.beforeConnect())).toBe(false);
    expect(retries).toEqual([[2, 500]]);
  });
});
