import { Telegraf } from "telegraf";
import type { Locale } from "../../domain/locale.js";
import type { Logger } from "../../domain/logger.js";
import { PublishError, type Published, type PublishOptions } from "../../domain/publisher.js";
import type { Reply } from "../../domain/reply.js";
import type { ChannelRef } from "../../domain/target.js";
import { ActionCodec } from "../../framework/actions.js";
import type { Services } from "../../framework/command.js";
import type { Platform, PlatformDirectory } from "../../framework/platform.js";
import { type RateLimitSettings, rateLimiter } from "../../framework/rate-limit.js";
import type { CommandRegistry } from "../../framework/run-command.js";
import { SendThrottle } from "../../framework/send-throttle.js";
import { telegramDirectory } from "./directory.js";
import { FairDispatcher, type FairLimits } from "./fair-dispatch.js";
import { LIMITS, PACE } from "./limits.js";
import { ModeratorCheck } from "./moderator-check.js";
import { PacedSender } from "./paced-sender.js";
import type { RawUpdate } from "./parse-update.js";
import { Poller, UNAUTHORIZED_MESSAGE } from "./poller.js";
import { RecentIds } from "./recent-ids.js";
import { commandMenus, invalidCommandNames } from "./register-commands.js";
import { classifyError, makeScrubber, scrubbingLogger } from "./telegram-errors.js";
import { UpdateHandler } from "./update-handler.js";
import { WebhookServer } from "./webhook-server.js";

export interface TelegramPlatformOptions {
  /** The BotFather token. Never logged. */
  token: string;
  /** Bot API root, e.g. an emulator's http://127.0.0.1:9001 (default https://api.telegram.org). */
  apiRoot?: string;
  /** Webhook mode instead of long polling: the public URL, its secret token and the local port. */
  webhook?: { url: string; secret: string; port: number };
  commands: CommandRegistry;
  services: Services;
  defaultLocale: Locale;
  log: Logger;
  /** The per-user limit on commands and button presses (RATE_LIMIT_*); absent: no limit. */
  rateLimit?: RateLimitSettings;
  /** Bounds of the per-chat queues (fair-dispatch.ts); the defaults suit production. */
  fairness?: Partial<FairLimits>;
  /**
   * Called once, after the error is logged, when the running bot can no longer receive updates
   * (getUpdates answers 401: the token was revoked). Polling has stopped; the process is deaf
   * until restarted. A failure during start() is not reported here; start() rejects instead.
   */
  onFatal?: (message: string) => void;
}

const ALLOWED_UPDATES = ["message", "channel_post", "callback_query"] as const;
/** How long stop() waits for commands in progress to finish sending. */
const DRAIN_MS = 3_000;

/**
 * The Telegram platform: telegraf for the Bot API, our own loop for polling (or a webhook server),
 * and one paced sender for every message. start() resolves once the bot is up (getMe done, command
 * menus registered, polling or webhook running); it never waits for polling to end.
 */
export function createTelegramPlatform(options: TelegramPlatformOptions): Platform {
  return new TelegramPlatform(options);
}

class TelegramPlatform implements Platform {
  readonly platform = "telegram" as const;
  readonly directory: PlatformDirectory;
  private readonly log: Logger;
  /** Removes the token from any text that leaves the adapter (errors, PublishError messages). */
  private readonly scrub: (text: string) => string;
  private readonly bot: Telegraf;
  private readonly throttle: SendThrottle;
  private readonly pacedSender: PacedSender;
  private readonly handler: UpdateHandler;
  private readonly seen = new RecentIds(5_000);
  /** Every update's work, queued per chat and served round-robin with bounded concurrency. */
  private readonly dispatcher: FairDispatcher;
  private poller: Poller | null = null;
  private webhookServer: WebhookServer | null = null;
  private state: "new" | "starting" | "running" | "stopped" = "new";
  private fatalReported = false;

