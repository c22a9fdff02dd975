import type { Article, ArticleMatch, ArticleMeta, TopicCount } from "./article.js";

/** Read access to the article library (searchable, embargo-aware): what commands use. */
export interface LibraryPort {
  /** Ranked full-text search; any text is a safe query. */
  search(query: string, limit: number): ArticleMeta[];
  /** Newest first (undated last). */
  latest(limit: number): ArticleMeta[];
  get(id: string): Article | null;
  /**
   * An exact id; else, for words, the best search hit. An id-shaped argument (one token such as
   * "2025-07-19-bitcoin") that names no article is a miss with the closest ids, never a guess.
   */
  resolve(idOrQuery: string): ArticleMatch;
  topics(): { categories: TopicCount[]; tags: TopicCount[] };
  /** Titles matching what the user is typing (autocomplete). */
  suggest(prefix: string, limit: number): { id: string; title: string }[];
  count(): number;
}

/**
 * A change in the library: a file's article appeared, changed or went away. The first load of an
 * empty index is a baseline and announces nothing.
 */
export interface LibraryChange {
  type: "added" | "changed" | "removed";
  id: string;
}

/**
 * The library as the scheduler follows it: the port, plus embargoed articles' metadata (hidden
 * from every answer until publish_at) and its changes. Changes only make the scheduler prompt:
 * it finds new articles by comparing the library with those it has already seen (ADR 0034).
 */
export interface WatchedLibrary extends LibraryPort {
  /** Any article's metadata, hidden (embargoed) ones included. */
  getMeta(id: string): ArticleMeta | null;
  onChange(listener: (change: LibraryChange) => void): void;
}
