import type { AuditEntry, ChannelSettings, Subscription, TargetHealth } from "./channel.js";
import type { Delivery, DeliveryPayload, DeliveryState } from "./delivery.js";
import type { Locale } from "./locale.js";
import type { Schedule, ScheduleState, StateReason } from "./schedule.js";
import type { Target } from "./target.js";

/**
 * Where the scheduler keeps what it owes and what moderators asked for (ADR 0081). Every method
 * is one unit of work: atomic in its engine (a transaction), returning a Promise, so that SQLite
 * (synchronous underneath, src/store/sqlite) and a networked database implement the same
 * interface and pass the same contract tests (tests/contract). Coordination between processes is
 * the engine's: a unit re-checks the state it was planned from (compare and set) and does
 * nothing when another process got there first; a delivery is claimed under a lease that its
 * worker renews, and taken over by another worker once the lease ends.
 *
 * Instants are ISO 8601 UTC strings (`Date.toISOString()`): they sort as text in every engine.
 */
export interface SchedulingStore extends ModerationStore, PlanningStore, OutboxStore, InstanceStore {}

/** What moderators change (through the scheduling service), each change with its audit entry. */
export interface ModerationStore {
  /** Adds a schedule and its audit entry; false (and nothing written) if its id is taken. */
  createSchedule(schedule: Schedule, audit: AuditEntry): Promise<boolean>;
  getSchedule(id: string): Promise<Schedule | null>;
  /** A target's live schedules and its recent failures (what /schedule list shows), posts first. */
  schedulesOf(target: Target): Promise<Schedule[]>;
  /**
   * Moves a schedule from state `from` to `change.state` (and its last slot, when given), with
   * its audit entry. False, and nothing written, if it was no longer in state `from`.
   */
  changeSchedule(
    id: string,
    from: ScheduleState,
    change: ScheduleChange,
    audit: AuditEntry,
  ): Promise<boolean>;
  /**
   * False (no audit entry) if the target already followed the topic with the same filter; a
   * different filter (or none) replaces the one it had.
   */
  subscribe(subscription: Subscription, audit: AuditEntry): Promise<boolean>;
  /** False (no audit entry) if the target did not follow the topic. */
  unsubscribe(target: Target, topicKey: string, audit: AuditEntry): Promise<boolean>;
  /** Sorted by topic key. */
  subscriptionsOf(target: Target): Promise<Subscription[]>;
  channelSettings(target: Target): Promise<ChannelSettings>;
  /** Sets the given settings (the others keep their value), with the audit entry. */
  updateChannelSettings(
    target: Target,
    change: { timeZone?: string; locale?: Locale },
    by: string,
    audit: AuditEntry,
  ): Promise<void>;
  targetHealth(target: Target): Promise<TargetHealth | null>;
  /**
   * Posting to a disabled target works again (resumed by a moderator, or configured again at a
   * start). True, with the audit entry, if it was disabled; false (nothing written) if not.
   */
  enableTarget(target: Target, audit: AuditEntry): Promise<boolean>;
  /** Newest first; one target's or everyone's. */
  recentAudit(limit: number, target?: Target): Promise<AuditEntry[]>;
}

/** A schedule's new state, and who changed it when. */
export interface ScheduleChange {
  state: ScheduleState;
  reason: StateReason | null;
  /** Who paused it (or the error of a failed send). */
  by: string | null;
  at: string;
  /** Digests: slots up to this one are owed nothing (a resumed digest owes nothing for its pause). */
  lastSlot?: string;
}