  constructor(private readonly options: TelegramPlatformOptions) {
    this.log = scrubbingLogger(options.log, options.token);
    this.scrub = makeScrubber(options.token);
    // telegraf is the Bot API client only: updates go through our own dispatcher, not its middleware.
    this.bot = new Telegraf(options.token, {
      telegram: { apiRoot: options.apiRoot ?? "https://api.telegram.org", webhookReply: false },
    });
    const telemetry = options.services.telemetry;
    this.throttle = new SendThrottle({
      ...PACE,
      onWait: (ms) => telemetry?.rateLimitWait("telegram", "send", ms / 1000),
    });
    this.dispatcher = new FairDispatcher({ ...options.fairness, log: this.log });
    this.directory = telegramDirectory(
      this.bot.telegram,
      () => (this.state === "running" ? true : `telegram is ${this.state}`),
      () => this.bot.botInfo?.username ?? null,
    );
    const codec = new ActionCodec(LIMITS.callbackData);
    this.pacedSender = new PacedSender(this.bot.telegram, this.throttle, codec, this.log, this.scrub);
    const moderators = new ModeratorCheck(async (chatId, userId) => {
      const member = await this.bot.telegram.getChatMember(chatId, userId);
      return member.status;
    }, this.log);
    this.handler = new UpdateHandler({
      api: this.bot.telegram,
      commands: options.commands,
      services: { ...options.services, log: this.log },
      defaultLocale: options.defaultLocale,
      pacedSender: this.pacedSender,
      moderators,
      codec,
      log: this.log,
      limiter: rateLimiter(options.rateLimit, undefined, (p) => telemetry?.rateLimitWait(p, "user", 0)),
    });
  }

  async start(): Promise<void> {
    if (this.state !== "new")
      throw new Error(`the Telegram platform cannot start twice (it is ${this.state})`);
    this.state = "starting";
    try {
      this.bot.botInfo = await this.getMe();
      await this.registerCommands();
      if (this.options.webhook) await this.startWebhook(this.options.webhook);
      else await this.startPolling();
      this.state = "running";
      this.log.info(
        { bot: this.bot.botInfo.username, mode: this.options.webhook ? "webhook" : "polling" },
        "telegram: bot is up",
      );
    } catch (error) {
      await this.stop();
      throw this.clean(error);
    }
  }

  async stop(): Promise<void> {
    if (this.state === "stopped") return;
    this.state = "stopped";
    await this.poller?.stop();
    await this.webhookServer?.close();
    // Commands still waiting for their turn are dropped; those running get DRAIN_MS to finish.
    const pending = await this.dispatcher.close(DRAIN_MS);
    if (pending > 0) this.log.warn({ pending }, "telegram: stopped with work in progress");
    this.throttle.close("the Telegram platform stopped");
  }

  /**
   * Posts a reply (schedules, announcements). Throws PublishError. When the group had become a
   * supergroup, the post goes to the new chat and the result carries `movedTo` with its id.
   * Telegram has no idempotency key: `key` is not used, and a post resent after a crash may
   * appear twice (ADR 0032).
   */
  async publish(target: ChannelRef, reply: Reply, _options: PublishOptions): Promise<Published> {
    if (this.state === "stopped") throw new PublishError("transient", "the Telegram platform is stopped");
    let sent: Awaited<ReturnType<PacedSender["send"]>>;
    try {
      sent = await this.pacedSender.send({ chatId: target.id }, reply);
    } catch (error) {
      // The paced sender throws PublishError with a scrubbed message; anything else (the queue closing
      // under us) becomes one, scrubbed too.
      if (error instanceof PublishError) throw error;
      throw new PublishError("transient", this.scrub(error instanceof Error ? error.message : String(error)));
    }
    const first = sent.messageIds[0];
    if (first === undefined) throw new PublishError("permanent", "the reply rendered to no message");
    const result: Published = { messageId: String(first) };
    if (sent.movedTo) result.movedTo = sent.movedTo;
    return result;
  }

