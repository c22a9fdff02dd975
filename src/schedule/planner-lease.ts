import type { Clock, TimerHandle, Timers } from "../domain/clock.js";
import type { CoordinationStore } from "../domain/coordination.js";
import type { Logger } from "../domain/logger.js";

/** The lease that makes one scheduler the planner among all that share a store (ADR 0102). */
export const PLANNER_LEASE = "planner";

/**
 * One planner at a time: the scheduler that holds the lease plans slots, posts, embargoes and
 * announcements; the others only deliver. The holder renews it every third of its length; the
 * others ask again the moment it would end, so when the planner dies (SIGKILL, a lost machine),
 * one of them plans within the lease's length. Planning stays correct without the lease (each
 * unit re-checks what it was planned from): the lease saves the others the work, and makes "who
 * plans" one answer in the logs.
 */
export class PlannerLease {
  private held = false;
  private timer: TimerHandle | null = null;
  private stopped = false;

  constructor(
    private readonly deps: {
      store: CoordinationStore;
      holder: string;
      clock: Clock;
      timers: Timers;
      log: Logger;
      leaseMs: number;
      /** Called when this scheduler becomes the planner (a takeover): plan now. */
      onElected(): void;
    },
  ) {}

  /** Asks for (or renews) the lease now; true if this scheduler is the planner. */
  async check(): Promise<boolean> {
    const { store, holder, clock, leaseMs, log } = this.deps;
    const now = clock.now();
    const lease = await store.claimLease(PLANNER_LEASE, holder, now.toISOString(), leaseMs);
    const held = lease.holder === holder;
    if (held !== this.held) {
      log.info(
        { instance: holder, holder: lease.holder },
        held ? "this process plans now" : "another process plans",
      );
    }
    const elected = held && !this.held;
    this.held = held;
    // The holder renews well before the end; the others look again just after it.
    const next = held ? leaseMs / 3 : Math.max(Date.parse(lease.until) - now.getTime() + 20, 100);
    this.arm(Math.min(next, leaseMs));
    if (elected) this.deps.onElected();
    return held;
  }

  holds(): boolean {
    return this.held;
  }

  /** Stops asking; a holder gives the lease up so that another takes over at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) this.deps.timers.clear(this.timer);
    this.timer = null;
    if (this.held) {
      this.held = false;
      await this.deps.store.releaseLease(PLANNER_LEASE, this.deps.holder);
    }
  }

  private arm(ms: number): void {
    if (this.stopped) return;
    if (this.timer) this.deps.timers.clear(this.timer);
    this.timer = this.deps.timers.set(() => {
      this.timer = null;
      this.check().catch((error: unknown) => {
        // The database did not answer: this process cannot know it still plans, so it stops
        // planning until it can; the lease ends on its own for the others.
        this.held = false;
        this.deps.log.error({ err: error }, "scheduler could not renew its planner lease");
        this.arm(this.deps.leaseMs / 3);
      });
    }, ms);
  }
}
