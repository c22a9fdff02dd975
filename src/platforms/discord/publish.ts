import { createHash, randomBytes } from "node:crypto";
import {
  type APIMessage,
  type Client,
  DiscordAPIError,
  HTTPError,
  RateLimitError,
  RESTJSONErrorCodes,
  Routes,
} from "discord.js";
import { PublishError } from "../../domain/publisher.js";
import type { SendThrottle } from "../../framework/send-throttle.js";
import type { DiscordMessage } from "./render-embeds.js";
import { NO_MENTIONS } from "./respond.js";

/** Errors that mean "this channel will not take our posts": give up on it rather than retry. */
const PERMANENT_CODES: ReadonlySet<number> = new Set([
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.UnknownGuild,
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
  RESTJSONErrorCodes.CannotSendMessagesToThisUser,
  RESTJSONErrorCodes.CannotSendMessagesInNonTextChannel,
]);

/**
 * The nonce of a post's messages, from the caller's key: 20 characters, so that the part number
 * appended to it keeps each nonce within Discord's 25. The same key gives the same nonces.
 */
export function nonceBase(key: string): string {
  return createHash("sha256").update(key).digest("base64url").slice(0, 20);
}

/**
 * Posts rendered messages to a channel. Each message carries a fresh nonce with enforce_nonce, so
 * when discord.js retries a POST (a 5xx or a timeout after Discord did create the message) Discord
 * returns the first message instead of posting a twin. Rate limits are waited out by the REST
 * queue, which resends only after a 429 (nothing was created). Each send waits its turn in `pacer`
 * (the platform's one queue at POST_PACE, or this process's share of it), so a fan-out never
 * bursts past Discord's global limit. The post goes straight to REST, one request per message:
 * it needs no channel in the cache, so a process posts to any channel whichever shards it holds
 * (ADR 0106); a channel that does not take messages answers with an error, sorted below.
 * Returns the first message's id.
 */
export async function postToChannel(
  client: Client,
  pacer: SendThrottle,
  channelId: string,
  messages: readonly DiscordMessage[],
  /** At most 23 characters, so that the part number keeps the nonce within Discord's 25. */
  nonceBase: string = randomBytes(6).toString("hex"),
): Promise<{ messageId: string }> {
  const batch = nonceBase;
  let first: string | undefined;
  for (const [index, message] of messages.entries()) {
    const body = {
      ...message,
      allowed_mentions: NO_MENTIONS,
      nonce: `${batch}${index}`,
      enforce_nonce: true,
    };
    const sent = await pacer
      .schedule(
        channelId,
        () => client.rest.post(Routes.channelMessages(channelId), { body }) as Promise<APIMessage>,
      )
      .catch((error: unknown) => {
        throw toPublishError(error, channelId);
      });
    first ??= sent.id;
  }
  if (first === undefined) throw new PublishError("permanent", "nothing to post");
  return { messageId: first };
}

/** Sorts a discord.js failure into what the scheduler needs: retry, wait, or give up. */
export function toPublishError(error: unknown, channelId: string): PublishError {
  if (error instanceof PublishError) return error;
  if (error instanceof RateLimitError) {
    return new PublishError("rate-limited", `discord rate limit on ${error.route}`, error.retryAfter);
  }
  if (error instanceof DiscordAPIError) {
    const what = `discord ${error.status}/${error.code} on channel ${channelId}: ${error.message}`;
    if (error.status === 429) return new PublishError("rate-limited", what);
    if (PERMANENT_CODES.has(Number(error.code))) return new PublishError("permanent", what);
    // A rejected token is the bot's problem, not the channel's: keep the target and retry later.
    if (error.status === 401 || error.status >= 500) return new PublishError("transient", what);
    // Any other 4xx refuses the post itself; sending it again would be refused again.
    return new PublishError("permanent", what);
  }
  if (error instanceof HTTPError) {
    return new PublishError("transient", `discord ${error.status} on channel ${channelId}`);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new PublishError("transient", `discord unreachable: ${message}`);
}
