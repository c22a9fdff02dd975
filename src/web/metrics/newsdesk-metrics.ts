import type { CommandOutcome, DeliveryOutcome, Telemetry } from "../../domain/telemetry.js";
import { Counter, Gauge, Histogram, MetricsRegistry } from "./registry.js";

/**
 * The `newsdesk_` series an operator scrapes. Defined here; the parts that do the work report to
 * them through the Telemetry port (src/domain/telemetry.ts) that `telemetry` below implements: the
 * command runner, the delivery worker, the senders' pacing and the per-user limit, the source
 * fetcher. Gauges that describe a state (articles, the outbox) are read at scrape time through
 * `collectors`. Every label is closed: commands by name, platforms, outcomes and fetch statuses
 * from the lists below; never a user, a chat or a guild.
 */

export const PLATFORMS = ["console", "discord", "telegram"] as const;
/** How a command ended: answered, refused with a user error, failed unexpectedly. */
export const COMMAND_OUTCOMES = ["ok", "user_error", "error"] as const satisfies readonly CommandOutcome[];
/** One delivery attempt: posted, to be retried, failed for good, or skipped (embargo, target disabled). */
export const DELIVERY_OUTCOMES = [
  "sent",
  "retry",
  "failed",
  "skipped",
] as const satisfies readonly DeliveryOutcome[];
/** Which limit held something back: a platform's sending pace, or the per-user command limit. */
export const LIMITS = ["send", "user"] as const;
export const FETCH_STATUSES = [
  "ok",
  "not_modified",
  "http_error",
  "timeout",
  "network_error",
  "refused",
  "parse_error",
] as const;
/** Seconds: a command answers in milliseconds, a slow one (search, insights) in a second or more. */
const COMMAND_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** What the state gauges read at scrape time; main.ts gives the library and the outbox. */
export interface MetricsCollectors {
  articles(): number;
  outboxBacklog(): Promise<{ pending: number; oldestDueAt: string | null }>;
  now?(): number;
}

export function newsdeskMetrics(commandNames: readonly string[], collectors?: MetricsCollectors) {
  const registry = new MetricsRegistry();
  const commandLabels = { command: commandNames, outcome: COMMAND_OUTCOMES };
  const metrics = {
    registry,
    articles: registry.register(new Gauge("newsdesk_articles", "Articles in the library.", {})),
    commands: registry.register(
      new Counter("newsdesk_commands_total", "Commands run, by name and outcome.", commandLabels),
    ),
    commandDuration: registry.register(
      new Histogram(
        "newsdesk_command_duration_seconds",
        "Time from a command's arrival to its answer.",
        { command: commandNames },
        COMMAND_BUCKETS,
      ),
    ),
    deliveries: registry.register(
      new Counter("newsdesk_deliveries_total", "Delivery attempts, by platform and outcome.", {
        platform: PLATFORMS,
        outcome: DELIVERY_OUTCOMES,
      }),
    ),
    outboxPending: registry.register(
      new Gauge("newsdesk_outbox_pending", "Deliveries planned and not yet sent.", {}),
    ),
    outboxOldestAge: registry.register(
      new Gauge(
        "newsdesk_outbox_oldest_age_seconds",
        "Age of the oldest delivery due and not yet sent (0 when none).",
        {},
      ),
    ),
    rateLimitWaits: registry.register(
      new Counter(
        "newsdesk_rate_limit_waits_total",
        "Sends that waited for a platform's pace (limit=send) and commands held back by the per-user limit (limit=user).",
        { platform: PLATFORMS, limit: LIMITS },
      ),
    ),
    rateLimitWaitSeconds: registry.register(
      new Counter("newsdesk_rate_limit_wait_seconds_total", "Time sends spent waiting for platforms' pace.", {
        platform: PLATFORMS,
      }),
    ),
    sourceFetches: registry.register(
      new Counter("newsdesk_source_fetches_total", "Source fetches, by status.", { status: FETCH_STATUSES }),
    ),
  };
  metrics.articles.set({}, 0);
  metrics.outboxPending.set({}, 0);
  metrics.outboxOldestAge.set({}, 0);
  /** Reads the state gauges from `from` at each scrape (main.ts gives the library and the outbox). */
  const collect = (from: MetricsCollectors) => {
    const now = from.now ?? Date.now;
    metrics.articles.collect(() => metrics.articles.set({}, from.articles()));
    metrics.outboxPending.collect(async () => {
      const backlog = await from.outboxBacklog();
      metrics.outboxPending.set({}, backlog.pending);
      const oldest = backlog.oldestDueAt ? Date.parse(backlog.oldestDueAt) : null;
      metrics.outboxOldestAge.set({}, oldest === null ? 0 : Math.max(0, (now() - oldest) / 1000));
    });
  };
  if (collectors) collect(collectors);
  const telemetry: Telemetry = {
    commandRun(command, outcome, seconds) {
      metrics.commands.inc({ command, outcome });
      metrics.commandDuration.observe({ command }, seconds);
    },
    deliveryAttempt(platform, outcome) {
      metrics.deliveries.inc({ platform, outcome });
    },
    rateLimitWait(platform, limit, seconds) {
      metrics.rateLimitWaits.inc({ platform, limit });
      if (seconds > 0) metrics.rateLimitWaitSeconds.inc({ platform }, seconds);
    },
    sourceFetch(status) {
      metrics.sourceFetches.inc({ status });
    },
  };
  return { ...metrics, telemetry, collect };
}

export type NewsdeskMetrics = ReturnType<typeof newsdeskMetrics>;
