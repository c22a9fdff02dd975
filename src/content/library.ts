import type { ArticleMeta, TopicCount } from "../domain/article.js";
import { type Article, articleHash } from "../domain/article.js";
import type { ArticleIndex, FileStamp, IndexedMeta } from "../domain/article-index.js";
import type { Clock } from "../domain/clock.js";
import type { LibraryChange, LibraryPort } from "../domain/library.js";
import type { Logger } from "../domain/logger.js";
import { resolveArticle } from "./article-lookup.js";
import { listConfined, locate, lstatOrNull, realFolder } from "./confine.js";
import { type FileToParse, inChunks, type ParsedFile, ParseWorker, parseFiles } from "./parse-files.js";
import { articleExtension } from "./read-article-file.js";
import { FolderWatch } from "./watch-folder.js";

// Over 300 lines on purpose: loading, watching and answering share the in-memory maps that keep
// them consistent; splitting them would mean exposing those maps between modules.

type Meta = IndexedMeta;

export interface LoadReport {
  articles: number;
  parsed: number;
  unchanged: number;
  removed: number;
  skipped: { file: string; reason: string }[];
  ms: number;
  /** Threads that parsed: 2 when a large scan used the parse worker throughout. */
  threads: 1 | 2;
}

/** How long a burst of writes to one file is left to settle before it is read. */
const SETTLE_MS = 25;
const PROGRESS_EVERY_MS = 3_000;
/**
 * Articles written to SQLite in one transaction during a scan: FTS5 writes a segment per
 * transaction and merges them later (64 at a time: a fifth of the FTS time went to merging), but
 * a batch's texts and pending terms stay in memory until its commit (500: +40 MB of peak RSS).
 */
const WRITE_BATCH = 100;
/**
 * From this many files to parse, a scan uses a second thread. At 1,000 (bench) it saved nothing
 * and cost 40 MB of peak memory; at 10,000 it took a first load from 7.2 to 4.7 s.
 */
const WORKER_FROM = 5_000;

export interface LibraryOptions {
  /**
   * 2 (the default): a large scan parses on a second thread, for a faster first start; 1 keeps
   * it on the main thread, for hosts where the thread's memory (usually 20-30 MB more at the peak) matters more.
   */
  parseThreads?: 1 | 2;
  /**
   * Follow symbolic links to files that stay inside the content folder (CONTENT_FOLLOW_SYMLINKS).
   * Off by default: every link is refused with a warning naming it. Links to folders are never
   * entered, and a link leading outside the folder is refused either way.
   */
  followSymlinks?: boolean;
}

/** Which file holds an id: the scan's own map, or the library's memory for a single reload. */
interface Owners {
  get(id: string): string | undefined;
  set(id: string, file: string): unknown;
}

/**
 * The article library: loads content/ into the index, keeps it in step with the folder, and
 * answers the commands' questions. Metadata lives in memory for lists and topics; full texts
 * are read from SQLite on demand, so a large archive does not fill the heap.
 */
export class Library implements LibraryPort {
  private readonly byId = new Map<string, Meta>();
  private readonly byRowid = new Map<number, Meta>();
  private readonly byFile = new Map<string, { id: string; mtimeMs: number; size: number }>();
  /** Files skipped at the last look, with the reason (shown at start and by `validate`). */
  readonly skipped = new Map<string, string>();
  private newestFirst: Meta[] | null = null;
  private readonly listeners: ((event: LibraryChange) => void)[] = [];
  private watcher: FolderWatch | null = null;
  private scanned = false;
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private queue: Promise<unknown> = Promise.resolve();
  /** The parse thread of the scan in progress, if it uses one (scans never overlap). */
  private scanWorker: ParseWorker | null = null;
  /** Ids inserted by the scan or reload in progress, announced once it is done. */
  private createdDuringScan: string[] = [];

  constructor(
    private readonly contentDir: string,
    private readonly index: ArticleIndex,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly options: LibraryOptions = {},
  ) {}

