import { commands } from "../commands/index.js";
import { Library, type LoadReport } from "./content/library.js";
import { sourcesRoom } from "./core-sources.js";
import { type Clock, systemClock, systemTimers } from "./domain/clock.js";
import type { DashboardStore } from "./domain/dashboard-store.js";
import type { Locale } from "./domain/locale.js";
import type { Logger } from "./domain/logger.js";
import type { SchedulingReads } from "./domain/scheduling-reads.js";
import type { Telemetry } from "./domain/telemetry.js";
import type { Services } from "./framework/command.js";
import { type CommandRegistry, registry } from "./framework/run-command.js";
import { createInsights } from "./news/insights.js";
import type { PublisherRegistry } from "./schedule/publisher-registry.js";
import { createScheduler, type Scheduler } from "./schedule/scheduler.js";
import type { SchedulerConfig } from "./schedule/scheduler-env.js";
import type { SourcesRoom } from "./sources/sources-room.js";
import { SqliteArticleIndex } from "./store/sqlite/article-index.js";
import { SqliteDashboardStore } from "./store/sqlite/dashboard-store.js";
import { openDatabase } from "./store/sqlite/database.js";
import { SqliteSchedulingReads } from "./store/sqlite/scheduling-reads.js";
import { SqliteSchedulingStore } from "./store/sqlite/scheduling-store.js";

export interface CoreOptions {
  contentDir: string;
  databasePath: string;
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
  close(): Promise<void>;
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const db = openDatabase(options.databasePath);
  const index = new SqliteArticleIndex(db);
  const library = new Library(options.contentDir, index, clock, options.log, {
    parseThreads: options.loadThreads ?? 2,
    followSymlinks: options.followSymlinks ?? false,
  });
  const insights = createInsights(index, { log: options.log });
  // Created before the first load so that it hears every "added" event.
  const schedule = options.schedule;
  const schedulingStore = new SqliteSchedulingStore(db);
  const reads = new SqliteSchedulingReads(db);
  const scheduler = schedule
    ? createScheduler({
        store: schedulingStore,
        reads,
        telemetry: options.telemetry,
        library,
        insights,
        matcher: index,
        publishers: schedule.publishers,
        clock,
        timers: systemTimers,
        log: options.log,
        config: { ...schedule, defaultLocale: options.defaultLocale },
      })
    : null;
  // Watching first: a file deleted, changed or added while the first load runs is applied once
  // it ends (its event waits in the reload queue), instead of staying as the load saw it.
  if (options.watch) library.watch();
  const report = await library.load();
  // A bot that stays up starts its insight thread now rather than on its first command.
  if (options.watch) insights.warm();
  const sources =
    scheduler && options.sources ? sourcesRoom(options, options.sources, library, db, schedulingStore) : null;
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
    dashboard: { reads, store: new SqliteDashboardStore(db) },
    async close() {
      await sources?.stop();
      await scheduler?.stop();
      await insights.close();
      library.close();
      await library.settle();
      db.close();
    },
  };
}
