import { type Config, ConfigError, loadConfig } from "./config.js";
import { type Core, createCore } from "./core.js";
import { translate } from "./framework/messages.js";
import type { Platform } from "./framework/platform.js";
import type { Logger } from "./framework/ports.js";
import { createLogger } from "./logger.js";
import { createConsolePlatform } from "./platforms/console/console-platform.js";
import { createDiscordPlatform } from "./platforms/discord/index.js";
import { createTelegramPlatform } from "./platforms/telegram/index.js";

/** Wiring only: config -> store -> library -> platforms -> scheduler; signals. */

const SHUTDOWN_GRACE_MS = 4_000;

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
  // Installed before anything starts, so a signal at any moment shuts down what exists so far,
  // in reverse order: scheduler, then platforms, then storage.
  const cleanup: (() => Promise<void>)[] = [];
  handleSignals(async () => {
    for (const step of cleanup.reverse()) await step();
  }, log);
  const core = await createCore({
    contentDir: config.CONTENT_DIR,
    databasePath: config.DATABASE_PATH,
    defaultLocale: config.DEFAULT_LOCALE,
    log,
    watch: true,
    schedule: {
      digestCron: config.DIGEST_CRON ?? null,
      timeZone: config.NEWS_TIMEZONE,
      targets: config.ANNOUNCE_TARGETS,
      catchUp: config.CATCH_UP,
    },
  });
  cleanup.push(() => core.close());
  const { report } = core;
  log.info(
    { articles: report.articles, parsed: report.parsed, unchanged: report.unchanged, ms: report.ms },
    `loaded ${report.articles} articles from ${config.CONTENT_DIR}`,
  );
  for (const { file, reason } of report.skipped) log.warn({ file, reason }, "skipped");

  const platforms = createPlatforms(config, core, log);
  for (const platform of platforms) {
    core.publishers[platform.platform] = platform;
    cleanup.push(() => platform.stop());
    await platform.start();
  }
  // Posts in flight finish before the platforms that carry them close.
  cleanup.push(async () => core.scheduler?.stop());
  await core.scheduler?.start();
  if (platforms.some((p) => p.platform === "console")) {
    process.stdout.write(
      `${translate(config.DEFAULT_LOCALE, "console.ready", { count: core.library.count() })}\n`,
    );
  }
}

/** Every platform with a token runs; with none, the console does, so a fresh clone just works. */
function createPlatforms(config: Config, core: Core, log: Logger): Platform[] {
  const shared = { commands: core.commands, services: core.services, defaultLocale: config.DEFAULT_LOCALE };
  const platforms: Platform[] = [];
  if (config.DISCORD_TOKEN) {
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

function handleSignals(shutdown: () => Promise<void>, log: Logger): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    // A platform that hangs on close must not keep the process past its grace period.
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
    shutdown()
      .catch((error: unknown) => log.error({ err: error }, "error during shutdown"))
      .finally(() => process.exit(0));
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("unhandledRejection", (reason) => log.error({ err: reason }, "unhandled rejection"));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Newsdesk could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
