import type { Locale } from "../domain/locale.js";
import type { Reply } from "../domain/reply.js";
import type { PlatformName } from "../domain/target.js";

/**
 * Why a post failed, as the scheduler needs to know it: retry later (transient, rate-limited)
 * or give up on the target (permanent: channel gone, bot blocked, no permission).
 */
export type PublishFailure = "transient" | "rate-limited" | "permanent";

export class PublishError extends Error {
  constructor(
    readonly kind: PublishFailure,
    message: string,
    /** For rate limits: how long the platform asked us to wait. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "PublishError";
  }
}

/** Posts a reply to a channel on its own (schedules, announcements). Throws PublishError. */
export interface Publisher {
  readonly platform: PlatformName;
  /**
   * Returns the platform's message id of the (first) message sent, and the chat's new id when the
   * platform moved it (a Telegram group upgraded to a supergroup) so the caller can follow it.
   */
  publish(channelId: string, reply: Reply, locale: Locale): Promise<{ messageId: string; movedTo?: string }>;
  /**
   * Where the platform can make a repeated post a no-op (Discord nonces): the same key twice keeps
   * the first message. The scheduler uses it for sends resumed after a crash.
   */
  publishOnce?(channelId: string, reply: Reply, locale: Locale, key: string): Promise<{ messageId: string }>;
}

/** A running chat platform: the console, Discord or Telegram. */
export interface Platform extends Publisher {
  start(): Promise<void>;
  stop(): Promise<void>;
}
