/**
 * The sources as the bot runs them: the sources file followed (watch-sources-file.ts), the polite
 * fetcher behind the address guard (fetch-source.ts), the writer into the content folder, and the
 * runner that polls (sources-runner.ts). src/core.ts builds it from ports; src/main.ts starts it
 * once the scheduler has taken its look at the library.
 */
import type { Clock, Timers } from "../domain/clock.js";
import type { Logger } from "../domain/logger.js";
import type { SourcesService, SourcesStore } from "../domain/sources.js";
import { fileArticleWriter } from "./article-writer.js";
import { createFetcher } from "./fetch-source.js";
import type { ImportPorts } from "./import-once.js";
import { createSourcesRunner, type RunnerTuning } from "./sources-runner.js";
import { type SourcesFileWatch, watchSourcesFile } from "./watch-sources-file.js";

export interface SourcesRoomOptions {
  /** The sources file (SOURCES_FILE). */
  file: string;
  contentDir: string;
  /** FETCH_ALLOW_PRIVATE: lifts the address guard (tests, private networks). */
  allowPrivate: boolean;
  store: SourcesStore;
  /** Whether the library holds an article with this id (ids are unique across the library). */
  isTaken(id: string): boolean;
  /** Whether the library holds an article from this canonical URL (see SourcesRunnerDeps). */
  libraryHas?: (canonicalUrl: string) => boolean;
  backlog: ImportPorts["backlog"];
  clock: Clock;
  timers: Timers;
  log: Logger;
  tuning?: Partial<RunnerTuning>;
}

export interface SourcesRoom {
  service: SourcesService;
  /** Reads the sources file, follows it, and starts polling. */
  start(): void;
  /** Stops following and polling; polls under way get `drainMs` at most to finish. */
  stop(options?: { drainMs?: number }): Promise<void>;
  /** Resolves once the file's latest change is applied and no poll runs (tests). */
  settled(): Promise<void>;
}

export function createSourcesRoom(options: SourcesRoomOptions): SourcesRoom {
  const runner = createSourcesRunner({
    store: options.store,
    fetcher: createFetcher({ guard: { allowPrivate: options.allowPrivate } }),
    writer: fileArticleWriter(options.contentDir, { isTaken: options.isTaken }),
    backlog: options.backlog,
    libraryHas: options.libraryHas,
    contentDir: options.contentDir,
    file: options.file,
    clock: options.clock,
    timers: options.timers,
    log: options.log,
    tuning: options.tuning,
  });
  let watch: SourcesFileWatch | null = null;
  return {
    service: { overview: () => runner.overview() },
    start() {
      if (watch) return;
      watch = watchSourcesFile({
        path: options.file,
        log: options.log,
        onSources: (sources, problems) => runner.setSources(sources, problems),
      });
      runner.start();
    },
    async stop(stopOptions) {
      watch?.close();
      await runner.stop(stopOptions);
    },
    async settled() {
      await watch?.settled();
      await runner.idle();
    },
  };
}
