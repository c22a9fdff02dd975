import type { Locale } from "./locale.js";
import type { Target } from "./target.js";

/** What a channel (a target) has asked for, and how posting to it goes. */

/** Per-channel settings; null means the configured default. */
export interface ChannelSettings {
  timeZone: string | null;
  locale: Locale | null;
}

/**
 * The longest topic (a category or tag) a subscription or a digest may name: the commands' topic
 * option refuses longer before the scheduling service is asked, which checks it again for any
 * other door (the dashboard).
 */
export const MAX_TOPIC_LENGTH = 64;

/** A target following a topic: new articles on it are announced there. */
export interface Subscription {
  target: Target;
  /** Lower-case, accent-free form used for matching. */
  topicKey: string;
  /** As the moderator typed it, for display. */
  topic: string;
  /**
   * A keyword filter as the moderator typed it, normalised (`-etf "el salvador"`): only articles
   * matching it are announced. Null or absent: every article on the topic (ADR 0113).
   */
  filter?: string | null;
  createdById: string;
  createdByName: string;
  createdAt: string;
}

/** Whether posting to a target works; a target failing permanently is disabled (ADR 0033). */
export interface TargetHealth {
  target: Target;
  /** Consecutive permanent failures. */
  failures: number;
  disabledAt: string | null;
  reason: string | null;
}

/** One recorded change: who did what, where and when. The system is actor "system". */
export interface AuditEntry {
  at: string;
  actorId: string;
  actorName: string;
  target: Target;
  action: string;
  detail: Record<string, unknown>;
}