/** What the planner reads and the units of work it writes (src/schedule/planner.ts). */
export interface PlanningStore {
  /** The newest slot a named stream (the configured digest) has handled, or null before its first. */
  streamSlot(stream: string): Promise<string | null>;
  /** Every active digest schedule, with its channel's time zone setting (null: the default). */
  activeDigests(): Promise<(Schedule & { channelTimeZone: string | null })[]>;
  /** Active one-off posts whose time has come (run_at <= now), oldest first. */
  duePosts(now: string): Promise<Schedule[]>;
  /**
   * Handles one slot of a recurring stream: enqueues its digests and advances the stream, all at
   * once, unless the stream is no longer where it was planned from (`slot.after`; a schedule must
   * also still be active): then nothing is written and `planned` is false. Each digest is its own
   * part: one that cannot be written is rolled back alone, reported in `failed`, and the slot
   * still advances (its articles stay owed to the next digest).
   */
  planSlot(slot: SlotPlan, digests: readonly DigestPlan[]): Promise<PlanOutcome & { planned: boolean }>;
  /**
   * Handles one due post, unless it is no longer active at `runAt` ("stale", nothing written):
   * missed (CATCH_UP=none), else failed when its target is disabled or its article removed, else
   * its delivery is enqueued (or a failed one under the same key made due again, after a
   * moderator resumed it) with its article recorded as given, and the schedule is done.
   */
  planPost(plan: PostPlan): Promise<"posted" | "missed" | "targetDisabled" | "articleRemoved" | "stale">;
  /**
   * Which of these visible articles the scheduler has not seen yet, in the given order;
   * `baselineTaken` false means it has never looked (the first look is a baseline).
   */
  unseenArticles(ids: readonly string[]): Promise<{ baselineTaken: boolean; unseen: string[] }>;
  /** The subscriptions on any of these topic keys that carry a keyword filter (ADR 0113). */
  filteredSubscriptions(topicKeys: readonly string[]): Promise<Subscription[]>;
  /** Records a look at the library and the announcements it makes (see AnnouncementBatch). */
  recordAnnouncements(batch: AnnouncementBatch): Promise<PlanOutcome>;
  /** Notes an article's embargo end (or, with null, that it has none). */
  setEmbargo(articleId: string, until: string | null): Promise<void>;
  /** Articles whose embargo ended by `now`, soonest first. */
  dueEmbargoes(now: string): Promise<string[]>;
  /** An article left the library: its embargo goes, its unsent single-article deliveries are dropped. */
  articleRemoved(articleId: string, now: string): Promise<void>;
  /** When something falls due next: a one-off post, a delivery (or a claim's end), an embargo. */
  nextDue(): Promise<{ post: string | null; delivery: string | null; embargo: string | null }>;
}

/** A recurring stream's slot, planned from what the stream had handled before. */
export interface SlotPlan {
  /** A moderator's digest (its schedule id) or a configured stream (its name). */
  stream: { schedule: string } | { name: string };
  /** The stream's last slot as read when planning (null: none yet). */
  after: string | null;
  /** The slot handled now: the stream's new last slot. */
  slot: string;
}

/**
 * A digest for one target: of `articles` (newest first), those not yet given to the target; the
 * first `size` are shown, the rest counted ("…and 3 more") and recorded as passed over, so the
 * next digest holds only what came after. Nothing new, or a disabled target: nothing enqueued.
 */
export interface DigestPlan {
  key: string;
  target: Target;
  articles: readonly string[];
  size: number;
  payload: Pick<DeliveryPayload, "topic" | "slot" | "scheduleId">;
  dueAt: string;
}

/** One due one-off post and what the planner found about it. */
export interface PostPlan {
  scheduleId: string;
  /** As read: the post is handled only if it is still active at this time. */
  runAt: string;
  at: string;
  /** Missed while the bot was down, with CATCH_UP=none. */
  missed: boolean;
  /** Its article is no longer in the library. */
  articleRemoved: boolean;
  delivery: { key: string; target: Target; articleId: string; payload: DeliveryPayload; dueAt: string };
}

/**
 * One look at the library. With `baseline`, the ids in `passed` are only marked seen, and only by
 * the first look ever (a second baseline writes nothing). Else `passed` are marked seen (a burst
 * left to digests, or a new source's first-fetch backlog: ADR 0112) and each of `announce` (oldest
 * first) that was not seen before is marked seen and enqueued for the `targets` (ANNOUNCE_TARGETS
 * follow everything) and the targets following one of its topic keys, except disabled targets and
 * those that already have it. A subscription with a keyword filter counts only when it is listed
 * in the announcement's `filtersPassed` with the filter it still has (the planner matched it).
 * Each announcement to a target is its own part (see PlanOutcome).
 */
