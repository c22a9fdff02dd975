import type { Stats } from "node:fs";
import { articleHash } from "../domain/article.js";
import type { ArticleIndex, FileStamp } from "../domain/article-index.js";
import type { Clock } from "../domain/clock.js";
import type { LibraryChange } from "../domain/library.js";
import type { Logger } from "../domain/logger.js";
import type { Catalogue } from "./catalogue.js";
import { listConfined, lstatOrNull, realFolder } from "./confine.js";
import { type FileToParse, inChunks, type ParsedFile, ParseWorker, parseFiles } from "./parse-files.js";
import { articleExtension } from "./read-article-file.js";

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

/** A batch parsed; `copied`: its strings crossed from the parse thread, so none shares memory with a file's text. */
interface Parsed {
  results: ParsedFile[];
  copied: boolean;
}

/** Which file holds an id: the scan's own map, or the catalogue for a single reload. */
interface Owners {
  get(id: string): string | undefined;
  set(id: string, file: string): unknown;
}

export interface LoaderParts {
  contentDir: string;
  index: ArticleIndex;
  catalogue: Catalogue;
  clock: Clock;
  log: Logger;
  options: LibraryOptions;
  emit(event: LibraryChange): void;
}

/**
 * The scan and load pipeline: lists the content folder, parses what is new or changed (on a
 * second thread for a large first load), writes it to the index in batches and keeps the
 * catalogue in step. Callers run one scan or reload at a time (the library's queue).
 */
export class LibraryLoader {
  /** Files skipped at the last look, with the reason (shown at start and by `validate`). */
  readonly skipped = new Map<string, string>();
  /** True once a full scan has completed. */
  scanned = false;
  /** The parse thread of the scan in progress, if it uses one (scans never overlap). */
  private scanWorker: ParseWorker | null = null;
  /** Ids inserted by the scan or reload in progress, announced once it is done. */
  private createdDuringScan: string[] = [];

  constructor(private readonly parts: LoaderParts) {}

