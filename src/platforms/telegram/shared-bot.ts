import type { Logger } from "../../domain/logger.js";
import type { SendThrottle } from "../../framework/send-throttle.js";
import type { SharedWork } from "../../framework/shared-work.js";
import { PACE } from "./limits.js";

/**
 * Telegram when several processes run the bot on one shared store (ADR 0104). Long polling: one
 * process polls at a time (Telegram answers 409 to a second getUpdates), elected by a lease,
 * another takes over within the lease when it dies. Webhook: any process may get any update.
 * Either way an update is handled by the first process that sees it (its update_id in the store),
 * so one redelivered after a takeover, or sent to two processes, is answered once. The 30
 * messages a second are shared (SharedPace).
 */
export class SharedBot {
  /** Updates are looked up one after another, so a chat's updates keep their order. */
  private sighting: Promise<unknown> = Promise.resolve();
  private readonly stops: (() => Promise<void>)[] = [];

  constructor(
    private readonly shared: SharedWork,
    private readonly botId: string,
    private readonly log: Logger,
  ) {}

  /** This process's share of the bot's 30 messages a second goes to `throttle`. */
  pace(throttle: SendThrottle): void {
    const pace = this.shared.pace(`telegram:${this.botId}`, PACE.globalPerSecond, (perSecond) =>
      throttle.setGlobalPerSecond(perSecond),
    );
    this.stops.push(() => pace.stop());
  }

  /**
   * Polls while this process holds the polling lease (a new poller each time it takes over: the
   * updates the last holder had not confirmed come again, and take() drops those it handled).
   */
  async elect(newPoller: () => { start(): void; stop(): Promise<void> }): Promise<void> {
    let poller: { start(): void; stop(): Promise<void> } | null = null;
    const election = this.shared.elect(`telegram-polling:${this.botId}`, (held) => {
      if (held && !poller) {
        poller = newPoller();
        poller.start();
      } else if (!held && poller) {
        void poller.stop();
        poller = null;
      }
    });
    this.stops.push(async () => {
      await election.stop();
      await (poller as { stop(): Promise<void> } | null)?.stop();
    });
    const held = await election.check();
    if (!held) this.log.info({}, "telegram: another process polls; this one takes over if it stops");
  }

  /** Calls `accept` if no process saw this update before. A store that fails lets it through. */
  take(updateId: number, accept: () => void): void {
    this.sighting = this.sighting
      .then(() => this.shared.firstSight(`telegram:${this.botId}`, String(updateId)))
      .catch((error: unknown) => {
        this.log.warn({ err: error, update: updateId }, "telegram: could not check the update in the store");
        return true;
      })
      .then((first) => {
        if (first) accept();
        else this.log.debug({ update: updateId }, "telegram: update taken by another process");
      });
  }

  async stop(): Promise<void> {
    for (const stop of this.stops.splice(0).reverse()) await stop().catch(() => undefined);
  }
}