  /** An error safe to hand out of the adapter: same message, without the token, no cause chain. */
  private clean(error: unknown): Error {
    const message = error instanceof Error ? error.message : String(error);
    const scrubbed = this.scrub(message);
    const stack = error instanceof Error ? (error.stack ?? "") : "";
    if (error instanceof Error && scrubbed === message && this.scrub(stack) === stack) return error;
    return new Error(scrubbed);
  }

  /** The running bot lost its only way in (a 401 mid-run): tell the owner once. */
  private fatal(message: string): void {
    if (this.state === "stopped" || this.fatalReported) return;
    this.fatalReported = true;
    try {
      this.options.onFatal?.(message);
    } catch (error) {
      this.log.error({ err: error }, "telegram: the onFatal callback threw");
    }
  }

  /**
   * Takes an update once: triage (parse, rate limit) now, the work queued in its chat's turn, so
   * the caller (polling, webhook) never waits for it and one chat's backlog never blocks another.
   */
  private dispatch(update: { update_id: number }): void {
    if (!this.seen.add(update.update_id)) {
      this.log.debug({ update: update.update_id }, "telegram: duplicate update ignored");
      return;
    }
    const job = this.handler.triage(update as RawUpdate, this.bot.botInfo?.username ?? "");
    if (job && !this.dispatcher.push(job.chat, job.run)) {
      this.log.debug({ update: update.update_id, chat: job.chat }, "telegram: queue full; update dropped");
    }
  }

  private async getMe() {
    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        return await this.bot.telegram.getMe();
      } catch (error) {
        const failure = classifyError(error);
        const code = (error as { code?: unknown }).code;
        if (failure.kind === "unauthorized" || code === 404) throw new Error(UNAUTHORIZED_MESSAGE);
        lastError = error;
        await new Promise((resolve) => setTimeout(resolve, 1_000 * (attempt + 1)));
      }
    }
    this.log.error({ err: lastError }, "telegram: could not reach the Bot API");
    throw new Error(
      `Could not reach Telegram at ${this.options.apiRoot ?? "https://api.telegram.org"} (see the log).`,
    );
  }

  private async registerCommands(): Promise<void> {
    const invalid = invalidCommandNames(this.options.commands.values());
    if (invalid.length > 0) this.log.warn({ invalid }, "telegram: these command names cannot be registered");
    for (const menu of commandMenus(this.options.commands.values(), this.options.defaultLocale)) {
      try {
        await this.bot.telegram.setMyCommands(menu.commands, { language_code: menu.languageCode });
      } catch (error) {
        this.log.warn(
          { err: error, language: menu.languageCode ?? "default" },
          "telegram: setMyCommands failed",
        );
      }
    }
  }

  private async startPolling(): Promise<void> {
    try {
      await this.bot.telegram.deleteWebhook({ drop_pending_updates: false });
    } catch (error) {
      this.log.warn(
        { err: error },
        "telegram: deleteWebhook failed; polling may get 409 until it is removed",
      );
    }
    const api = this.bot.telegram;
    this.poller = new Poller({
      getUpdates: (params, signal) =>
        // telegraf types the signal as its abort-controller polyfill's; node-fetch takes the native one.
        api.callApi(
          "getUpdates",
          { ...params, allowed_updates: ALLOWED_UPDATES },
          { signal: signal as never },
        ),
      dispatch: (update) => this.dispatch(update),
      log: this.log,
      // The poller has logged the clear message before calling this.
      onFatal: (message) => this.fatal(message),
    });
    this.poller.start();
  }

  private async startWebhook(webhook: { url: string; secret: string; port: number }): Promise<void> {
    const path = new URL(webhook.url).pathname || "/";
    this.webhookServer = new WebhookServer({
      path,
      secret: webhook.secret,
      port: webhook.port,
      onUpdate: (update) => this.dispatch(update),
      log: this.log,
    });
    await this.webhookServer.listen();
    await this.bot.telegram.setWebhook(webhook.url, {
      secret_token: webhook.secret,
      allowed_updates: ALLOWED_UPDATES,
    });
  }
}
