import { setTimeout as sleep } from "node:timers/promises";

/** Time as the back-off sees it: a port, so tests count attempts over a fake window. */
export interface ReconnectClock {
  now(): number;
  /** Resolves after `ms`; rejects when `signal` aborts (the client was destroyed). */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export interface ReconnectOptions {
  /** The wait before the second attempt in a row; each further attempt doubles it. */
  baseMs: number;
  /** The longest wait between two attempts. */
  maxMs: number;
  /** A session that stayed up this long counts as healthy: the next drop starts the count again. */
  stableMs: number;
  /** [0, 1): where in the jitter band a wait falls. */
  random: () => number;
  clock: ReconnectClock;
  /** Told before each wait (not before the first attempt, which goes at once). */
  onRetry?: (attempt: number, delayMs: number) => void;
}

export const RECONNECT_DEFAULTS: ReconnectOptions = {
  baseMs: 1_000,
  maxMs: 60_000,
  stableMs: 60_000,
  random: Math.random,
  clock: { now: Date.now, sleep: (ms, signal) => sleep(ms, undefined, { signal }) },
};

/**
 * The wait before connection attempt `attempt` of a run of failures: none for the first (a
 * dropped connection resumes at once), then exponential from `baseMs`, capped at `maxMs`, with
 * "equal jitter": a random point in the upper half of the band, so many bots that lost the same
 * gateway do not return in step, and the wait still doubles every time.
 */
export function reconnectDelay(
  attempt: number,
  options: Pick<ReconnectOptions, "baseMs" | "maxMs" | "random">,
) {
  if (attempt <= 1) return 0;
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** (attempt - 2));
  return Math.round(ceiling / 2 + (options.random() * ceiling) / 2);
}

/** Never settles: what a connection attempt waits on once its client is gone. */
const never = new Promise<never>(() => {});

/**
 * Paces the connection attempts of one gateway shard. @discordjs/ws reconnects 500 ms after any
 * failure, for ever; every attempt passes through `beforeConnect`, which waits out the back-off
 * first. `connected()` marks a session up; `stop()` (the client is destroyed) cancels a pending
 * wait and holds every later attempt for good, so nothing reconnects behind a stopped platform.
 */
export class ReconnectGate {
  private attempts = 0;
  private upSince: number | undefined;
  private readonly stopped = new AbortController();

  constructor(private readonly options: ReconnectOptions) {}

  async beforeConnect(): Promise<void> {
    if (this.stopped.signal.aborted) return never;
    const { clock } = this.options;
    if (this.upSince !== undefined && clock.now() - this.upSince >= this.options.stableMs) this.attempts = 0;
    this.upSince = undefined;
    this.attempts += 1;
    const delay = reconnectDelay(this.attempts, this.options);
    if (delay === 0) return;
    this.options.onRetry?.(this.attempts, delay);
    try {
      await clock.sleep(delay, this.stopped.signal);
    } catch {
      return never;
    }
    if (this.stopped.signal.aborted) return never;
  }

  connected(): void {
    this.upSince = this.options.clock.now();
  }

  stop(): void {
    this.stopped.abort();
  }
}