  onChange(listener: (event: LibraryChange) => void): void {
    this.listeners.push(listener);
  }

  /** Full scan: parses new and changed files, drops deleted ones, skips unchanged ones. */
  load(): Promise<LoadReport> {
    return this.serialize(() => this.scan());
  }

  private async scan(): Promise<LoadReport> {
    const started = performance.now();
    const firstLoad = this.index.count() === 0;
    // Missing, the configured path is listed as is, and fails loudly (the first load) or is
    // reported by the caller (a reload).
    const root = (await realFolder(this.contentDir)) ?? this.contentDir;
    this.skipped.clear();
    const { files, readPath } = await listConfined(
      root,
      this.options.followSymlinks === true,
      (file, reason) => this.skip(file, reason),
    );
    // A first load parses every file: the thread boots while the files are stat-ed.
    const articles = files.filter((f) => articleExtension(f) !== null).length;
    this.scanWorker = firstLoad && articles >= WORKER_FROM ? this.startWorker() : null;
    try {
      return await this.scanFiles(files, readPath, firstLoad, started);
    } finally {
      await this.scanWorker?.close();
      this.scanWorker = null;
    }
  }

  private startWorker(): ParseWorker | null {
    return (this.options.parseThreads ?? 2) === 2 ? ParseWorker.start() : null;
  }

  private async scanFiles(
    files: string[],
    readPath: (file: string) => string,
    firstLoad: boolean,
    started: number,
  ): Promise<LoadReport> {
    // One read of the rows: the stamps now, and the memory afterwards when nothing changed.
    const rows = this.index.metas();
    const stamps = new Map(rows.map((m) => [m.file, m]));
    const owners = new Map<string, string>();
    const toParse: { file: string; mtimeMs: number; size: number }[] = [];
    const onDisk = new Set<string>();
    let unchanged = 0;
    // Stats go 64 files at a time (as reads do): one await per file was most of a warm start.
    const infos = await inChunks(files, (file) => lstatOrNull(readPath(file)));
    for (const [i, file] of files.entries()) {
      const info = infos[i];
      // Gone since the listing (or swapped for something that is not a file): not on disk.
      if (!info?.isFile()) continue;
      onDisk.add(file);
      const known = stamps.get(file);
      if (known && known.mtimeMs === Math.trunc(info.mtimeMs) && known.size === info.size) {
        owners.set(known.id, file);
        unchanged++;
      } else {
        toParse.push({ file, mtimeMs: info.mtimeMs, size: info.size });
      }
    }
    let removed = 0;
    for (const file of stamps.keys()) {
      if (onDisk.has(file)) continue;
      const id = this.index.removeFile(file);
      if (id) {
        removed++;
        this.emit({ type: "removed", id });
      }
    }
    let lastProgress = performance.now();
    let parsed = 0;
    const batches: FileToParse[][] = [];
    for (let start = 0; start < toParse.length; start += WRITE_BATCH) {
      batches.push(
        toParse
          .slice(start, start + WRITE_BATCH)
          .map((e) => ({ abs: readPath(e.file), rel: e.file, size: e.size })),
      );
    }
    // Large scans parse on a second thread: batch k+1 is parsed there while batch k is written here.
    const articlesToParse = toParse.filter((e) => articleExtension(e.file) !== null).length;
    if (!this.scanWorker && articlesToParse >= WORKER_FROM) this.scanWorker = this.startWorker();
    const worker = this.scanWorker;
    let threads: 1 | 2 = worker ? 2 : 1;
    const parse = (files: FileToParse[]) =>
      worker
        ? worker.parse(files).catch((error: unknown) => {
            if (threads === 2)
              this.log.warn({ err: error }, "the parse thread failed; parsing on the main thread");
            threads = 1;
            return parseFiles(files);
          })
        : parseFiles(files);
    let done = 0;
    let next = batches.length > 0 ? parse(batches[0] as FileToParse[]) : null;
    for (const [b, batch] of batches.entries()) {
      const results = await (next as Promise<ParsedFile[]>);
      next = b + 1 < batches.length ? parse(batches[b + 1] as FileToParse[]) : null;
      this.index.batch(() => {
        for (const [i, file] of batch.entries()) {
          const result = results[i];
          const info = toParse[done + i];
          if (result && info && this.apply(file.rel, info.mtimeMs, info.size, result, owners) !== "skipped")
            parsed++;
        }
      });
      done += batch.length;
      if (performance.now() - lastProgress > PROGRESS_EVERY_MS) {
        lastProgress = performance.now();
        this.log.info({ done, total: toParse.length }, "loading articles");
      }
    }
    this.refreshMemory(parsed === 0 && this.index.count() === rows.length ? rows : undefined);
    // The first load of an empty index is the baseline: nothing in it is "new" to announce.
    if (!firstLoad) for (const id of this.createdDuringScan) this.emit({ type: "added", id });
    this.createdDuringScan = [];
    this.scanned = true;
    return {
      articles: this.byId.size,
      parsed,
      unchanged,
      removed,
      skipped: [...this.skipped].map(([file, reason]) => ({ file, reason })),
      ms: Math.round(performance.now() - started),
      threads,
    };
  }

