import { type Article, articleHash } from "../content/article.js";
import type { InsightsPort } from "../framework/ports.js";
import type { Fact } from "./fact.js";
import { extractFacts } from "./facts/extract-facts.js";
import { summarizeArticle } from "./summarize.js";

/** Where computed insights persist between runs (the SQLite index implements it). */
export interface InsightCache {
  cachedInsight(hash: string, kind: string): string | null;
  storeInsight(hash: string, kind: string, value: string): void;
}

const MEMORY_ENTRIES = 5_000;

/**
 * Summaries and key facts, computed once per article version (content hash) and never on each
 * command: a small in-memory LRU in front of the persistent cache.
 */
export function createInsights(cache: InsightCache | null): InsightsPort {
  const memory = new Map<string, string>();
  /** The stored value for a version and kind, from memory or the persistent cache; kept warm. */
  const lookup = (hash: string, kind: string): string | undefined => {
    const key = `${hash}:${kind}`;
    const value = memory.get(key) ?? cache?.cachedInsight(hash, kind) ?? undefined;
    if (value !== undefined) remember(key, value);
    return value;
  };
  const remember = (key: string, value: string) => {
    memory.delete(key);
    memory.set(key, value);
    if (memory.size > MEMORY_ENTRIES) {
      const oldest = memory.keys().next().value;
      if (oldest !== undefined) memory.delete(oldest);
    }
  };
  const cached = <T>(article: Article, kind: string, compute: () => T): T => {
    const hash = articleHash(article);
    let value = lookup(hash, kind);
    if (value === undefined) {
      value = JSON.stringify(compute());
      cache?.storeInsight(hash, kind, value);
      remember(`${hash}:${kind}`, value);
    }
    return JSON.parse(value) as T;
  };
  return {
    summary: (article, sentences) =>
      cached(article, `summary${sentences}`, () => summarizeArticle(article, sentences)),
    cachedSummary: (hash, sentences) => {
      const value = lookup(hash, `summary${sentences}`);
      return value === undefined ? null : (JSON.parse(value) as string[]);
    },
    facts: (article): Fact[] => cached(article, "facts", () => extractFacts(article)),
  };
}
