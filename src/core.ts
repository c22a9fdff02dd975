import { commands } from "../commands/index.js";
import { Library, type LoadReport } from "./content/library.js";
import type { Services } from "./framework/command.js";
import type { Locale } from "./framework/locale.js";
import { type Clock, type Logger, systemClock } from "./framework/ports.js";
import { type CommandRegistry, registry } from "./framework/run-command.js";
import { createInsights } from "./news/insights.js";
import { ArticleIndex } from "./store/article-index.js";
import { type Db, openDatabase } from "./store/database.js";

export interface CoreOptions {
  contentDir: string;
  databasePath: string;
  defaultLocale: Locale;
  log: Logger;
  clock?: Clock;
  /** Follow the content folder for changes (the bot does; one-shot CLI runs do not). */
  watch?: boolean;
}

/** The platform-neutral heart of the bot: storage, the library, insights and the commands. */
export interface Core {
  db: Db;
  library: Library;
  services: Services;
  commands: CommandRegistry;
  defaultLocale: Locale;
  report: LoadReport;
  close(): Promise<void>;
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const db = openDatabase(options.databasePath);
  const index = new ArticleIndex(db);
  const library = new Library(options.contentDir, index, clock, options.log);
  const report = await library.load();
  if (options.watch) library.watch();
  const services: Services = { library, insights: createInsights(index), clock, log: options.log };
  return {
    db,
    library,
    services,
    commands: registry(commands),
    defaultLocale: options.defaultLocale,
    report,
    async close() {
      library.close();
      await library.settle();
      db.close();
    },
  };
}
