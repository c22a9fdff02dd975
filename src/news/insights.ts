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
  const cached = <T>(article: Article, kind: string, compute: () => T): T => {
    const hash = articleHash(article);
    const key = `${hash}:${kind}`;
    let value = memory.get(key);
    if (value === undefined) {
      value = cache?.cachedInsight(hash, kind) ?? undefined;
      if (value === undefined) {
        value = JSON.stringify(compute());
        cache?.storeInsight(hash, kind, value);
      }
    } else {
      memory.delete(key);
    }
    memory.set(key, value);
    if (memory.size > MEMORY_ENTRIES) {
      const oldest = memory.keys().next().value;
      if (oldest !== undefined) memory.delete(oldest);
    }
    return JSON.parse(value) as T;
  };
  return {
    summary: (article, sentences) =>
      cached(article, `summary${sentences}`, () => summarizeArticle(article, sentences)),
    facts: (article): Fact[] => cached(article, "facts", () => extractFacts(article)),
  };
}
