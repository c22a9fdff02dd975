import type { Clock, TimerHandle, Timers } from "../domain/clock.js";
import type { CoordinationStore } from "../domain/coordination.js";
import type { Logger } from "../domain/logger.js";

/**
 * One process at a time for a job that must run in one place (ADR 0102): the scheduler's
 * planning, Telegram's long polling. The holder renews its lease every third of its length; the
 * others ask again the moment it would end, so when the holder dies (SIGKILL, a lost machine) one
 * of them takes over within the lease's length, and at once when it stops cleanly (it gives the
 * lease up). A holder that cannot reach the store stops counting itself the holder.
 */
export class LeaseElection {
  private held = false;
  private timer: TimerHandle | null = null;
  private stopped = false;
  private checking: Promise<boolean> | null = null;

  constructor(
    private readonly deps: {
      store: CoordinationStore;
      /** The lease's name: one election per job. */
      name: string;
      /** Who asks: unique per process (and per job runner in it). */
      holder: string;
      clock: Clock;
      timers: Timers;
      log: Logger;
      ttlMs: number;
      /** Called when this process becomes the holder, or stops being it. */
      onChange(held: boolean): void;
    },
  ) {}

  /** Asks for (or renews) the lease now; true if this process holds it. */
  check(): Promise<boolean> {
    // One question at a time: a pass and a timer asking together would answer twice.
    this.checking ??= this.ask().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  holds(): boolean {
    return this.held;
  }

  /** Stops asking; a holder gives the lease up so that another takes over at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) this.deps.timers.clear(this.timer);
    this.timer = null;
    await this.checking?.catch(() => undefined);
    if (this.held) {
      this.set(false);
      await this.deps.store.releaseLease(this.deps.name, this.deps.holder);
    }
  }

  private async ask(): Promise<boolean> {
    const { store, name, holder, clock, ttlMs } = this.deps;
    const now = clock.now();
    let next = ttlMs / 3;
    try {
      const lease = await store.claimLease(name, holder, now.toISOString(), ttlMs);
      if (this.stopped) {
        if (lease.holder === holder) await store.releaseLease(name, holder);
        return false;
      }
      this.set(lease.holder === holder);
      // The holder renews well before the end; the others look again just after it.
      if (!this.held) next = Math.max(Date.parse(lease.until) - now.getTime() + 20, 100);
    } catch (error) {
      // The store did not answer: this process cannot know it still holds the lease, so it acts
      // as if it did not; for the others the lease ends on its own.
      this.deps.log.error({ err: error, lease: name }, "could not renew a lease");
      this.set(false);
    } finally {
      this.arm(Math.min(next, ttlMs));
    }
    return this.held;
  }

  private set(held: boolean): void {
    if (held === this.held) return;
    this.held = held;
    this.deps.log.info(
      { lease: this.deps.name, holder: this.deps.holder, held },
      held ? "lease taken" : "lease lost",
    );
    this.deps.onChange(held);
  }

  private arm(ms: number): void {
    if (this.stopped) return;
    if (this.timer) this.deps.timers.clear(this.timer);
    this.timer = this.deps.timers.set(() => {
      this.timer = null;
      void this.check();
    }, ms);
  }
}
