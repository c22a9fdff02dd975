import type { Logger } from "../../framework/ports.js";
import { classifyError } from "./telegram-errors.js";

/**
 * The long-polling loop. telegraf's own (bot.launch) awaits every batch of updates before asking
 * for the next, so one slow handler stalls the bot, and it gives up for good on a 409. This loop
 * hands each update to `dispatch` without waiting (the caller tracks that work), keeps at most
 * `maxInFlight` updates in progress, and backs off on errors instead of spinning:
 * 409 (another instance) 5 s doubling to 60 s, 429 its retry_after, network and 5xx 1 s to 30 s.
 * 401 stops the loop with a clear message.
 */

export type GetUpdates = (
  params: { offset: number; timeout: number; allowed_updates: string[] },
  signal: AbortSignal,
) => Promise<{ update_id: number }[]>;

export interface PollerOptions {
  getUpdates: GetUpdates;
  /** Starts handling one update; must not throw. Returns when the handling is done. */
  dispatch: (update: { update_id: number }) => Promise<void>;
  log: Logger;
  /** Seconds Telegram may hold each getUpdates open. */
  timeoutSeconds?: number;
  maxInFlight?: number;
  allowedUpdates?: string[];
  /** Called once if the loop stops on its own (401). */
  onFatal?: (message: string) => void;
}

export const UNAUTHORIZED_MESSAGE =
  "TELEGRAM_BOT_TOKEN was rejected by Telegram (401 Unauthorized): check the token BotFather gave you.";

export class Poller {
  private readonly abort = new AbortController();
  private readonly inFlight = new Set<Promise<void>>();
  private loop: Promise<void> | null = null;
  private offset = 0;

  constructor(private readonly options: PollerOptions) {}

  start(): void {
    if (this.loop) throw new Error("the poller is already running");
    this.loop = this.run();
  }

  /** Stops asking for updates; resolves when the loop has ended (not the work in flight). */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
  }

  private async run(): Promise<void> {
    const { log } = this.options;
    const maxInFlight = this.options.maxInFlight ?? 64;
    let failures = 0;
    let conflicts = 0;
    while (!this.abort.signal.aborted) {
      if (this.inFlight.size >= maxInFlight) {
        await Promise.race(this.inFlight);
        continue;
      }
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
          const work = this.options.dispatch(update).finally(() => this.inFlight.delete(work));
          this.inFlight.add(work);
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
