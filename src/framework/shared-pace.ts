import type { Clock, TimerHandle, Timers } from "../domain/clock.js";
import type { CoordinationStore } from "../domain/coordination.js";
import type { Logger } from "../domain/logger.js";

/**
 * A platform's request budget split between the processes that send with one token (ADR 0103):
 * Discord allows 50 requests a second per bot, Telegram 30 messages, whatever the number of
 * processes. Each process counts itself in the budget (a row it renews every third of `ttlMs`),
 * and takes its share of the live members: the budget divided evenly, the remainder to the first
 * in id order, so the shares add up to the budget exactly. Its own queue keeps its share as it
 * keeps the whole budget on one machine (SendThrottle: on answer times, in-flight counted), so
 * the platform never sees more than the budget in any second, whatever the network does.
 *
 * Two rules keep the sum within the budget while members come and go: a newcomer sends nothing
 * until `ttlMs` after it joined (by then every other member has renewed and counted it), and a
 * member stops sending when it has not renewed for two thirds of `ttlMs` (before the others stop
 * counting it). A member leaving cleanly leaves the budget at once.
 */
export class SharedPace {
  private timer: TimerHandle | null = null;
  /** Ends the share if no renewal succeeds in time (a store that hangs rather than fails). */
  private expiry: TimerHandle | null = null;
  private stopped = false;
  private share = 0;
  /** When this member's last renewal succeeded (its clock). */
  private renewedAt = Number.NEGATIVE_INFINITY;
  private readonly refreshMs: number;

  constructor(
    private readonly deps: {
      store: CoordinationStore;
      /** One budget per platform and token: "discord:<application id>". */
      budget: string;
      /** Requests per second allowed in total. */
      total: number;
      member: string;
      clock: Clock;
      timers: Timers;
      log: Logger;
      ttlMs: number;
      /** Receives this process's share each time it changes (0: send nothing for now). */
      apply(perSecond: number): void;
    },
  ) {
    this.refreshMs = deps.ttlMs / 3;
  }

  /** Joins the budget; the share applies from the first renewal (0 until then). */
  start(): void {
    this.deps.apply(0);
    void this.refresh();
  }

  current(): number {
    return this.share;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) this.deps.timers.clear(this.timer);
    if (this.expiry) this.deps.timers.clear(this.expiry);
    this.timer = null;
    this.expiry = null;
    await this.deps.store.leaveBudget(this.deps.budget, this.deps.member).catch(() => undefined);
  }

  private async refresh(): Promise<void> {
    const { store, budget, member, clock, ttlMs, total } = this.deps;
    const now = clock.now();
    let share = 0;
    try {
      const members = await store.joinBudget(budget, member, now.toISOString(), ttlMs);
      this.renewedAt = now.getTime();
      if (this.expiry) this.deps.timers.clear(this.expiry);
      this.expiry = this.deps.timers.set(
        () => this.set(0),
        (2 * ttlMs) / 3 - (clock.now().getTime() - now.getTime()),
      );
      const me = members.findIndex((m) => m.member === member);
      const since = Date.parse(members[me]?.since ?? now.toISOString());
      share = me < 0 || now.getTime() - since < ttlMs ? 0 : shareOf(total, members.length, me);
    } catch (error) {
      this.deps.log.warn({ err: error, budget }, "could not renew this process's share of the rate budget");
      share = clock.now().getTime() - this.renewedAt < (2 * ttlMs) / 3 ? this.share : 0;
    }
    if (this.stopped) return;
    this.set(share);
    this.timer = this.deps.timers.set(() => {
      this.timer = null;
      void this.refresh();
    }, this.refreshMs);
  }

  private set(share: number): void {
    if (share === this.share) return;
    this.share = share;
    this.deps.log.info({ budget: this.deps.budget, perSecond: share }, "share of the rate budget");
    this.deps.apply(share);
  }
}

/** Member `rank`'s share of `total` among `count`: even, the remainder to the first ranks. */
export function shareOf(total: number, count: number, rank: number): number {
  if (count <= 0 || rank < 0 || rank >= count) return 0;
  return Math.floor(total / count) + (rank < total % count ? 1 : 0);
}
