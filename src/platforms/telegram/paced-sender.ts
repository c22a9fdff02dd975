import type { Telegram } from "telegraf";
import type { InlineKeyboardMarkup } from "telegraf/types";
import type { Logger } from "../../domain/logger.js";
import { PublishError } from "../../domain/publisher.js";
import type { Reply } from "../../domain/reply.js";
import type { ActionCodec } from "../../framework/actions.js";
import { RetryLater, type SendThrottle } from "../../framework/send-throttle.js";
import { inlineKeyboard } from "./keyboard.js";
import { LIMITS } from "./limits.js";
import { htmlToPlain, needsCardNumbers, renderSegments } from "./render-html.js";
import { splitMessage } from "./split-message.js";
import { classifyError } from "./telegram-errors.js";

/** Where a reply goes: a chat, and optionally the message it answers and its forum topic. */
export interface Target {
  chatId: string;
  replyTo?: number;
  threadId?: number;
}

export interface Sent {
  /** Ids of the messages sent (or edited), in order. */
  messageIds: number[];
  /** The chat the reply finally went to. */
  chatId: string;
  /** Set when the group had become a supergroup: post to this id from now on. */
  movedTo?: string;
}

/** A reply rendered for Telegram: its message parts and the keyboard that goes on the last one. */
export interface Rendered {
  parts: string[];
  keyboard: InlineKeyboardMarkup | undefined;
  disablePreview: boolean;
}

type SendExtra = Parameters<Telegram["sendMessage"]>[2] & object;

/**
 * Everything the bot sends goes through here: rendering, splitting, the paced queue, and what the
 * Bot API's errors mean. A 429 waits and retries inside the queue; a group that became a
 * supergroup is followed (and remembered); rejected HTML is resent as plain text; a chat that is
 * gone raises PublishError("permanent") and is logged as inactive.
 *
 * Every PublishError message goes through `scrub`: a reason can be a node-fetch message, which
 * holds the request URL and so the token (a proxy answering HTML instead of JSON), and the
 * scheduler logs, stores and shows these messages.
 */
export class PacedSender {
  /** Groups that became supergroups: old id -> new id, for the life of the process. */
  private readonly moved = new Map<string, string>();

  constructor(
    private readonly api: Telegram,
    private readonly throttle: SendThrottle,
    private readonly codec: ActionCodec,
    private readonly log: Logger,
    /** Removes the bot token from text (makeScrubber(token)). */
    private readonly scrub: (text: string) => string,
  ) {}

  /** A PublishError whose message cannot hold the token. */
  private fail(kind: PublishError["kind"], message: string, retryAfterMs?: number): PublishError {
    return new PublishError(kind, this.scrub(message), retryAfterMs);
  }

  render(reply: Reply): Rendered {
    const numberCards = needsCardNumbers(reply);
    return {
      parts: splitMessage(renderSegments(reply, { numberCards }), LIMITS.message),
      keyboard: inlineKeyboard(reply, this.codec, numberCards),
      // A list of articles would show one big preview of the first link only: turn it off.
      disablePreview: reply.cards.length !== 1,
    };
  }

  /** Sends a reply as one or more messages. Throws PublishError. */
  async send(target: Target, reply: Reply): Promise<Sent> {
    return this.sendRendered(target, this.render(reply));
  }

  /** Replaces a message with the reply (paging); falls back to sending when it cannot be edited. */
  async edit(target: Target, messageId: number, reply: Reply): Promise<Sent> {
    const rendered = this.render(reply);
    const [first, ...rest] = rendered.parts;
    if (first === undefined) return { messageIds: [], chatId: target.chatId };
    const chatId = this.moved.get(target.chatId) ?? target.chatId;
    try {
      await this.throttle.schedule(chatId, () =>
        this.retryable(() =>
          this.api.editMessageText(toChatId(chatId), messageId, undefined, first, {
            parse_mode: "HTML",
            link_preview_options: { is_disabled: rendered.disablePreview },
            reply_markup: rest.length === 0 ? rendered.keyboard : undefined,
          }),
        ),
      );
    } catch (error) {
      const failure = classifyError(unwrap(error));
      if (failure.kind === "rate-limited") {
        throw this.fail("rate-limited", "Telegram kept answering 429", failure.retryAfterMs);
      }
      if (failure.kind !== "not-modified") {
        this.log.debug(
          { chat: chatId, reason: failure },
          "telegram: edit failed; sending a new message instead",
        );
        return this.sendRendered(target, rendered);
      }
    }
    if (rest.length === 0) return { messageIds: [messageId], chatId };
    const more = await this.sendRendered({ chatId }, { ...rendered, parts: rest });
    return { ...more, messageIds: [messageId, ...more.messageIds] };
  }

