import type { PlatformName } from "./target.js";

/**
 * What the working parts report for the operator's metrics (ADR 0095): the command runner, the
 * delivery worker, the senders' pacing, the per-user limit and the source fetcher each call it as
 * things happen. The web's metrics registry implements it (src/web/metrics/newsdesk-metrics.ts);
 * where nothing is wired, `NO_TELEMETRY` is used. Values are closed sets: never a user, a chat or a
 * guild, so the series stay few.
 */
export interface Telemetry {
  /** A command ended: by its name, how (answered, refused with a user error, failed), in seconds. */
  commandRun(command: string, outcome: CommandOutcome, seconds: number): void;
  /** One delivery attempt ended. */
  deliveryAttempt(platform: PlatformName, outcome: DeliveryOutcome): void;
  /**
   * A send waited for a platform's pace (`limit: "send"`, the seconds it waited), or a command was
   * held back by the per-user limit (`limit: "user"`, 0 seconds: it is answered "slow down" or dropped).
   */
  rateLimitWait(platform: PlatformName, limit: "send" | "user", seconds: number): void;
  /** A source was fetched (sources, when they run). */
  sourceFetch(status: string): void;
}

export type CommandOutcome = "ok" | "user_error" | "error";
/** Posted; to be tried again; given up; not tried (target disabled, article still under embargo). */
export type DeliveryOutcome = "sent" | "retry" | "failed" | "skipped";

/** Reports nothing: what parts use when no metrics are wired (tests, the CLI). */
export const NO_TELEMETRY: Telemetry = {
  commandRun() {},
  deliveryAttempt() {},
  rateLimitWait() {},
  sourceFetch() {},
};
