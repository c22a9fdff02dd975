import type { Logger } from "../../domain/logger.js";
import { classifyError } from "./telegram-errors.js";

/**
 * The long-polling loop. telegraf's own (bot.launch) awaits every batch of updates before asking
 * for the next, so one slow handler stalls the bot, and it gives up for good on a 409. This loop
 * hands each update to `dispatch`, which queues it and returns at once (the fair dispatcher bounds
 * the work in progress, per chat: fair-dispatch.ts), so polling never waits behind one busy chat.
 * It backs off on errors instead of spinning:
 * 409 (another instance) 5 s doubling to 60 s, 429 its retry_after, network and 5xx 1 s to 30 s.
 * 401 stops the loop with a clear message.
 */

export type GetUpdates = (
  params: { offset: number; timeout: number; allowed_updates: string[] },
  signal: AbortSignal,
) => Promise<{ update_id: number }[]>;

export interface PollerOptions {
  getUpdates: GetUpdates;
  /** Queues one update for handling and returns at once; must not throw. */
  dispatch: (update: { update_id: number }) => void;
  log: Logger;
  /** Seconds Telegram may hold each getUpdates open. */
  timeoutSeconds?: number;
  allowedUpdates?: string[];
  /** Called once if the loop stops on its own (401). */
  onFatal?: (message: string) => void;
}

export const UNAUTHORIZED_MESSAGE =
  "TELEGRAM_BOT_TOKEN was rejected by Telegram (401 Unauthorized): check the token BotFather gave you.";

export class Poller {
  private readonly abort = new AbortController();
  private loop: Promise<void> | null = null;
  private offset = 0;

  constructor(private readonly options: PollerOptions) {}

  start(): void {
    if (this.loop) throw new Error("the poller is already running");
    this.loop = this.run();
  }

  /** Stops asking for updates; resolves when the loop has ended (not the work it dispatched). */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
  }

  private async run(): Promise<void> {
    const { log } = this.options;
    let failures = 0;
    let conflicts = 0;
    while (!this.abort.signal.aborted) {
      try {
        const updates = await this.options.getUpdates(
          {
            offset: this.offset,
            timeout: this.options.timeoutSeconds ?? 30,
            allowed_updates: this.options.allowedUpdates ?? ["message", "channel_post", "callback_query"],
          },
          this.abort.signal,
        );
        failures = 0;
        conflicts = 0;
        for (const update of updates) {
          this.offset = Math.max(this.offset, update.update_id + 1);
          try {
            this.options.dispatch(update);
          } catch (error) {
            // One bad update must not pass for a failed poll (and a back-off for everyone).
            log.error({ err: error, update: update.update_id }, "telegram: dispatching an update failed");
          }
        }
      } catch (error) {
        if (this.abort.signal.aborted || (error as Error)?.name === "AbortError") break;
        const failure = classifyError(error);
        if (failure.kind === "unauthorized") {
          log.error({}, `${UNAUTHORIZED_MESSAGE} Polling stopped.`);
          this.options.onFatal?.(UNAUTHORIZED_MESSAGE);
          break;
        }
        let waitMs: number;
        if (failure.kind === "conflict") {
          waitMs = Math.min(60_000, 5_000 * 2 ** conflicts++);
          log.warn(
            { reason: failure.reason, retryInMs: waitMs },
            "telegram: 409 Conflict — another instance is polling with this token (or a webhook is set); backing off",
          );
        } else if (failure.kind === "rate-limited") {
          waitMs = failure.retryAfterMs;
          log.warn({ retryInMs: waitMs }, "telegram: getUpdates rate-limited; waiting");
        } else {
          waitMs = Math.min(30_000, 1_000 * 2 ** failures++);
          log.warn({ err: error, retryInMs: waitMs }, "telegram: getUpdates failed; retrying");
        }
        await sleep(waitMs, this.abort.signal);
      }
    }
  }
}

/** Waits `ms`, or less if the signal aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}