  /** Full scan: parses new and changed files, drops deleted ones, skips unchanged ones. */
  async scan(): Promise<LoadReport> {
    const started = performance.now();
    const firstLoad = this.parts.index.count() === 0;
    // Missing, the configured path is listed as is, and fails loudly (the first load) or is
    // reported by the caller (a reload).
    const root = (await realFolder(this.parts.contentDir)) ?? this.parts.contentDir;
    this.skipped.clear();
    const { files, readPath } = await listConfined(
      root,
      this.parts.options.followSymlinks === true,
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
    return (this.parts.options.parseThreads ?? 2) === 2 ? ParseWorker.start() : null;
  }

  private async scanFiles(
    files: string[],
    readPath: (file: string) => string,
    firstLoad: boolean,
    started: number,
  ): Promise<LoadReport> {
    const { index, catalogue, log } = this.parts;
    // One read of the rows: the stamps now, and the catalogue's contents below.
    const rows = index.metas();
    const stamps = new Map(rows.map((m) => [m.file, m]));
    const owners = new Map<string, string>();
    const toParse: { file: string; mtimeMs: number; size: number }[] = [];
    const onDisk = new Set<string>();
    let unchanged = 0;
    // Stats go 64 files at a time (as reads do): one await per file was most of a warm start.
    // Only the two figures are kept: 100,000 Stats objects held ~30 MB at the peak of a load.
    const infos = await inChunks(files, async (file) => {
      const info = await lstatOrNull(readPath(file));
      // Gone since the listing (or swapped for something that is not a file): not on disk.
      return info?.isFile() ? { mtimeMs: info.mtimeMs, size: info.size } : null;
    });
    for (const [i, file] of files.entries()) {
      const info = infos[i];
      if (!info) continue;
      onDisk.add(file);
      const known = stamps.get(file);
      if (known && known.mtimeMs === Math.trunc(info.mtimeMs) && known.size === info.size) {
        owners.set(known.id, file);
        unchanged++;
      } else {
        toParse.push({ file, mtimeMs: info.mtimeMs, size: info.size });
      }
    }
    // The catalogue becomes the index as read, then follows every change this scan makes: the
    // rows are read once, never again at the end (a second read of 100,000 rows while the first
    // copy was still garbage was the peak of a large load).
    catalogue.replaceAll(rows);
    let removed = 0;
    for (const file of stamps.keys()) {
      if (onDisk.has(file)) continue;
      const id = index.removeFile(file);
      catalogue.forget(file);
      if (id) {
        removed++;
        this.parts.emit({ type: "removed", id });
      }
    }
    let lastProgress = performance.now();
    let parsed = 0;
    // Large scans parse on a second thread: batch k+1 is parsed there while batch k is written here.
    const articlesToParse = toParse.filter((e) => articleExtension(e.file) !== null).length;
    if (!this.scanWorker && articlesToParse >= WORKER_FROM) this.scanWorker = this.startWorker();
    const worker = this.scanWorker;
    let threads: 1 | 2 = worker ? 2 : 1;
    const batches = Math.ceil(toParse.length / WRITE_BATCH);
    // Made when parsed, not all at once: the paths of 100,000 files are ~20 MB.
    const batch = (b: number): FileToParse[] =>
      toParse
        .slice(b * WRITE_BATCH, (b + 1) * WRITE_BATCH)
        .map((e) => ({ abs: readPath(e.file), rel: e.file, size: e.size }));
    const parse = (b: number): Promise<Parsed> => {
      const files = batch(b);
      const inline = () => parseFiles(files).then((results) => ({ results, copied: false }));
      if (!worker) return inline();
      return worker.parse(files).then(
        (results) => ({ results, copied: true }),
        (error: unknown) => {
          if (threads === 2) log.warn({ err: error }, "the parse thread failed; parsing on the main thread");
          threads = 1;
          return inline();
        },
      );
    };
    let next = batches > 0 ? parse(0) : null;
    for (let b = 0; b < batches; b++) {
      const { results, copied } = await (next as Promise<Parsed>);
      next = b + 1 < batches ? parse(b + 1) : null;
      const first = b * WRITE_BATCH;
      index.batch(() => {
        for (const [i, result] of results.entries()) {
          const info = toParse[first + i];
          if (info && this.apply(info.file, info.mtimeMs, info.size, result, owners, copied) !== "skipped")
            parsed++;
        }
      });
      const done = Math.min(first + WRITE_BATCH, toParse.length);
      if (performance.now() - lastProgress > PROGRESS_EVERY_MS) {
        lastProgress = performance.now();
        log.info({ done, total: toParse.length }, "loading articles");
      }
    }
    // The first load of an empty index is the baseline: nothing in it is "new" to announce.
    if (!firstLoad) for (const id of this.createdDuringScan) this.parts.emit({ type: "added", id });
    this.createdDuringScan = [];
    this.scanned = true;
    return {
      articles: catalogue.count(),
      parsed,
      unchanged,
      removed,
      skipped: [...this.skipped].map(([file, reason]) => ({ file, reason })),
      ms: Math.round(performance.now() - started),
      threads,
    };
  }

  /**
   * Loads one file that changed (its path checked and stat-ed by the caller), then says what
   * happened: "changed" for an article loaded again, "added" for a new one.
   */
  async reloadFile(rel: string, readPath: string, info: Stats): Promise<void> {
    // Who holds each id, read from memory: copying it into a new Map cost O(articles) per change.
    const owners: Owners = { get: (id) => this.parts.catalogue.entry(id)?.file, set: () => undefined };
    this.skipped.delete(rel);
    const [result] = await parseFiles([{ abs: readPath, rel, size: info.size }]);
    const outcome = result ? this.apply(rel, info.mtimeMs, info.size, result, owners, false) : "skipped";
    const created = this.createdDuringScan;
    this.createdDuringScan = [];
    if (outcome === "loaded") {
      const id = this.parts.catalogue.loaded(rel)?.id;
      if (id) this.parts.emit({ type: "changed", id });
    }
    for (const id of created) this.parts.emit({ type: "added", id });
  }

  /**
   * Puts one parsed file into the index and the catalogue (synchronous, so a batch can hold many).
   * `owners` maps ids to the file holding them, so a second file claiming a taken id is skipped
   * with a warning instead of replacing the first.
   */
  private apply(
    file: string,
    mtimeMs: number,
    size: number,
    { outcome, hash }: ParsedFile,
    owners: Owners,
    copied: boolean,
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
    for (const warning of outcome.warnings) this.parts.log.warn({ file }, warning);
    owners.set(article.id, file);
    const stamp: FileStamp = {
      file,
      id: article.id,
      mtimeMs: Math.trunc(mtimeMs),
      size,
      hash: hash ?? articleHash(article),
    };
    const now = this.parts.clock.now();
    const { created, rowid } = this.parts.index.upsert(article, stamp, outcome.warnings, now);
    const { sections: _sections, ...parsedMeta } = article;
    // Parsed here, a field can be a slice of the file's whole text (V8 shares memory between a
    // string and the pieces split from it): the catalogue keeps copies, not the texts.
    const meta = copied ? parsedMeta : structuredClone(parsedMeta);
    const { catalogue } = this.parts;
    const firstSeen = catalogue.entry(article.id)?.firstSeen ?? now.toISOString();
    catalogue.forget(file);
    catalogue.remember({ ...meta, file, rowid, firstSeen, mtimeMs: stamp.mtimeMs, size, hash: stamp.hash });
    if (created) this.createdDuringScan.push(article.id);
    return created ? "created" : "loaded";
  }

  /** A file that cannot be served, with the reason; one that used to load stops being served. */
  skip(file: string, reason: string): void {
    this.parts.index.removeFile(file);
    this.parts.catalogue.forget(file);
    this.skipped.set(file, reason);
    this.parts.log.warn({ file, reason }, "article skipped");
  }

  /** A file that is no longer there stops being served; returns the id it held. */
  drop(file: string): string | null {
    this.skipped.delete(file);
    const id = this.parts.index.removeFile(file);
    this.parts.catalogue.forget(file);
    if (id) this.parts.emit({ type: "removed", id });
    return id;
  }
}
