import type { Locale } from "./locale.js";
import type { Target } from "./target.js";

/**
 * What moderators schedule: a one-off post of an article, or a recurring digest read in the
 * channel's time zone (ADRs 0031, 0036). Instants are ISO 8601 UTC strings in stored records (they
 * sort as text) and Dates in the views the commands read.
 */

export type ScheduleKind = "post" | "digest";
/** active until it posts (done) or stops: paused, cancelled, failed, missed. */
export type ScheduleState = "active" | "paused" | "done" | "cancelled" | "failed" | "missed";

/** Why a schedule is not running, as stored; the commands turn it into words. */
export type StateReason = "paused" | "articleRemoved" | "targetDisabled" | "sendFailed" | "missed";

/** Who made a change, for the audit log and /schedule list; `locale` is the language they read. */
export interface Actor {
  id: string;
  name: string;
  locale?: Locale;
}

/** The actor of what the scheduler does on its own (disabling, enabling and moving targets). */
export const SYSTEM_ACTOR: Actor = { id: "system", name: "system" };

/** One schedule as stored. */
export interface Schedule {
  /** A short id ("k7q2"), unique per database. */
  id: string;
  kind: ScheduleKind;
  target: Target;
  articleId: string | null;
  /** One-off posts: when (ISO UTC). */
  runAt: string | null;
  /** Digests: the cron expression, read in the channel's time zone. */
  cron: string | null;
  topic: string | null;
  state: ScheduleState;
  /** Why it is paused, failed or missed (a StateReason). */
  stateReason: StateReason | null;
  /** Who paused it, or the error text of a failed send. */
  stateBy: string | null;
  stateAt: string | null;
  /** Digests: the newest slot handled (sent, skipped as empty, or skipped by catch-up). */
  lastSlot: string | null;
  createdById: string;
  createdByName: string;
  createdAt: string;
}

/** A schedule as /schedule list and the confirmations show it. */
export interface ScheduleView {
  id: string;
  kind: ScheduleKind;
  articleId: string | null;
  articleTitle: string | null;
  runAt: Date | null;
  cron: string | null;
  topic: string | null;
  state: ScheduleState;
  stateReason: StateReason | null;
  /** Who paused it, or the error text of a failed send. */
  stateDetail: string | null;
  stateAt: Date | null;
  /** The next time it will post, or null (paused, done, never). */
  nextRun: Date | null;
  /** The channel's time zone, in which its times are read and shown. */
  timeZone: string;
  createdBy: string;
  createdAt: Date;
}

/** Everything /schedule list shows about one channel. */
export interface ChannelOverview {
  target: Target;
  timeZone: string;
  locale: Locale;
  schedules: ScheduleView[];
  subscriptions: string[];
  /** Set when posting here failed permanently and was turned off. */
  disabled: { since: Date; reason: string } | null;
  /** The channel is in ANNOUNCE_TARGETS: every new article, and the configured digest if any. */
  configured: { digestCron: string | null; timeZone: string } | null;
}
