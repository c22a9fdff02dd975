import type { Clock } from "../domain/clock.js";
import type { InsightsPort } from "../domain/insights.js";
import type { KeywordMatcher } from "../domain/keyword-filter.js";
import type { WatchedLibrary } from "../domain/library.js";
import type { Locale } from "../domain/locale.js";
import type { Logger } from "../domain/logger.js";
import type { SchedulingStore } from "../domain/scheduling-store.js";
import type { Telemetry } from "../domain/telemetry.js";
import { type Cron, parseCron } from "../framework/cron-syntax.js";
import type { PublisherRegistry } from "./publisher-registry.js";

/** The automatic part, from configuration (DIGEST_CRON, NEWS_TIMEZONE, ANNOUNCE_TARGETS, CATCH_UP). */
export interface SchedulerConfig {
  /** 5- or 6-field cron for the configured digest; absent: no automatic digest. */
  digestCron?: string | null;
  /** IANA zone the configured digest and channels without a setting use. */
  timeZone: string;
  /** "discord:<id>", "telegram:<id>" or "console": every new article, and the digest. */
  targets: readonly string[];
  /** A slot missed while the bot was down: run the newest one at start, or skip it. */
  catchUp: "latest" | "none";
  defaultLocale: Locale;
  /** Articles shown in one digest (the rest are counted in "…and N more"). Default 5. */
  digestSize?: number;
  /** More new articles than this at once (a bulk import) are left to digests. Default 10. */
  announceBurst?: number;
}

/** Timings, with production defaults; tests shorten some. */
export interface Tuning {
  /** Parallel sends (never two to one target at once). */
  concurrency: number;
  /** How long a claim on a delivery lasts without renewal. */
  claimTtlMs: number;
  heartbeatMs: number;
  /** The longest sleep between passes (picks up other processes' changes, clock jumps). */
  maxSleepMs: number;
  /** At start, a slot older than this counts as missed while down (CATCH_UP applies). */
  catchUpGraceMs: number;
  /** Consecutive permanent failures that disable a target. */
  permanentFailuresToDisable: number;
  /** Transient failures after which one delivery is given up. */
  maxTransientAttempts: number;
  /** A moderator's digest may not fire more often than this. */
  minDigestGapMs: number;
  /** A scheduler unseen for this long is presumed dead (other hosts). */
  deadAfterMs: number;
  /** Library events are batched this long, so a bulk copy is seen as one burst. */
  eventDebounceMs: number;
}

export const DEFAULT_TUNING: Tuning = {
  concurrency: 4,
  claimTtlMs: 120_000,
  heartbeatMs: 20_000,
  maxSleepMs: 60_000,
  catchUpGraceMs: 60_000,
  permanentFailuresToDisable: 3,
  maxTransientAttempts: 10,
  minDigestGapMs: 5 * 60_000,
  deadAfterMs: 300_000,
  eventDebounceMs: 1_000,
};

/** Everything the planner, the worker and the port share. */
export interface SchedulerEnv {
  store: SchedulingStore;
  library: WatchedLibrary;
  insights: InsightsPort;
  publishers: PublisherRegistry;
  /** Matches subscriptions' keyword filters; absent, a filtered subscription is announced nothing. */
  matcher: KeywordMatcher | null;
  clock: Clock;
  log: Logger;
  config: Required<Omit<SchedulerConfig, "digestCron">>;
  digestCron: Cron | null;
  tuning: Tuning;
  /** Delivery attempts are counted here for /metrics. */
  telemetry: Telemetry;
}

/** The channel's /settings time zone, else the configured one. */
export async function zoneOf(env: SchedulerEnv, target: string): Promise<string> {
  return (await env.store.channelSettings(target)).timeZone ?? env.config.timeZone;
}

export async function localeOfTarget(env: SchedulerEnv, target: string): Promise<Locale> {
  return (await env.store.channelSettings(target)).locale ?? env.config.defaultLocale;
}

const cronCache = new Map<string, Cron | null>();

/** Parsed once per expression. */
export function cachedCron(expression: string): Cron | null {
  let cron = cronCache.get(expression);
  if (cron === undefined) {
    cron = parseCron(expression);
    if (cronCache.size > 1000) cronCache.clear();
    cronCache.set(expression, cron);
  }
  return cron;
}
