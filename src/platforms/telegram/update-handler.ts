import type { Telegram } from "telegraf";
import type { Locale } from "../../domain/locale.js";
import type { Logger } from "../../domain/logger.js";
import { PublishError } from "../../domain/publisher.js";
import type { Reply } from "../../domain/reply.js";
import type { ActionCodec } from "../../framework/actions.js";
import type { CommandContext, Services } from "../../framework/command.js";
import { makeContext } from "../../framework/context.js";
import { pickLocale } from "../../framework/locale.js";
import { translator } from "../../framework/messages.js";
import { type Admission, type RateLimiter, slowDownReply } from "../../framework/rate-limit.js";
import { renderPlain } from "../../framework/reply.js";
import { type CommandRegistry, errorReply, runCommand } from "../../framework/run-command.js";
import { LIMITS, TEXT_BUDGET } from "./limits.js";
import type { ModeratorCheck } from "./moderator-check.js";
import type { PacedSender, Target } from "./paced-sender.js";
import { toChatId } from "./paced-sender.js";
import { type Incoming, parseUpdate, type RawUpdate, type Sender, type Where } from "./parse-update.js";

/** After this long without an answer, show "typing…" so the user knows the bot heard them. */
const TYPING_AFTER_MS = 500;
/** A button press is acknowledged after this long even if the command is still running. */
const ANSWER_CALLBACK_AFTER_MS = 1_500;

export interface UpdateHandlerDeps {
  api: Telegram;
  commands: CommandRegistry;
  /** Services with the token-scrubbing logger. */
  services: Services;
  defaultLocale: Locale;
  pacedSender: PacedSender;
  moderators: ModeratorCheck;
  codec: ActionCodec;
  log: Logger;
  /** The per-user limit on commands and button presses. */
  limiter: RateLimiter;
}

/** An update turned into work for its chat's queue (fair-dispatch.ts). Its run never throws. */
export interface Triaged {
  /** The queue it belongs to: the chat, or the user when a button press has no message. */
  chat: string;
  run: () => Promise<void>;
}

/** The rate limiter's "slow down" verdict, when the command is answered with that instead. */
type SlowDown = Extract<Admission, { kind: "warn" }> | undefined;

/**
 * What the bot does with an update. On arrival (triage) it is parsed and counted against its
 * sender's rate limit: an update that is not for us, or over the limit after the one "slow down"
 * answer, is dropped there and costs nothing more. Then, when its chat's turn comes, a command runs
 * through runCommand and its reply is sent (threaded under the command in groups); a button press
 * is decoded, run, answered with answerCallbackQuery (always, once: with the error as a toast, or
 * "this button has expired"), and its reply sent or, for paging, edited into the message it was on.
 */
export class UpdateHandler {
  constructor(private readonly deps: UpdateHandlerDeps) {}

  /**
   * The work an update asks for, or null when there is none (not for us, or a rate-limited
   * command); a rate-limited button press is only acknowledged, silently.
   */
  triage(update: RawUpdate, botUsername: string): Triaged | null {
    const incoming = parseUpdate(update, botUsername, this.deps.commands);
    if (!incoming) return null;
    const admission = this.deps.limiter.take("telegram", incoming.sender.id);
    if (admission.kind === "drop") {
      this.deps.log.debug({ update: update.update_id, user: incoming.sender.id }, "telegram: rate-limited");
      if (incoming.kind !== "callback") return null;
      // A press left unanswered keeps its button spinning on the presser's screen until Telegram
      // gives up: acknowledge it without a word (answerCallbackQuery posts nothing in the chat).
      const { queryId } = incoming;
      return {
        chat: `from:${incoming.sender.id}`,
        run: () =>
          this.deps.api
            .answerCbQuery(queryId)
            .then(() => undefined)
            .catch(() => undefined),
      };
    }
    const slowDown = admission.kind === "warn" ? admission : undefined;
    const work =
      incoming.kind === "command"
        ? () => this.command(incoming, slowDown)
        : () => this.callback(incoming, slowDown);
    return {
      chat: incoming.where ? String(incoming.where.chat.id) : `from:${incoming.sender.id}`,
      run: () => work().catch((error: unknown) => this.apologize(error, update)),
    };
  }

