import type { Article, ArticleMatch, ArticleMeta, TopicCount } from "../domain/article.js";
import type { Fact } from "../domain/fact.js";

/** Read access to the article library (searchable, embargo-aware). */
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
 * Summaries and key facts, computed locally and cached per article version. The work runs off the
 * main thread with a deadline (ADR 0054), hence the promises.
 */
export interface InsightsPort {
  /** Summary sentences, in article order; a front-matter summary wins; empty when it failed. */
  summary(article: Article, sentences: number): Promise<string[]>;
  /** The summary already computed for the article version `hash`, without reading the article. */
  cachedSummary(hash: string, sentences: number): string[] | null;
  /** The key facts; null when they could not be worked out (too long or too odd to analyse in time). */
  facts(article: Article): Promise<Fact[] | null>;
}

/** Where time comes from: the real clock in production, a fake one in tests. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The subset of a structured logger (pino) the core uses. */
export interface Logger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  debug(obj: object | string, msg?: string): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {}, debug() {} };