  /**
   * Parses one file into the index. `owners` maps ids to the file holding them, so a second
   * file claiming a taken id is skipped with a warning instead of replacing the first.
   */
  private async parseFile(
    file: string,
    abs: string,
    mtimeMs: number,
    size: number,
    owners: Owners,
  ): Promise<"created" | "loaded" | "skipped"> {
    const [result] = await parseFiles([{ abs, rel: file, size }]);
    if (!result) return "skipped";
    return this.apply(file, mtimeMs, size, result, owners);
  }

  /** Puts one parsed file into the index and memory (synchronous, so a batch can hold many). */
  private apply(
    file: string,
    mtimeMs: number,
    size: number,
    { outcome, hash }: ParsedFile,
    owners: Owners,
  ): "created" | "loaded" | "skipped" {
    if (!outcome.ok) {
      // Deleted between the look and the read: gone, not broken (its own event follows).
      if (outcome.gone) this.drop(file);
      else this.skip(file, outcome.reason);
      return "skipped";
    }
    const article = outcome.article;
    const owner = owners.get(article.id);
    if (owner !== undefined && owner !== file) {
      this.skip(file, `duplicate id "${article.id}": already used by ${owner}`);
      return "skipped";
    }
    for (const warning of outcome.warnings) this.log.warn({ file }, warning);
    owners.set(article.id, file);
    const stamp: FileStamp = {
      file,
      id: article.id,
      mtimeMs: Math.trunc(mtimeMs),
      size,
      hash: hash ?? articleHash(article),
    };
    const now = this.clock.now();
    const { created, rowid } = this.index.upsert(article, stamp, outcome.warnings, now);
    const { sections: _sections, ...meta } = article;
    const firstSeen = this.byId.get(article.id)?.firstSeen ?? now.toISOString();
    this.forget(file);
    this.remember({ ...meta, file, rowid, firstSeen, mtimeMs: stamp.mtimeMs, size, hash: stamp.hash });
    if (created) this.createdDuringScan.push(article.id);
    return created ? "created" : "loaded";
  }

  private skip(file: string, reason: string): void {
    // A file that used to load and is now broken stops being served.
    this.index.removeFile(file);
    this.forget(file);
    this.skipped.set(file, reason);
    this.log.warn({ file, reason }, "article skipped");
  }

  /** A file that is no longer there stops being served; returns the id it held. */
  private drop(file: string): string | null {
    this.skipped.delete(file);
    const id = this.index.removeFile(file);
    this.forget(file);
    if (id) this.emit({ type: "removed", id });
    return id;
  }

  /**
   * Follows the folder: a change is searchable within tens of milliseconds of the write. Call it
   * before load() so that nothing changed during the load is missed (its events wait for the
   * load to end); called after a load, it re-scans once to catch what changed in between.
   */
  watch(): void {
    if (this.watcher) return;
    this.watcher = new FolderWatch({
      dir: this.contentDir,
      log: this.log,
      onPath: (rel) => this.schedule(rel),
    });
    this.watcher.start();
    if (this.scanned) this.schedule("");
  }