export interface AnnouncementBatch {
  at: string;
  baseline?: boolean;
  passed: readonly string[];
  announce: readonly {
    articleId: string;
    topicKeys: readonly string[];
    filtersPassed?: readonly SubscriptionFilter[];
  }[];
  targets: readonly Target[];
}

/** A filtered subscription an article matched, as the planner read it. */
export interface SubscriptionFilter {
  target: Target;
  topicKey: string;
  filter: string;
}

/** What a planning unit enqueued (delivery keys), and the parts that failed and were rolled back. */
export interface PlanOutcome {
  enqueued: string[];
  failed: { key: string; error: unknown }[];
}

/** The outbox as the delivery workers use it (src/schedule/delivery-worker.ts, ADRs 0032-0033). */
export interface OutboxStore {
  /**
   * Takes the next due delivery for `worker`, under a lease of `leaseMs`: a pending one whose time
   * has come, or a `sending` one whose lease ended (its worker died mid-send: at-least-once). A
   * target with a delivery under a live lease is skipped, so one target never gets two sends at
   * once, whichever process sends. Null when nothing is due. Two workers never get the same row.
   */
  claimNextDelivery(worker: string, leaseMs: number, now: string): Promise<Delivery | null>;
  /** Sent: done with the platform's message id, and the target's failure count back to zero. */
  completeDelivery(key: string, messageId: string, now: string): Promise<void>;
  /** Back to pending for a later try, if `worker` still holds it; a rate limit does not count as an attempt. */
  retryDelivery(
    key: string,
    worker: string,
    retry: { dueAt: string; error: string; countAttempt: boolean },
    now: string,
  ): Promise<void>;
  /**
   * Gives up on an unsent delivery: "failed" (it could not be sent: its articles are owed again to
   * a later digest) or "dropped" (nothing left to send). A one-off post's schedule shows `reason`.
   */
  failDelivery(key: string, outcome: DeliveryFailure, now: string): Promise<void>;
  /** Counts one more consecutive permanent failure of a target; returns the count. */
  recordPermanentFailure(target: Target, reason: string): Promise<number>;
  /**
   * Disables a target that keeps failing: the delivery that failed and every pending one fail
   * (their posts' schedules too), with the audit entry.
   */
  disableTarget(
    target: Target,
    failed: { delivery: string; reason: string; at: string },
    audit: AuditEntry,
  ): Promise<void>;
  /** A chat that moved: its schedules, subscriptions, settings and unsent deliveries follow it. */
  moveTarget(from: Target, to: Target, audit: AuditEntry): Promise<void>;
  /** The deliveries a worker is sending now. */
  claimedBy(worker: string): Promise<string[]>;
  countDeliveries(): Promise<Record<DeliveryState, number>>;
}

/** Why a delivery is given up, and what its post's schedule shows. */
export interface DeliveryFailure {
  state: "failed" | "dropped";
  error: string;
  reason: StateReason;
  /** The error text a failed post's schedule shows. */
  detail?: string | null;
}

/**
 * The schedulers sharing the store. A worker's claims are leases: its heartbeat renews them,
 * and they end on their own when it stops beating. Telling a dead worker sooner (same host: its
 * pid is gone) is the scheduler's business; releasing its claims is the store's.
 */
export interface InstanceStore {
  registerInstance(instance: SchedulerInstance): Promise<void>;
  /** Marks the instance alive at `now` and extends its claims' leases to `now + leaseMs`. */
  heartbeat(id: string, now: string, leaseMs: number): Promise<void>;
  otherInstances(id: string): Promise<SchedulerInstance[]>;
  /** A dead instance: its claims end now (others may take them) and its registration goes; returns the claims released. */
  releaseInstance(id: string, now: string): Promise<number>;
  /** An instance leaving: its registration goes (its claims, if any, end with their lease). */
  removeInstance(id: string): Promise<void>;
}

/** A scheduler process, as registered. */
export interface SchedulerInstance {
  id: string;
  host: string;
  pid: number;
  startedAt: string;
  seenAt: string;
}
