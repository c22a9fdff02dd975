import type { Article, ArticleMeta } from "./article.js";

/** What the loader knows about a file without parsing it: enough to skip unchanged files. */
export interface FileStamp {
  file: string;
  id: string;
  mtimeMs: number;
  size: number;
  hash: string;
}

/** An article's metadata as the index holds it, with its row and file stamp. */
export type IndexedMeta = ArticleMeta & { rowid: number; firstSeen: string; mtimeMs: number; size: number };

/**
 * Where the library keeps articles and searches them (src/store/sqlite/article-index.ts: rows
 * plus an FTS5 index). Synchronous on purpose: each process indexes the content folder it sees,
 * in its own embedded database (ADR 0002), so a search never waits on a network.
 */
export interface ArticleIndex {
  count(): number;
  /** Every article's metadata (no texts). */
  metas(): IndexedMeta[];
  get(id: string): Article | null;
  /**
   * Inserts or replaces the article parsed from `stamp.file`. Returns whether the id is new to
   * the index (so the library can announce it) and its rowid.
   */
  upsert(
    article: Article,
    stamp: FileStamp,
    warnings: string[],
    now: Date,
  ): { created: boolean; rowid: number };
  /** Runs many changes as one (a cold load writes thousands of articles). */
  batch<T>(work: () => T): T;
  /** Removes the article stored for a file; returns its id, or null if there was none. */
  removeFile(file: string): string | null;
  /** Ranked rowids for a user query; `visible` filters out what must not be shown (embargoes). */
  search(text: string, limit: number, visible: (rowid: number) => boolean): number[];
  /** Rowids of titles with words starting like the typed text (autocomplete). */
  suggest(text: string, limit: number, visible: (rowid: number) => boolean): number[];
}