  /** The last line: log with a reference and tell the user, in their language. */
  async apologize(error: unknown, update: RawUpdate): Promise<void> {
    const message = update.message ?? update.channel_post ?? update.callback_query?.message;
    const from = update.callback_query?.from ?? update.message?.from;
    const locale = pickLocale(from?.language_code, this.deps.defaultLocale);
    const reply = errorReply(
      error,
      { t: translator(locale), services: this.deps.services },
      { update: update.update_id },
    );
    if (!message?.chat) return;
    await this.deps.pacedSender
      .send({ chatId: String(message.chat.id) }, reply)
      .catch((sendError: unknown) => {
        this.deps.log.warn({ err: sendError, chat: message.chat.id }, "telegram: could not send the apology");
      });
  }

  private async command(incoming: Extract<Incoming, { kind: "command" }>, slowDown: SlowDown): Promise<void> {
    const { where, sender, line } = incoming;
    const ctx = this.context(sender, where);
    const chatId = String(where.chat.id);
    let reply: Reply;
    if (slowDown) reply = slowDownReply(ctx.t, slowDown.retryAfterMs);
    else {
      const typing = setTimeout(() => {
        this.deps.api
          .sendChatAction(toChatId(chatId), "typing", { message_thread_id: where.threadId })
          .catch(() => undefined);
      }, TYPING_AFTER_MS);
      try {
        reply = await runCommand(this.deps.commands, line, ctx);
      } finally {
        clearTimeout(typing);
      }
    }
    const inGroup = where.chat.type === "group" || where.chat.type === "supergroup";
    const target: Target = {
      chatId,
      threadId: where.threadId,
      replyTo: inGroup ? where.messageId : undefined,
    };
    await this.deliver(target, () => this.deps.pacedSender.send(target, reply));
  }

  private async callback(
    incoming: Extract<Incoming, { kind: "callback" }>,
    slowDown: SlowDown,
  ): Promise<void> {
    const { where, sender, queryId } = incoming;
    const locale = pickLocale(sender.languageCode, this.deps.defaultLocale);
    const t = translator(locale);
    let answered = false;
    const answer = async (text?: string, alert = false): Promise<void> => {
      if (answered) return;
      answered = true;
      try {
        const clipped = text ? Array.from(text).slice(0, LIMITS.callbackAnswer).join("") : undefined;
        await this.deps.api.answerCbQuery(queryId, clipped, alert ? { show_alert: true } : undefined);
      } catch (error) {
        this.deps.log.debug({ err: error }, "telegram: answerCallbackQuery failed");
      }
    };
    try {
      if (slowDown) {
        // Said in a toast on the user's own screen, not in the chat.
        await answer(renderPlain(slowDownReply(t, slowDown.retryAfterMs)), true);
        return;
      }
      const action = this.deps.codec.decode(incoming.data);
      if (!action || !where) {
        await answer(t("error.buttonExpired"), true);
        return;
      }
      const early = setTimeout(() => void answer(), ANSWER_CALLBACK_AFTER_MS);
      const reply = await runCommand(
        this.deps.commands,
        { command: action.command, subcommand: action.subcommand, args: action.args },
        this.context(sender, where),
      ).finally(() => clearTimeout(early));
      if (reply.error && !answered) {
        // A refused or failed button press is said in a toast, not a new message in the chat.
        await answer(renderPlain(reply), true);
        return;
      }
      await answer();
      const target: Target = { chatId: String(where.chat.id), threadId: where.threadId };
      const messageId = where.messageId;
      if (reply.replacesOriginal && messageId !== undefined) {
        await this.deliver(target, () => this.deps.pacedSender.edit(target, messageId, reply));
      } else {
        await this.deliver(target, () => this.deps.pacedSender.send(target, reply));
      }
    } finally {
      await answer();
    }
  }

  /** Sends; a failed send is logged here (the paced sender already logged inactive chats), not thrown. */
  private async deliver(target: Target, send: () => Promise<unknown>): Promise<void> {
    try {
      await send();
    } catch (error) {
      if (!(error instanceof PublishError)) throw error;
      if (error.kind !== "permanent") {
        this.deps.log.warn(
          { chat: target.chatId, kind: error.kind, reason: error.message },
          "telegram: reply not delivered",
        );
      }
    }
  }

  private context(sender: Sender, where: Where): CommandContext {
    return makeContext({
      locale: pickLocale(sender.languageCode, this.deps.defaultLocale),
      user: { id: sender.id, name: sender.name },
      channel: { platform: "telegram", id: String(where.chat.id) },
      isModerator: () => this.deps.moderators.isModerator(where.chat, sender),
      textLimit: TEXT_BUDGET,
      services: this.deps.services,
    });
  }
}
