import type { Library } from "./content/library.js";
import type { CoreOptions } from "./core.js";
import { systemClock, systemTimers } from "./domain/clock.js";
import { canonicalUrl } from "./sources/feed-item.js";
import { createSourcesRoom, type SourcesRoom } from "./sources/sources-room.js";
import type { Db } from "./store/sqlite/database.js";
import type { SqliteSchedulingStore } from "./store/sqlite/scheduling-store.js";
import { SqliteSourcesStore } from "./store/sqlite/sources-store.js";

/** Wiring of the sources room into the core (src/core.ts), kept apart from the rest of the core's wiring. */

/**
 * The sources room on this database: its store, the library's ids (article ids are unique across
 * the library), and the scheduler's ledger, where a first read's backlog is passed over before
 * its files appear, so it is never announced (ADR 0112).
 */
export function sourcesRoom(
  options: CoreOptions,
  settings: { file: string; allowPrivate: boolean },
  library: Library,
  db: Db,
  schedulingStore: SqliteSchedulingStore,
): SourcesRoom {
  const clock = options.clock ?? systemClock;
  return createSourcesRoom({
    ...settings,
    contentDir: options.contentDir,
    store: new SqliteSourcesStore(db),
    isTaken: (id) => library.getMeta(id) !== null,
    libraryHas: librarySources(library),
    backlog: {
      async passOver(articleIds) {
        const at = clock.now().toISOString();
        await schedulingStore.recordAnnouncements({ at, passed: articleIds, announce: [], targets: [] });
      },
    },
    clock,
    timers: systemTimers,
    log: options.log,
  });
}

/**
 * The canonical URLs of the library's articles (their `source`), for the sources' dedupe: kept as
 * a set, built again on the first question after the library changed (an event, or a count that
 * moved: a first load into an empty library says nothing).
 */
function librarySources(library: Library): (canonicalUrl: string) => boolean {
  let urls: Set<string> | null = null;
  let count = -1;
  library.onChange(() => {
    urls = null;
  });
  return (url) => {
    if (urls === null || count !== library.count()) {
      count = library.count();
      urls = new Set(
        library
          .latest(Math.max(count, 1))
          .flatMap((meta) => (meta.source ? [canonicalUrl(meta.source) ?? meta.source] : [])),
      );
    }
    return urls.has(url);
  };
}