  private async sendRendered(target: Target, rendered: Rendered): Promise<Sent> {
    let chatId = this.moved.get(target.chatId) ?? target.chatId;
    const messageIds: number[] = [];
    for (const [index, html] of rendered.parts.entries()) {
      const last = index === rendered.parts.length - 1;
      const extra: SendExtra = {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: rendered.disablePreview },
        reply_markup: last ? rendered.keyboard : undefined,
        message_thread_id: target.threadId,
        reply_parameters:
          index === 0 && target.replyTo !== undefined
            ? { message_id: target.replyTo, allow_sending_without_reply: true }
            : undefined,
      };
      const sent = await this.sendPart(chatId, html, extra);
      chatId = sent.chatId;
      messageIds.push(sent.messageId);
    }
    const movedTo = chatId !== target.chatId ? chatId : undefined;
    return movedTo ? { messageIds, chatId, movedTo } : { messageIds, chatId };
  }

  private async sendPart(
    chatId: string,
    html: string,
    extra: SendExtra,
  ): Promise<{ chatId: string; messageId: number }> {
    let target = chatId;
    let plain = false;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const text = plain ? htmlToPlain(html) : html;
        const options: SendExtra = plain ? { ...extra, parse_mode: undefined } : extra;
        const message = await this.throttle.schedule(target, () =>
          this.retryable(() => this.api.sendMessage(toChatId(target), text, options)),
        );
        return { chatId: target, messageId: message.message_id };
      } catch (error) {
        const cause = unwrap(error);
        const failure = classifyError(cause);
        switch (failure.kind) {
          case "migrated":
            this.log.warn(
              { chat: target, movedTo: failure.to },
              "telegram: group became a supergroup; following it (update stored targets to the new id)",
            );
            this.moved.set(chatId, failure.to);
            this.moved.set(target, failure.to);
            target = failure.to;
            continue;
          case "bad-markup":
            if (plain) break;
            this.log.error(
              { chat: target, reason: failure.reason },
              "telegram: HTML rejected; resending as plain text",
            );
            plain = true;
            continue;
          case "permanent":
            this.log.warn(
              { chat: target, reason: failure.reason },
              "telegram: chat inactive (blocked, kicked or gone)",
            );
            throw this.fail("permanent", failure.reason);
          case "rate-limited":
            throw this.fail("rate-limited", "Telegram kept answering 429", failure.retryAfterMs);
          default:
            break;
        }
        throw this.fail("transient", "reason" in failure ? failure.reason : failure.kind);
      }
    }
    throw this.fail("transient", "gave up after following a migration and a markup fallback");
  }

  /** Turns a 429 into RetryLater, so the queue holds this chat and retries in order. */
  private async retryable<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      const failure = classifyError(error);
      if (failure.kind === "rate-limited") {
        this.log.warn(
          { retryAfterMs: failure.retryAfterMs },
          "telegram: 429 Too Many Requests; holding this chat",
        );
        throw new RetryLater(failure.retryAfterMs, error);
      }
      throw error;
    }
  }
}

/** The original API error behind a RetryLater (after the queue gave up retrying). */
function unwrap(error: unknown): unknown {
  return error instanceof RetryLater && error.cause !== undefined ? error.cause : error;
}

/** Numeric ids go as numbers; "@channelname" stays a string. */
export function toChatId(id: string): number | string {
  const n = Number(id);
  return /^-?\d+$/.test(id) && Number.isSafeInteger(n) ? n : id;
}
