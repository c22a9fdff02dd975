import { describe, expect, it } from "vitest";
import { SendThrottle } from "../../../src/framework/send-throttle.js";
import { POST_PACE } from "../../../src/platforms/discord/limits.js";
import { FakeClock } from "../../helpers/fake-clock.js";

/**
 * The overall pace against round trips (ADR 0105): what reaches the server is judged on arrival
 * times, as Discord and Telegram judge it. Each send arrives `oneWay(i)` after it starts and is
 * answered `roundTrip(i)` after it starts; the fake clock moves, nothing sleeps.
 */
function fanOut(n: number, roundTrip: (i: number) => number, oneWay: (i: number) => number) {
  const clock = new FakeClock();
  const throttle = new SendThrottle(POST_PACE, clock);
  const starts: number[] = [];
  const arrivals: number[] = [];
  const sends = Array.from({ length: n }, (_, i) =>
    throttle.schedule(`c${i}`, () => {
      starts.push(clock.now());
      arrivals.push(clock.now() + oneWay(i));
      return new Promise((resolve) => clock.setTimeout(() => resolve(i), roundTrip(i)));
    }),
  );
  return { clock, sends, starts, arrivals };
}

/** The most arrivals in any second (a window (t - 1000, t], as the strict stand-ins count). */
function busiestSecond(arrivals: readonly number[]): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[j] as number) <= (sorted[i] as number) - 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe("SendThrottle against round trips", () => {
  it("GIVEN a steady 100 ms round trip THEN 1,000 sends go at the full 50 a second, never 51 in a second", async () => {
    const run = fanOut(
      1000,
      () => 100,
      () => 50,
    );
    await run.clock.advance(30_000);
    await Promise.all(run.sends);
    expect(busiestSecond(run.arrivals)).toBeLessThanOrEqual(50);
    // The floor is 19 s for 1,000 at 50 a second in bursts, 20 s evenly spaced; counting the
    // sends in flight as the old rule did took 22 s (50 / 1.1 a second).
    expect(Math.max(...run.starts)).toBeLessThanOrEqual(20_900);
  });

  it("GIVEN round trips that vary from 50 to 400 ms, and arrivals anywhere within them THEN never 51 in a second", async () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const trips = Array.from({ length: 600 }, () => 50 + Math.floor(random() * 350));
    // Arrival anywhere between the start and the answer: the worst the throttle can assume.
    const ways = trips.map((trip) => Math.floor(random() * trip));
    const run = fanOut(
      600,
      (i) => trips[i] ?? 50,
      (i) => ways[i] ?? 0,
    );
    await run.clock.advance(60_000);
    await Promise.all(run.sends);
    expect(busiestSecond(run.arrivals)).toBeLessThanOrEqual(50);
  });

  it("GIVEN a send that hangs THEN it keeps taking room until it is answered", async () => {
    const run = fanOut(
      300,
      (i) => (i === 20 ? 5_000 : 100),
      (i) => (i === 20 ? 4_900 : 50),
    );
    await run.clock.advance(30_000);
    await Promise.all(run.sends);
    expect(busiestSecond(run.arrivals)).toBeLessThanOrEqual(50);
  });
});