  /** The real paths of the folders watched (all inside the content folder). */
  watchedFolders(): string[] {
    return this.watcher?.folders() ?? [];
  }

  /** Resolves once pending file events have been applied (tests, shutdown). */
  async settle(): Promise<void> {
    while (this.pending.size > 0 || this.watcher?.settling())
      await new Promise((r) => setTimeout(r, SETTLE_MS));
    await this.queue;
  }

  close(): void {
    this.watcher?.close();
    this.watcher = null;
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }

  private schedule(rel: string): void {
    clearTimeout(this.pending.get(rel));
    const timer = setTimeout(() => {
      this.pending.delete(rel);
      const work = rel === "" ? () => this.rescan() : () => this.reloadPath(rel);
      void this.serialize(work).catch((error: unknown) =>
        this.log.error({ err: error, file: rel }, "reload failed"),
      );
    }, SETTLE_MS);
    this.pending.set(rel, timer);
  }

  /** A full scan after a change, unless the folder is gone (the last articles stay served). */
  private async rescan(): Promise<void> {
    if ((await realFolder(this.contentDir)) === null) return;
    await this.scan();
  }

  private async reloadPath(rel: string): Promise<void> {
    // Checked against the folder's real path now: it may have been replaced since the last look.
    const root = await realFolder(this.contentDir);
    if (root === null) return;
    const found = await locate(root, rel, this.options.followSymlinks === true);
    if (found.kind === "folder") {
      this.watcher?.add(rel);
      await this.scan();
      return;
    }
    // A folder that went away (or became a link) takes its articles with it.
    if (this.watcher?.has(rel)) {
      this.watcher.remove(rel);
      // The scan also reports a link that took the folder's place.
      await this.scan();
      return;
    }
    if (found.kind === "refused") {
      this.skip(rel, found.reason);
      return;
    }
    if (found.kind === "missing") {
      if (this.drop(rel)) await this.promoteShadowed();
      return;
    }
    const { info, readPath } = found;
    if (!info.isFile()) {
      // A FIFO or a device (or a link to one) would block or never end a read: never opened.
      this.skip(rel, "it is not a regular file");
      return;
    }
    if (!this.skipped.has(rel)) {
      const known = this.byFile.get(rel);
      // fs.watch also reports reads and metadata changes: skip files whose stamp did not move.
      if (known && known.mtimeMs === Math.trunc(info.mtimeMs) && known.size === info.size) return;
    }
    // Who holds each id, read from memory: copying it into a new Map cost O(articles) per change.
    const owners: Owners = { get: (id) => this.byId.get(id)?.file, set: () => undefined };
    this.skipped.delete(rel);
    const outcome = await this.parseFile(rel, readPath, info.mtimeMs, info.size, owners);
    const created = this.createdDuringScan;
    this.createdDuringScan = [];
    if (outcome === "loaded") {
      const id = this.byFile.get(rel)?.id;
      if (id) this.emit({ type: "changed", id });
    }
    for (const id of created) this.emit({ type: "added", id });
  }

  /** A file skipped as a duplicate gets its turn when the file holding its id goes away. */
  private async promoteShadowed(): Promise<void> {
    const duplicates = [...this.skipped].filter(([, reason]) => reason.startsWith("duplicate id"));
    for (const [file] of duplicates) await this.reloadPath(file);
  }

  private serialize<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private refreshMemory(rows?: Meta[]): void {
    this.byId.clear();
    this.byRowid.clear();
    this.byFile.clear();
    for (const meta of rows ?? this.index.metas()) this.remember(meta);
    this.newestFirst = null;
  }

  private remember(meta: Meta): void {
    this.byId.set(meta.id, meta);
    this.byRowid.set(meta.rowid, meta);
    this.byFile.set(meta.file, { id: meta.id, mtimeMs: meta.mtimeMs, size: meta.size });
    this.newestFirst = null;
  }

