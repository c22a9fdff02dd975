/**
 * What processes sharing one store agree on besides the outbox (ADRs 0102-0104): who does a job
 * that must run in one place at a time, how they split a rate budget, and which incoming updates
 * were handled already. Each method is one unit of work in its engine (a transaction), as in
 * SchedulingStore; instants are ISO 8601 UTC strings from the caller's clock.
 */
export interface CoordinationStore {
  /**
   * Takes the lease `name` for `holder` until `now + ttlMs` if nobody holds it, its holder's time
   * has ended, or `holder` has it already (a renewal). Returns who holds it after the call and
   * until when: `holder` itself when it got it.
   */
  claimLease(name: string, holder: string, now: string, ttlMs: number): Promise<LeaseHolder>;
  /** A holder stopping cleanly gives the lease up, so that another process takes it at once. */
  releaseLease(name: string, holder: string): Promise<void>;
  /**
   * Counts `member` in the rate budget `budget` until `now + ttlMs` (renewed by calling again),
   * forgets members whose time ended, and returns the live ones sorted by id, each with when it
   * joined: every member divides the budget the same way from the same list.
   */
  joinBudget(budget: string, member: string, now: string, ttlMs: number): Promise<BudgetMember[]>;
  /** A member stopping cleanly: the others may use its share at their next renewal. */
  leaveBudget(budget: string, member: string): Promise<void>;
  /**
   * True the first time `id` is seen from `source` (a Telegram webhook's update_id); false when
   * another process (or this one) took it already. Ids older than `keepMs` are forgotten.
   */
  firstSight(source: string, id: string, now: string, keepMs: number): Promise<boolean>;
}

/** Who holds a lease, and until when. */
export interface LeaseHolder {
  holder: string;
  until: string;
}

/** A process counted in a shared budget. */
export interface BudgetMember {
  member: string;
  since: string;
}
