import type { Reply } from "../domain/reply.js";
import type { PlatformName } from "../domain/target.js";
import type { Translate } from "./messages.js";
import { textReply } from "./reply.js";

/**
 * The per-user limit on commands and button presses (docs/adr/0056): a token bucket per user and
 * platform, across every chat. A user may send `burst` commands at once, then `perMinute` a minute.
 * The first command over the limit gets one "slow down" answer; the ones after it get nothing at
 * all (answering each would be a flood of our own) until the bucket has filled up again, that is
 * until the user has paused long enough to be back where a newcomer starts. Commands that find a
 * token meanwhile run as usual. Moderators share the same limit; the console has none.
 *
 * Platforms ask at arrival, before a command is queued, so a dropped command costs a map lookup.
 */

export interface RateLimitSettings {
  /** Commands a user may run per minute once the burst is spent (the refill rate); 0: no limit. */
  perMinute: number;
  /** Commands a user may send at once after a pause (the bucket's size). */
  burst: number;
}

/** What to do with one command: run it, answer "slow down" instead (once), or ignore it. */
export type Admission = { kind: "run" } | { kind: "warn"; retryAfterMs: number } | { kind: "drop" };

/** Monotonic milliseconds; tests pass a fake. */
export interface MonotonicClock {
  now(): number;
}

const monotonic: MonotonicClock = { now: () => performance.now() };

interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date. */
  at: number;
  /** The "slow down" answer was given in this episode; cleared when the bucket is full again. */
  warned: boolean;
}

const RUN: Admission = { kind: "run" };
const DROP: Admission = { kind: "drop" };
/** Buckets kept before full ones are swept out (a full bucket is the same as none). */
const SWEEP_FLOOR = 1_024;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private sweepAt = SWEEP_FLOOR;

  constructor(
    private readonly settings: RateLimitSettings,
    private readonly clock: MonotonicClock = monotonic,
    /** Told of each command held back ("slow down" or dropped): the metrics' per-user waits. */
    private readonly onLimited: (platform: PlatformName) => void = () => undefined,
  ) {
    const { perMinute, burst } = settings;
    if (!Number.isFinite(perMinute) || perMinute < 0) throw new Error("perMinute must be 0 or more");
    if (!Number.isInteger(burst) || burst < 1) throw new Error("burst must be a whole number, 1 or more");
    this.perMs = perMinute / 60_000;
  }

  /** Takes a token for this user's command, if there is one, and says what to do with it. */
  take(platform: PlatformName, userId: string): Admission {
    if (this.perMs === 0) return RUN;
    const key = `${platform}:${userId}`;
    const now = this.clock.now();
    let bucket = this.buckets.get(key);
    if (bucket) this.refill(bucket, now);
    else {
      bucket = { tokens: this.settings.burst, at: now, warned: false };
      this.buckets.set(key, bucket);
      this.sweep(now);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return RUN;
    }
    this.onLimited(platform);
    if (bucket.warned) return DROP;
    bucket.warned = true;
    return { kind: "warn", retryAfterMs: Math.ceil((1 - bucket.tokens) / this.perMs) };
  }

  /** Users with a bucket that is not full (for tests and metrics). */
  tracked(): number {
    return this.buckets.size;
  }

  private refill(bucket: Bucket, now: number): void {
    // Never backwards, whatever the clock does.
    const elapsed = Math.max(0, now - bucket.at);
    bucket.tokens = Math.min(this.settings.burst, bucket.tokens + elapsed * this.perMs);
    bucket.at = now;
    if (bucket.tokens >= this.settings.burst) bucket.warned = false;
  }

  /** Forgets full buckets once there are many, so memory follows the users active right now. */
  private sweep(now: number): void {
    if (this.buckets.size < this.sweepAt) return;
    for (const [key, bucket] of this.buckets) {
      this.refill(bucket, now);
      if (bucket.tokens >= this.settings.burst) this.buckets.delete(key);
    }
    this.sweepAt = Math.max(SWEEP_FLOOR, this.buckets.size * 2);
  }
}

/** Builds the limiter a platform uses; without settings (tests, benches) nothing is limited. */
export function rateLimiter(
  settings: RateLimitSettings | undefined,
  clock?: MonotonicClock,
  onLimited?: (platform: PlatformName) => void,
): RateLimiter {
  return new RateLimiter(settings ?? { perMinute: 0, burst: 1 }, clock, onLimited);
}

/** The one "slow down" answer, in the user's language, saying when a command will be heard again. */
export function slowDownReply(t: Translate, retryAfterMs: number): Reply {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return textReply(t("error.rateLimited", { seconds }), { private: true, error: true });
}
