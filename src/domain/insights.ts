import type { Article } from "./article.js";
import type { Fact } from "./fact.js";

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

/** Where computed insights persist between runs, keyed by article version (the SQLite index implements it). */
export interface InsightCache {
  cachedInsight(hash: string, kind: string): string | null;
  storeInsight(hash: string, kind: string, value: string): void;
}
