import { Counter, Gauge, Histogram, MetricsRegistry } from "./registry.js";

/**
 * The `newsdesk_` series an operator scrapes. Defined here, incremented by the parts that do the
 * work (the command runner, the delivery worker, the senders, the source fetcher) once they are
 * wired to it. Every label is closed: commands by name, platforms, outcomes and fetch statuses
 * from the lists below; never a user, a chat or a guild.
 */

export const PLATFORMS = ["console", "discord", "telegram"] as const;
/** How a command ended: answered, refused with a user error, failed unexpectedly, or dropped by the rate limit. */
export const COMMAND_OUTCOMES = ["ok", "user_error", "error", "rate_limited"] as const;
/** One delivery attempt: posted, to be retried, failed for good, or skipped (embargo, target disabled). */
export const DELIVERY_OUTCOMES = ["sent", "retry", "failed", "skipped"] as const;
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

export function newsdeskMetrics(commandNames: readonly string[]) {
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
      new Counter("newsdesk_rate_limit_waits_total", "Sends that waited for a platform's rate limit.", {
        platform: PLATFORMS,
      }),
    ),
    rateLimitWaitSeconds: registry.register(
      new Counter(
        "newsdesk_rate_limit_wait_seconds_total",
        "Time spent waiting for platforms' rate limits.",
        { platform: PLATFORMS },
      ),
    ),
    sourceFetches: registry.register(
      new Counter("newsdesk_source_fetches_total", "Source fetches, by status.", { status: FETCH_STATUSES }),
    ),
  };
  metrics.articles.set({}, 0);
  metrics.outboxPending.set({}, 0);
  metrics.outboxOldestAge.set({}, 0);
  return metrics;
}

export type NewsdeskMetrics = ReturnType<typeof newsdeskMetrics>;
