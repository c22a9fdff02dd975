import { type Config, ConfigError, loadConfig } from "./config.js";
import { type Core, createCore } from "./core.js";
import { createMetrics, startWeb } from "./dashboard-start.js";
import type { Logger } from "./domain/logger.js";
import type { Platform } from "./framework/platform.js";
import { createLogger } from "./logger.js";
import { createConsolePlatform } from "./platforms/console/console-platform.js";
import { PublisherRegistry } from "./schedule/publisher-registry.js";

/** Wiring only: config -> store -> library -> platforms -> scheduler; signals. */

/**
 * How long a scheduled post in flight at shutdown may take to come back (ADR 0065). discord.js
 * gives up on a request after 15 s; Telegraf's own limit is 500 s, longer than any supervisor
 * waits, so 15 s is the bound for both. A post answered within it is marked done and never sent
 * again; one still out is sent again at the next start.
 */
const SEND_DRAIN_MS = 15_000;
/** The drain above, then the platforms' own stop (Telegram lets commands finish for 3 s), then the database. */
const SHUTDOWN_GRACE_MS = SEND_DRAIN_MS + 10_000;

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every setting.\n`);
      process.exit(1);
    }
    throw error;
  }
  const log = createLogger(config.LOG_LEVEL);
  // Installed before anything starts, so a signal at any moment shuts down what exists so far.
  const shutdown = controlShutdown(log);
  // The scheduler posts through the platforms in here, each added once it is up.
  const publishers = new PublisherRegistry();
  // Dashboard (issue 14): the metrics exist before the core so that it reports to them.
  const metrics = createMetrics(config);
  const core = await createCore({
    contentDir: config.CONTENT_DIR,
    databasePath: config.DATABASE_PATH,
    defaultLocale: config.DEFAULT_LOCALE,
    log,
    loadThreads: config.LOAD_THREADS,
    followSymlinks: config.CONTENT_FOLLOW_SYMLINKS,
    watch: true,
    schedule: {
      digestCron: config.DIGEST_CRON ?? null,
      timeZone: config.NEWS_TIMEZONE,
      targets: config.ANNOUNCE_TARGETS,
      catchUp: config.CATCH_UP,
      publishers,
    },
    sources: { file: config.SOURCES_FILE, allowPrivate: config.FETCH_ALLOW_PRIVATE },
    telemetry: metrics?.telemetry,
  });
  shutdown.onStop(() => core.close());
  const { report } = core;
  log.info(
    {
      articles: report.articles,
      parsed: report.parsed,
      unchanged: report.unchanged,
      ms: report.ms,
      threads: report.threads,
    },
    `loaded ${report.articles} articles from ${config.CONTENT_DIR}`,
  );
  for (const { file, reason } of report.skipped) log.warn({ file, reason }, "skipped");

  const platforms = await createPlatforms(config, core, log, shutdown.fatal);
  for (const platform of platforms) {
    shutdown.onStop(() => platform.stop());
    await platform.start();
    publishers.add(platform);
  }
  // Dashboard (issue 14): after the platforms (it shows their channels; the console prints its link).
  const web = await startWeb({ config, core, platforms, metrics, log });
  shutdown.onStop(() => web.close());
  // Stopped first, so that posts in flight finish (and are marked done) over platforms still open;
  // a post not yet claimed stays in the outbox and goes out at the next start.
  shutdown.onStop(async () => core.scheduler?.stop({ drainMs: SEND_DRAIN_MS }));
  // The console prints its welcome when it starts, above: before any post the scheduler sends.
  await core.scheduler?.start();
  // Sources: polled once the scheduler has looked at the library, stopped before anything else.
  core.sources?.start();
  shutdown.onStop(async () => core.sources?.stop({ drainMs: SOURCES_DRAIN_MS }));
}

/** Polls under way stop before their next item; one item (a page fetch) may take this long. */
const SOURCES_DRAIN_MS = 5_000;

/**
 * Every platform with a token runs; with none, the console does, so a fresh clone just works.
 * A platform's code loads only when it runs: discord.js alone took ~0.9 s and ~44 MB to import
 * (ADR 0088).
 */
async function createPlatforms(
  config: Config,
  core: Core,
  log: Logger,
  onFatal: (message: string) => void,
): Promise<Platform[]> {
  const shared = {
    commands: core.commands,
    services: core.services,
    defaultLocale: config.DEFAULT_LOCALE,
    onFatal,
    // Discord and Telegram only: the console is the operator's own terminal.
    rateLimit: { perMinute: config.RATE_LIMIT_PER_MINUTE, burst: config.RATE_LIMIT_BURST },
  };
  const platforms: Platform[] = [];
  if (config.DISCORD_TOKEN) {
    const { createDiscordPlatform } = await import("./platforms/discord/index.js");
    platforms.push(
      createDiscordPlatform({
        ...shared,
        token: config.DISCORD_TOKEN,
        apiBase: config.DISCORD_API_BASE,
        guildId: config.DISCORD_GUILD_ID,
        log: childLog(log, "discord"),
      }),
    );
  }
  if (config.TELEGRAM_BOT_TOKEN) {
    const { createTelegramPlatform } = await import("./platforms/telegram/index.js");
    const webhook =
      config.TELEGRAM_WEBHOOK_URL && config.TELEGRAM_WEBHOOK_SECRET
        ? {
            url: config.TELEGRAM_WEBHOOK_URL,
            secret: config.TELEGRAM_WEBHOOK_SECRET,
            port: config.TELEGRAM_WEBHOOK_PORT,
          }
        : undefined;
    platforms.push(
      createTelegramPlatform({
        ...shared,
        token: config.TELEGRAM_BOT_TOKEN,
        apiRoot: config.TELEGRAM_API_ROOT,
        webhook,
        log: childLog(log, "telegram"),
      }),
    );
  }
  if (platforms.length === 0) {
    platforms.push(createConsolePlatform({ ...shared, locale: config.DEFAULT_LOCALE }));
  }
  return platforms;
}

function childLog(log: Logger, platform: string): Logger {
  const withChild = log as Logger & { child?: (bindings: object) => Logger };
  return withChild.child ? withChild.child({ platform }) : log;
}

/**
 * Stops what was started, in reverse order, on SIGINT/SIGTERM (exit 0) or on a platform's fatal
 * error (exit 1). A step that hangs cannot keep the process past the grace period.
 */
function controlShutdown(log: Logger) {
  const steps: (() => Promise<unknown>)[] = [];
  let stopping = false;
  const stop = (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    log.info({ reason }, "shutting down");
    setTimeout(() => {
      log.error({ graceMs: SHUTDOWN_GRACE_MS }, "shutdown took too long; exiting anyway");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    (async () => {
      for (const step of [...steps].reverse()) await step();
    })()
      .catch((error: unknown) => log.error({ err: error }, "error during shutdown"))
      .finally(() => process.exit(code));
  };
  process.on("SIGINT", () => stop("SIGINT", 0));
  process.on("SIGTERM", () => stop("SIGTERM", 0));
  process.on("unhandledRejection", (reason) => log.error({ err: reason }, "unhandled rejection"));
  return {
    onStop: (step: () => Promise<unknown>) => steps.push(step),
    /** For a platform that can no longer work (token revoked): stop everything, exit 1. */
    fatal: (message: string) => {
      log.error({}, message);
      stop("fatal platform error", 1);
    },
  };
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Newsdesk could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
