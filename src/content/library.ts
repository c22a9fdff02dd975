import type { Article, ArticleMeta, TopicCount } from "../domain/article.js";
import type { ArticleIndex } from "../domain/article-index.js";
import type { Clock } from "../domain/clock.js";
import type { LibraryChange, LibraryPort } from "../domain/library.js";
import type { Logger } from "../domain/logger.js";
import { Catalogue } from "./catalogue.js";
import { FolderFollower, SETTLE_MS } from "./library-follow.js";
import { LibraryLoader, type LibraryOptions, type LoadReport } from "./library-scan.js";

export type { LibraryOptions, LoadReport };

/**
 * The article library: loads content/ into the index (./library-scan.ts), keeps it in step with
 * the folder (./library-follow.ts), and answers the commands' questions from its catalogue
 * (./catalogue.ts). Loads and reloads run one at a time, in the order they were asked for.
 */
export class Library implements LibraryPort {
  private readonly catalogue: Catalogue;
  private readonly loader: LibraryLoader;
  private readonly listeners: ((event: LibraryChange) => void)[] = [];
  private follower: FolderFollower | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly contentDir: string,
    index: ArticleIndex,
    clock: Clock,
    private readonly log: Logger,
    private readonly options: LibraryOptions = {},
  ) {
    this.catalogue = new Catalogue(index, clock);
    this.loader = new LibraryLoader({
      contentDir,
      index,
      catalogue: this.catalogue,
      clock,
      log,
      options,
      emit: (event) => this.emit(event),
    });
  }

  /** Files skipped at the last look, with the reason (shown at start and by `validate`). */
  get skipped(): ReadonlyMap<string, string> {
    return this.loader.skipped;
  }

  onChange(listener: (event: LibraryChange) => void): void {
    this.listeners.push(listener);
  }

  /** Full scan: parses new and changed files, drops deleted ones, skips unchanged ones. */
  load(): Promise<LoadReport> {
    return this.serialize(() => this.loader.scan());
  }

  /**
   * Follows the folder: a change is searchable within tens of milliseconds of the write. Call it
   * before load() so that nothing changed during the load is missed (its events wait for the
   * load to end); called after a load, it re-scans once to catch what changed in between.
   */
  watch(): void {
    if (this.follower) return;
    this.follower = new FolderFollower({
      contentDir: this.contentDir,
      followSymlinks: this.options.followSymlinks === true,
      log: this.log,
      loader: this.loader,
      catalogue: this.catalogue,
      serialize: (work) => this.serialize(work),
    });
    this.follower.start(this.loader.scanned);
  }

  /** The real paths of the folders watched (all inside the content folder). */
  watchedFolders(): string[] {
    return this.follower?.folders() ?? [];
  }

  /** Resolves once pending file events have been applied (tests, shutdown). */
  async settle(): Promise<void> {
    while (this.follower?.settling()) await new Promise((r) => setTimeout(r, SETTLE_MS));
    await this.queue;
  }

  close(): void {
    this.follower?.close();
    this.follower = null;
  }

  private serialize<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private emit(event: LibraryChange): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.log.error({ err: error, event }, "library listener failed");
      }
    }
  }

  /** Embargoed articles (publish_at in the future) are hidden from every answer. */
  isVisible(meta: Pick<ArticleMeta, "publishAt">): boolean {
    return this.catalogue.isVisible(meta);
  }

  count(): number {
    return this.catalogue.count();
  }

  search(query: string, limit: number): ArticleMeta[] {
    return this.catalogue.search(query, limit);
  }

  latest(limit: number): ArticleMeta[] {
    return this.catalogue.latest(limit);
  }

  get(id: string): Article | null {
    return this.catalogue.get(id);
  }

  /** Also used for hidden articles by the scheduler, which must see embargoed ones. */
  getMeta(id: string): ArticleMeta | null {
    return this.catalogue.getMeta(id);
  }

  resolve(idOrQuery: string): ReturnType<LibraryPort["resolve"]> {
    return this.catalogue.resolve(idOrQuery);
  }

  topics(): { categories: TopicCount[]; tags: TopicCount[] } {
    return this.catalogue.topics();
  }

  suggest(prefix: string, limit: number): { id: string; title: string }[] {
    return this.catalogue.suggest(prefix, limit);
  }
}
