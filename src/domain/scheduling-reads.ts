import type { AuditEntry, TargetHealth } from "./channel.js";
import type { Delivery } from "./delivery.js";
import type { Schedule } from "./schedule.js";
import type { Target } from "./target.js";

/**
 * What the scheduler's tables say, read for people (the dashboard's pages) and for metrics: never
 * a change. Separate from SchedulingStore (ADR 0116) so that the planner and the outbox keep their
 * narrow port, while each engine answers these reads with its own queries: SQLite in
 * src/store/sqlite/scheduling-reads.ts, a networked engine with the same contract
 * (tests/contract/scheduling-reads.contract.ts). `targets`, where a method takes it, limits the
 * answer to those targets (a moderator's channels); null means every target.
 *
 * Instants are ISO 8601 UTC strings, as in the scheduling store.
 */
export interface SchedulingReads {
  /** Deliveries of some targets (or all), most recently changed first, at most `limit`. */
  recentDeliveries(targets: readonly Target[] | null, limit: number): Promise<Delivery[]>;
  /** The deliveries to `target` that carry `articleId`, most recently changed first. */
  deliveriesOfArticle(target: Target, articleId: string): Promise<Delivery[]>;
  /**
   * Whether `target` has been given the article: by the delivery `deliveryKey`, shown in it, or
   * counted in a digest's "…and N more" without being shown (`shown` false). Null when not given.
   */
  articleGiven(target: Target, articleId: string): Promise<{ deliveryKey: string; shown: boolean } | null>;
  /** When the scheduler first saw the article visible (it is new from then on), or null. */
  articleSeenAt(articleId: string): Promise<string | null>;
  /** Active one-off posts of some targets (or all), soonest first, at most `limit`. */
  upcomingPosts(targets: readonly Target[] | null, limit: number): Promise<Schedule[]>;
  /** Active and paused digests of some targets (or all), by id. */
  digestsOf(targets: readonly Target[] | null): Promise<Schedule[]>;
  /** Targets posting to is disabled for, most recently disabled first. */
  disabledTargets(): Promise<TargetHealth[]>;
  /** Every target the tables name (schedules, subscriptions, settings, deliveries, health), sorted. */
  knownTargets(): Promise<Target[]>;
  /** The audit log of some targets (or all), newest first, at most `limit`. */
  auditOf(targets: readonly Target[] | null, limit: number): Promise<AuditEntry[]>;
  /**
   * The outbox's backlog: deliveries not yet done (pending or being sent), and the due time of the
   * oldest of them that is due by `now` (null when none is due).
   */
  outboxBacklog(now: string): Promise<{ pending: number; oldestDueAt: string | null }>;
}
