/**
 * Per-host pacing: requests to one host start at least `intervalMs` apart (default one a
 * second), whoever asks. The slot is reserved when asked, so concurrent callers queue in order
 * instead of all waking at once. Time comes from an injected clock.
 */
import type { Clock } from "./fetch-types.js";

/** Hosts idle for this long are forgotten, so the map does not grow with every host ever seen. */
const FORGET_AFTER_MS = 10 * 60_000;

export class HostPacer {
  private readonly nextStart = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly intervalMs: number,
  ) {}

  /** Resolves when a request to `host` may start. */
  async wait(host: string): Promise<void> {
    const now = this.clock.now();
    const at = Math.max(now, this.nextStart.get(host) ?? 0);
    this.nextStart.set(host, at + this.intervalMs);
    if (this.nextStart.size > 1_000) this.forgetIdle(now);
    if (at > now) await new Promise<void>((resolve) => this.clock.setTimeout(resolve, at - now));
  }

  /** Holds a host back until `until` (a Retry-After), on top of the normal interval. */
  holdUntil(host: string, until: number): void {
    this.nextStart.set(host, Math.max(until, this.nextStart.get(host) ?? 0));
  }

  /** When the next request to `host` may start (epoch ms), or null when it may start now. */
  heldUntil(host: string): number | null {
    const at = this.nextStart.get(host);
    return at !== undefined && at > this.clock.now() ? at : null;
  }

  private forgetIdle(now: number): void {
    for (const [host, at] of this.nextStart) if (at + FORGET_AFTER_MS < now) this.nextStart.delete(host);
  }
}
