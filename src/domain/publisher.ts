import type { Reply } from "./reply.js";
import type { ChannelRef, PlatformName } from "./target.js";

/**
 * Why a post failed, as the scheduler needs to know it: retry later (transient, rate-limited)
 * or give up on the target (permanent: channel gone, bot blocked, no permission).
 */
export type PublishFailure = "transient" | "rate-limited" | "permanent";

/** A failed post, with what the scheduler should do about it. */
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

/** How to publish: the key of the post (see below). */
export interface PublishOptions {
  /**
   * The same on every attempt of one post (the scheduler's delivery key). What it means is each
   * adapter's business: Discord makes it the messages' nonce, so a post resumed after a crash is
   * kept once; Telegram and the console have nothing of the kind and ignore it.
   */
  key: string;
}

/** What a post became on its platform. */
export interface Published {
  /** The platform's id of the (first) message sent. */
  messageId: string;
  /**
   * The channel's new id on the same platform, when the platform moved it (a Telegram group
   * upgraded to a supergroup): the post went there, and the caller follows it.
   */
  movedTo?: string;
}

/** Posts a reply to a channel on its own (schedules, announcements). Throws PublishError. */
export interface Publisher {
  readonly platform: PlatformName;
  publish(target: ChannelRef, reply: Reply, options: PublishOptions): Promise<Published>;
}
