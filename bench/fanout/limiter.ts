/**
 * Server-side rate limits for the fan-out benchmark, strict: "at most `max` in any `windowMs`",
 * judged on arrival times. A request over the limit is refused (the platform answers 429) and is
 * not counted, as Telegram and Discord do.
 */
export class SlidingWindow {
  private readonly times: number[] = [];

  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}

  /** Milliseconds until a request would be allowed (0: allowed now). */
  waitMs(now: number): number {
    while (this.times.length > 0 && (this.times[0] as number) <= now - this.windowMs) this.times.shift();
    if (this.times.length < this.max) return 0;
    return (this.times[this.times.length - this.max] as number) + this.windowMs - now;
  }

  /** Records the request if allowed; returns 0, or how long to wait. */
  take(now: number): number {
    const wait = this.waitMs(now);
    if (wait === 0) this.times.push(now);
    return wait;
  }
}

/** The fastest a throttle obeying `max` per `windowMs` can start `n` requests: the last one's start. */
export function windowFloorMs(n: number, max: number, windowMs: number): number {
  return n <= 0 ? 0 : (Math.ceil(n / max) - 1) * windowMs;
}
