import { existsSync } from "node:fs";
import { commands } from "../commands/index.js";
import { type Config, DEFAULT_DASHBOARD_PORT, dashboardPort } from "./config.js";
import type { Core } from "./core.js";
import { createDashboardServices } from "./dashboard-services.js";
import type { DashboardStore } from "./domain/dashboard-store.js";
import type { Logger } from "./domain/logger.js";
import type { Platform } from "./framework/platform.js";
import { SqliteDashboardStore } from "./store/sqlite/dashboard-store.js";
import { openDatabase } from "./store/sqlite/database.js";
import { type Dashboard, generateDashboardSecret, startDashboard } from "./web/dashboard.js";
import type { ReadinessCheck } from "./web/health.js";
import { type NewsdeskMetrics, newsdeskMetrics } from "./web/metrics/newsdesk-metrics.js";
import { startMetricsServer } from "./web/metrics-server.js";
import { publicAddress } from "./web/options.js";
import { createOperatorLink } from "./web/sign-in/operator-link.js";
import { StoredSessions, storedSignInTokens } from "./web/stored-sessions.js";

/**
 * Wiring of the web room (issue 14): the metrics the core reports to, then, once the platforms
 * run, the dashboard on DASHBOARD_PORT (on by default in the console) and the probes alone on
 * METRICS_PORT. A port that cannot be opened is a warning: the bot runs on without it.
 */

/** The metrics, when something serves them (the dashboard or METRICS_PORT); null costs nothing. */
export function createMetrics(config: Config): NewsdeskMetrics | null {
  if (dashboardPort(config) === null && config.METRICS_PORT === undefined) return null;
  return newsdeskMetrics(commands.map((c) => c.name));
}

/** /readyz: the database answers, the content is loaded, each platform is connected. */
function readinessChecks(core: Core, platforms: readonly Platform[], contentDir: string): ReadinessCheck[] {
  return [
    {
      name: "database",
      check: async (): Promise<true> => {
        await core.dashboard.reads.outboxBacklog(new Date().toISOString());
        return true;
      },
    },
    // Checked after the first load: the folder must still be there.
    { name: "content", check: () => (existsSync(contentDir) ? true : `the folder ${contentDir} is missing`) },
    ...platforms.map((p) => ({ name: p.platform, check: () => p.directory?.ready() ?? true })),
  ];
}

export async function startWeb(options: {
  config: Config;
  core: Core;
  platforms: readonly Platform[];
  metrics: NewsdeskMetrics | null;
  log: Logger;
}): Promise<{ dashboard: Dashboard | null; close(): Promise<void> }> {
  const { config, core, platforms, metrics, log } = options;
  const closers: (() => Promise<void>)[] = [];
  let started: Dashboard | null = null;
  const readiness = readinessChecks(core, platforms, config.CONTENT_DIR);
  metrics?.collect({
    articles: () => core.library.count(),
    outboxBacklog: () => core.dashboard.reads.outboxBacklog(new Date().toISOString()),
  });
  const port = dashboardPort(config);
  if (port !== null) {
    const store = core.dashboard.store;
    const secret = config.DASHBOARD_SECRET ?? (await store.dashboardSecret(generateDashboardSecret()));
    const telegram = platforms.find((p) => p.platform === "telegram")?.directory?.botUsername?.();
    const discordBase = config.DISCORD_API_BASE ? new URL(config.DISCORD_API_BASE).origin : undefined;
    const directories = platforms.flatMap((p) => (p.directory ? [p.directory] : []));
    const dashboard = await startDashboard(
      {
        port,
        host: config.DASHBOARD_HOST,
        publicUrl: config.DASHBOARD_URL,
        secret,
        trustProxy: config.DASHBOARD_TRUST_PROXY,
        discord:
          config.DISCORD_CLIENT_ID && config.DISCORD_CLIENT_SECRET
            ? {
                clientId: config.DISCORD_CLIENT_ID,
                clientSecret: config.DISCORD_CLIENT_SECRET,
                base: discordBase,
              }
            : undefined,
        telegram:
          config.TELEGRAM_BOT_TOKEN && telegram
            ? { botToken: config.TELEGRAM_BOT_TOKEN, botUsername: telegram }
            : undefined,
      },
      {
        services: createDashboardServices(core, platforms, config.ANNOUNCE_TARGETS),
        log,
        readiness,
        metrics: metrics?.registry,
        tokens: storedSignInTokens(store),
        sessions: new StoredSessions(store),
        botGuildIds: () => directories.find((d) => d.botGuildIds)?.botGuildIds?.() ?? new Set<string>(),
        isChatAdmin: async (chatId, userId) =>
          (await directories.find((d) => d.isChatAdmin)?.isChatAdmin?.(chatId, userId)) ?? false,
      },
    );
    closers.push(() => dashboard.close());
    started = dashboard;
    // The console shows its operator the way in, under its welcome (a newcomer's `npm start`).
    const console = platforms.find((p) => p.directory?.showSignInLink)?.directory;
    if (dashboard.port !== null && console?.showSignInLink) {
      console.showSignInLink(await dashboard.createOperatorLink());
    }
  }
  if (config.METRICS_PORT !== undefined && metrics) {
    const server = await startMetricsServer({
      port: config.METRICS_PORT,
      metrics: metrics.registry,
      readiness,
      log,
    });
    closers.push(() => server.close());
  }
  return {
    dashboard: started,
    async close() {
      for (const close of closers) await close();
    },
  };
}

/**
 * `npm run -s cli -- dashboard-link`: a single-use operator link, valid 10 minutes, made in this
 * process and kept in the database, where the running bot takes it. Only the database is opened
 * (not the content), so it answers at once whatever the library's size. A warning goes to stderr
 * when the link cannot work as printed (the dashboard off, or on a port picked at random).
 */
export async function createDashboardLink(config: Config): Promise<{ link: string; warning: string | null }> {
  const port = dashboardPort(config);
  // The link is kept where the running bots read sign-ins: PostgreSQL when DATABASE_URL is set.
  const opened: { dashboard: DashboardStore; close(): unknown } = config.DATABASE_URL
    ? await import("./store/postgres/open-store.js").then(({ openPostgresStore }) =>
        openPostgresStore({ url: config.DATABASE_URL as string, poolSize: 1 }),
      )
    : sqliteDashboard(config.DATABASE_PATH);
  try {
    const tokens = storedSignInTokens(opened.dashboard);
    const base = publicAddress(config.DASHBOARD_HOST, port ?? DEFAULT_DASHBOARD_PORT, config.DASHBOARD_URL);
    const link = await createOperatorLink(tokens, `${base}/`, Date.now());
    const warning =
      port === null
        ? "the dashboard is off (set DASHBOARD_PORT): this link works once it is on"
        : port === 0 && !config.DASHBOARD_URL
          ? "DASHBOARD_PORT is 0 (a port picked at start): put the port the bot logged in this link"
          : null;
    return { link, warning };
  } finally {
    await opened.close();
  }
}

/** The SQLite file's dashboard store, closed with its database. */
function sqliteDashboard(path: string): { dashboard: DashboardStore; close(): void } {
  const db = openDatabase(path);
  return { dashboard: new SqliteDashboardStore(db), close: () => db.close() };
}