  private forget(file: string): void {
    const known = this.byFile.get(file);
    if (!known) return;
    const meta = this.byId.get(known.id);
    if (meta) this.byRowid.delete(meta.rowid);
    this.byId.delete(known.id);
    this.byFile.delete(file);
    this.newestFirst = null;
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
    return meta.publishAt === null || Date.parse(meta.publishAt) <= this.clock.now().getTime();
  }

  private readonly visibleRowid = (rowid: number): boolean => {
    const meta = this.byRowid.get(rowid);
    return meta !== undefined && this.isVisible(meta);
  };

  count(): number {
    return this.byId.size;
  }

  search(query: string, limit: number): ArticleMeta[] {
    return this.index
      .search(query, limit, this.visibleRowid)
      .map((rowid) => this.byRowid.get(rowid))
      .filter((m): m is Meta => m !== undefined)
      .map(publicMeta);
  }

  latest(limit: number): ArticleMeta[] {
    this.newestFirst ??= [...this.byId.values()].sort(newestFirst);
    const out: ArticleMeta[] = [];
    for (const meta of this.newestFirst) {
      if (out.length >= limit) break;
      if (this.isVisible(meta)) out.push(publicMeta(meta));
    }
    return out;
  }

  get(id: string): Article | null {
    const meta = this.byId.get(id);
    if (!meta || !this.isVisible(meta)) return null;
    return this.index.get(id);
  }

  /** Also used for hidden articles by the scheduler, which must see embargoed ones. */
  getMeta(id: string): ArticleMeta | null {
    const meta = this.byId.get(id);
    return meta ? publicMeta(meta) : null;
  }

  resolve(idOrQuery: string): ReturnType<LibraryPort["resolve"]> {
    return resolveArticle(idOrQuery, {
      get: (id) => this.get(id),
      search: (query, limit) => this.search(query, limit),
      visible: () => [...this.byId.values()].filter((meta) => this.isVisible(meta)),
    });
  }

  topics(): { categories: TopicCount[]; tags: TopicCount[] } {
    const categories = new Map<string, number>();
    const tags = new Map<string, number>();
    for (const meta of this.byId.values()) {
      if (!this.isVisible(meta)) continue;
      if (meta.category) categories.set(meta.category, (categories.get(meta.category) ?? 0) + 1);
      for (const tag of new Set(meta.tags)) tags.set(tag, (tags.get(tag) ?? 0) + 1);
    }
    const sorted = (m: Map<string, number>) =>
      [...m]
        .map(([name, count]) => ({ name, count }))
        .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    return { categories: sorted(categories), tags: sorted(tags) };
  }

  suggest(prefix: string, limit: number): { id: string; title: string }[] {
    const metas = prefix.trim() === "" ? this.latest(limit) : this.prefixMatches(prefix, limit);
    return metas.map((m) => ({ id: m.id, title: m.title }));
  }

  private prefixMatches(prefix: string, limit: number): ArticleMeta[] {
    const byTitle = this.index
      .suggest(prefix, limit, this.visibleRowid)
      .map((rowid) => this.byRowid.get(rowid))
      .filter((m): m is Meta => m !== undefined);
    if (byTitle.length >= limit) return byTitle.map(publicMeta);
    const seen = new Set(byTitle.map((m) => m.id));
    const more = this.search(prefix, limit).filter((m) => !seen.has(m.id));
    return [...byTitle.map(publicMeta), ...more].slice(0, limit);
  }
}

function publicMeta(meta: Meta): ArticleMeta {
  const { rowid: _rowid, firstSeen: _firstSeen, mtimeMs: _mtimeMs, size: _size, ...rest } = meta;
  return rest;
}

/** Newest date first; undated articles last, newest-seen first among them. */
function newestFirst(a: Meta, b: Meta): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.firstSeen < b.firstSeen ? 1 : a.firstSeen > b.firstSeen ? -1 : a.id.localeCompare(b.id);
}
