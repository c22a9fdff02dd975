import type { Target } from "./target.js";

/**
 * The outbox (ADR 0032): every post the scheduler owes is a delivery, written before it is sent
 * and marked done after, under a key that makes it exactly once:
 * `announce:<target>:<article>`, `digest:<target>:<slot>` (the configured digest),
 * `digest:<schedule>:<slot>`, `post:<schedule>:<slot>`.
 */

export type DeliveryKind = "announce" | "digest" | "post";
/** pending → sending (claimed) → done; or failed (given up, its articles owed again) or dropped (nothing left to post). */
export type DeliveryState = "pending" | "sending" | "done" | "failed" | "dropped";

/** What to post, frozen when the delivery is written so a resumed send posts the same thing. */
export interface DeliveryPayload {
  articles: string[];
  /** Digests: how many more new articles there were than shown. */
  more?: number;
  topic?: string | null;
  scheduleId?: string;
  /** Digests and posts: the slot (ISO) this delivery stands for. */
  slot?: string;
}

/** One delivery as stored. */
export interface Delivery {
  key: string;
  target: Target;
  kind: DeliveryKind;
  payload: DeliveryPayload;
  state: DeliveryState;
  /** Sends tried (a rate limit does not count). */
  attempts: number;
  dueAt: string;
  /** The worker (scheduler instance) holding the claim while it is `sending`. */
  claimedBy: string | null;
  /** When that claim (its lease) ends unless renewed: then another worker may take it. */
  claimUntil: string | null;
  messageId: string | null;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}
