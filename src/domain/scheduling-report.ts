import type { TargetHealth } from "./channel.js";
import type { Delivery, DeliveryKind } from "./delivery.js";
import type { ScheduleState } from "./schedule.js";
import type { ChannelRef, Target } from "./target.js";

/**
 * What the scheduler can tell about what it did and will do, for any door that shows it (the
 * dashboard): the next posts, a channel's deliveries, the targets that need attention, the fire
 * times of a cron in a channel's zone, and why an article was or was not posted in a channel.
 * src/schedule/scheduling-report.ts implements it on the SchedulingReads port; it changes nothing.
 */
export interface SchedulingReport {
  /** What posts next, in some targets (or all): one-off posts and digests, soonest first. */
  upcoming(targets: readonly Target[] | null, limit: number): Promise<UpcomingPost[]>;
  /** Deliveries of some targets (or all), most recently changed first. */
  deliveries(targets: readonly Target[] | null, limit: number): Promise<Delivery[]>;
  /** Targets that stopped receiving posts. */
  disabledTargets(): Promise<TargetHealth[]>;
  /**
   * The next `count` fire times of a cron read in the channel's zone. Throws the same UserError as
   * /schedule digest for an expression it would refuse.
   */
  fireTimes(channel: ChannelRef, cron: string, count: number): Promise<Date[]>;
  /** Why an article was or was not posted in a channel: every finding that applies, most telling first. */
  explain(channel: ChannelRef, articleId: string): Promise<ArticleExplanation>;
}

/** A post to come: a one-off post at its time, or a digest at its next fire time. */
export interface UpcomingPost {
  target: Target;
  scheduleId: string;
  kind: "post" | "digest";
  at: Date;
  articleId: string | null;
  topic: string | null;
}

export interface ArticleExplanation {
  target: Target;
  articleId: string;
  /** The article's title, null when the library does not know it. */
  title: string | null;
  findings: DeliveryFinding[];
}

/**
 * One reason an article is, is not, or is not yet posted in a channel. Instants are Dates; error
 * texts are the platform's own words.
 */
export type DeliveryFinding =
  /** The library has no article with this id (never had, or removed). */
  | { kind: "unknownArticle" }
  /** Posted: by which delivery, when, with the platform's message id. */
  | { kind: "delivered"; via: DeliveryKind; deliveryKey: string; at: Date; messageId: string | null }
  /** Counted in a digest's "…and N more" without being shown: it will not be offered again. */
  | { kind: "passedOver"; deliveryKey: string }
  /** A delivery waits: due at `dueAt` (retried after `error` when attempts were made). */
  | {
      kind: "pending";
      via: DeliveryKind;
      deliveryKey: string;
      dueAt: Date;
      attempts: number;
      error: string | null;
    }
  /** Being sent now. */
  | { kind: "sending"; via: DeliveryKind; deliveryKey: string; attempts: number }
  /** Given up after the platform refused it (or the target was disabled): the platform's error. */
  | { kind: "failed"; via: DeliveryKind; deliveryKey: string; at: Date; attempts: number; error: string }
  /** Dropped before sending: nothing was left to post (the article was removed). */
  | { kind: "dropped"; via: DeliveryKind; deliveryKey: string; at: Date; error: string | null }
  /** Under embargo: neither searchable nor posted before `until`. */
  | { kind: "embargo"; until: Date }
  /** Posting to this channel is turned off after repeated permanent failures. */
  | { kind: "targetDisabled"; since: Date; reason: string }
  /** A one-off post of this article here (to come, paused, failed…). */
  | { kind: "scheduled"; scheduleId: string; runAt: Date | null; state: ScheduleState; detail: string | null }
  /** A digest here will include it at its next fire time (it is not given here yet and matches). */
  | { kind: "nextDigest"; scheduleId: string | null; at: Date | null; topic: string | null }
  /** The channel follows topics (subscriptions, digests' topics), none of which the article carries. */
  | { kind: "topicMismatch"; following: string[]; articleTopics: string[] }
  /** The article was already in the library when the channel began following its topic: only new ones are announced. */
  | { kind: "arrivedBefore"; seenAt: Date; followingSince: Date | null }
  /** Nothing posts here on its own: no subscription, no digest, not in ANNOUNCE_TARGETS, no post of it. */
  | { kind: "nothingAsks" };
