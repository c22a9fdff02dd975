/**
 * Sign-in attempts per client address: at most `burst` at once, refilled at `perMinute`. Every
 * attempt counts, good or bad, so guessing a link token, replaying OAuth codes or forging widget
 * hashes is slow whatever the outcome. The map of addresses is swept when it grows.
 */
export interface AttemptLimit {
  perMinute: number;
  burst: number;
}

export const DEFAULT_ATTEMPT_LIMIT: AttemptLimit = { perMinute: 6, burst: 10 };

const SWEEP_AT = 4_096;

export class AttemptLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limit: AttemptLimit,
    private readonly now: () => number,
  ) {
    if (!(limit.perMinute > 0) || !(limit.burst >= 1)) throw new Error("sign-in limit must be positive");
  }

  /** Takes one attempt for the address; the milliseconds to wait when there is none left, else 0. */
  take(address: string): number {
    const now = this.now();
    const perMs = this.limit.perMinute / 60_000;
    const bucket = this.buckets.get(address) ?? { tokens: this.limit.burst, at: now };
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    this.buckets.set(address, bucket);
    if (this.buckets.size > SWEEP_AT) this.sweep(now, perMs);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / perMs);
  }

  /** Buckets that would be full by now are the same as none. */
  private sweep(now: number, perMs: number): void {
    for (const [address, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * perMs >= this.limit.burst) this.buckets.delete(address);
    }
  }
}
