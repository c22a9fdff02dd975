import { commands } from "../commands/index.js";
import { Library, type LoadReport } from "./content/library.js";
import { sourcesRoom } from "./core-sources.js";
import { type Clock, systemClock, systemTimers } from "./domain/clock.js";
import type { DashboardStore } from "./domain/dashboard-store.js";
import type { Locale } from "./domain/locale.js";
import type { Logger } from "./domain/logger.js";
import type { SchedulingReads } from "./domain/scheduling-reads.js";
import type { SchedulingStore } from "./domain/scheduling-store.js";
import type { Telemetry } from "./domain/telemetry.js";
import type { Services } from "./framework/command.js";
import { type CommandRegistry, registry } from "./framework/run-command.js";
import { createInsights } from "./news/insights.js";
import type { PublisherRegistry } from "./schedule/publisher-registry.js";
import { createScheduler, type Scheduler } from "./schedule/scheduler.js";
import type { SchedulerConfig } from "./schedule/scheduler-env.js";
import type { SourcesRoom } from "./sources/sources-room.js";

import type { SharedStateOptions } from "./store/postgres/open-store.js";
import { SqliteArticleIndex } from "./store/sqlite/article-index.js";
import { SqliteDashboardStore } from "./store/sqlite/dashboard-store.js";
import { openDatabase } from "./store/sqlite/database.js";
import { SqliteSchedulingReads } from "./store/sqlite/scheduling-reads.js";
import { SqliteSchedulingStore } from "./store/sqlite/scheduling-store.js";
import { SqliteSourcesStore } from "./store/sqlite/sources-store.js";

export interface CoreOptions {
  contentDir: string;
  databasePath: string;
  /** Shared state in PostgreSQL (several machines, ADR 0100); absent: in the SQLite file above. */
  shared?: SharedStateOptions;
  defaultLocale: Locale;
  log: Logger;
  clock?: Clock;
  /** Threads that parse a large scan (default 2; 1 for hosts short on memory). */
  loadThreads?: 1 | 2;
  /** Follow symbolic links to files inside the content folder (default: refuse every link). */
  followSymlinks?: boolean;
  /** Follow the content folder for changes (the bot does; one-shot CLI runs do not). */
  watch?: boolean;
  /**
   * The scheduler's configuration and the publishers it posts through (the caller adds each
   * platform once it is up); absent (one-shot CLI runs), nothing is posted on its own.
   */
  schedule?: Omit<SchedulerConfig, "defaultLocale"> & { publishers: PublisherRegistry };
  /**
   * Feeds and pages polled into the content folder (with `schedule` only: the scheduler announces
   * what they bring). Built here, started by the caller once the scheduler runs.
   */
  sources?: { file: string; allowPrivate: boolean };
  /** Where commands and deliveries are counted for /metrics (the dashboard's); default: nowhere. */
  telemetry?: Telemetry;
}

/** The platform-neutral heart of the bot: storage, the library, insights, scheduling, commands. */
export interface Core {
  library: Library;
  services: Services;
  commands: CommandRegistry;
  defaultLocale: Locale;
  report: LoadReport;
  scheduler: Scheduler | null;
  /** The sources room (not started), when asked for. */
  sources: SourcesRoom | null;
  /** The dashboard's reads and its own records, on the same database (docs/adr/0115-0116). */
  dashboard: { reads: SchedulingReads; store: DashboardStore };
  /** Where the shared state lives; the platforms coordinate through it (leases, budgets). */
  store: SchedulingStore;
  close(): Promise<void>;
}

/** How often a process looks for another process's commits on a shared SQLite file. */
const SQLITE_WATCH_MS = 200;

/** How long a post waits for its article to reach this machine's copy of the content. */
const CONTENT_SYNC_GRACE_MS = 5 * 60_000;

export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const db = openDatabase(options.databasePath);
  // The article index stays in the local file either way: each process indexes what it sees.
  // The pg client loads only when it is used: most bots run on one machine (ADR 0089's memory).
  const shared = options.shared
    ? await import("./store/postgres/open-store.js")
        .then(({ openPostgresStore }) => openPostgresStore(options.shared as SharedStateOptions, options.log))
        .catch((error: unknown) => {
          db.close();
          throw error;
        })
    : null;
  // One engine for the shared state: PostgreSQL when given (every process of the bot), else the
  // local file beside the index.
  const stores = shared ?? {
    // Another process on the same file is heard within this time (ADR 0105).
    scheduling: new SqliteSchedulingStore(db, SQLITE_WATCH_MS),
    reads: new SqliteSchedulingReads(db),
    dashboard: new SqliteDashboardStore(db),
    sources: new SqliteSourcesStore(db),
  };
  const index = new SqliteArticleIndex(db);
  const library = new Library(options.contentDir, index, clock, options.log, {
    parseThreads: options.loadThreads ?? 2,
    followSymlinks: options.followSymlinks ?? false,
  });
  const insights = createInsights(index, { log: options.log });
  // Created before the first load so that it hears every "added" event.
  const schedule = options.schedule;
  const scheduler = schedule
    ? createScheduler({
        store: stores.scheduling,
        reads: stores.reads,
        telemetry: options.telemetry,
        library,
        insights,
        matcher: index,
        publishers: schedule.publishers,
        clock,
        timers: systemTimers,
        log: options.log,
        config: { ...schedule, defaultLocale: options.defaultLocale },
        // Another machine's copy of the content may be ahead of this one's (ADR 0106).
        tuning: shared ? { contentSyncGraceMs: CONTENT_SYNC_GRACE_MS } : undefined,
      })
    : null;
  // Watching first: a file deleted, changed or added while the first load runs is applied once
  // it ends (its event waits in the reload queue), instead of staying as the load saw it.
  if (options.watch) library.watch();
  const report = await library.load();
  // A bot that stays up starts its insight thread now rather than on its first command.
  if (options.watch) insights.warm();
  const sources =
    scheduler && options.sources ? sourcesRoom(options, options.sources, library, stores) : null;
  const services: Services = {
    library,
    insights,
    clock,
    log: options.log,
    scheduling: scheduler?.port,
    sources: sources?.service,
    telemetry: options.telemetry,
  };
  return {
    library,
    services,
    commands: registry(commands),
    defaultLocale: options.defaultLocale,
    report,
    scheduler,
    sources,
    dashboard: { reads: stores.reads, store: stores.dashboard },
    store: stores.scheduling,
    async close() {
      await sources?.stop();
      await scheduler?.stop();
      await insights.close();
      library.close();
      await library.settle();
      db.close();
      await shared?.close();
    },
  };
}
