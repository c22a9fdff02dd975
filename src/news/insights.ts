import { type Article, articleHash } from "../domain/article.js";
import type { Fact } from "../domain/fact.js";
import type { InsightCache, InsightsPort } from "../domain/insights.js";
import type { Logger } from "../domain/logger.js";
import { analysedArticle, type InsightJob } from "./insight-jobs.js";
import { InsightFailure, type InsightRunner, ThreadRunner } from "./insight-runner.js";

const MEMORY_ENTRIES = 5_000;

export interface InsightsOptions {
  /** Where the work runs; default a worker thread with a deadline (insight-runner.ts). */
  runner?: InsightRunner;
  log?: Logger;
}

/** The insights port, and what its owner (core.ts) needs besides: starting and stopping the thread. */
export interface Insights extends InsightsPort {
  /** Starts the thread ahead of the first command (the bot does, once its articles are loaded). */
  warm(): void;
  close(): Promise<void>;
}

/** A small LRU of strings. */
class Lru {
  private readonly map = new Map<string, string>();

  get(key: string): string | undefined {
    return this.map.get(key);
  }

  set(key: string, value: string): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > MEMORY_ENTRIES) {
      const oldest = this.map.keys().next().value;
      if (oldest !== undefined) this.map.delete(oldest);
    }
  }
}

/**
 * Summaries and key facts, computed once per article version (content hash) and never on each
 * command: a small in-memory LRU in front of the persistent cache. The work runs on a worker
 * thread with a deadline (ADR 0054); a version whose work timed out or failed is remembered as
 * failed too (in memory, until a restart), so it is not tried again on every call. A cache that
 * cannot be written (a full disk) costs the cache, never the answer (logged once).
 */
export function createInsights(cache: InsightCache | null, options: InsightsOptions = {}): Insights {
  const runner = options.runner ?? new ThreadRunner({ log: options.log });
  const log = options.log;
  const memory = new Lru();
  const failed = new Lru();
  const inFlight = new Map<string, Promise<unknown>>();
  const warned = new Set<string>();
  /** Logs a cache problem once per kind of problem: a full disk would otherwise log every call. */
  const warnOnce = (what: string, error: unknown) => {
    const code = (error as { code?: unknown }).code;
    const key = `${what}:${typeof code === "string" ? code : "?"}`;
    if (warned.has(key)) return;
    warned.add(key);
    log?.warn(
      { err: error instanceof Error ? error.message : String(error), code },
      `insights: could not ${what} the cache; answering without it (said once)`,
    );
  };
  /** The stored value for a version and kind, from memory or the persistent cache; kept warm. */
  const lookup = (key: string, hash: string, kind: string): string | undefined => {
    let value = memory.get(key);
    if (value === undefined && cache) {
      try {
        value = cache.cachedInsight(hash, kind) ?? undefined;
      } catch (error) {
        warnOnce("read", error);
      }
    }
    if (value !== undefined) memory.set(key, value);
    return value;
  };
  const store = (key: string, hash: string, kind: string, value: string) => {
    memory.set(key, value);
    try {
      cache?.storeInsight(hash, kind, value);
    } catch (error) {
      warnOnce("write", error);
    }
  };
  /** The value of a job for an article version, or null when the work failed (now or before). */
  const cached = async <T>(article: Article, kind: string, job: () => InsightJob): Promise<T | null> => {
    const hash = articleHash(article);
    const key = `${hash}:${kind}`;
    const known = lookup(key, hash, kind);
    if (known !== undefined) return JSON.parse(known) as T;
    if (failed.get(key) !== undefined) return null;
    // One computation per version at a time: a burst of the same request waits for the first.
    let pending = inFlight.get(key);
    if (pending === undefined) {
      pending = runner.run(job()).then(
        (value) => {
          store(key, hash, kind, JSON.stringify(value));
          return value;
        },
        (error: unknown) => {
          const reason = error instanceof InsightFailure ? error.reason : "error";
          if (reason !== "closed") failed.set(key, reason);
          log?.warn(
            { hash, kind, reason, err: error instanceof Error ? error.message : String(error) },
            "insights: no result for this article version (not retried until it changes or the bot restarts)",
          );
          return null;
        },
      );
      inFlight.set(key, pending);
      void pending.finally(() => inFlight.delete(key));
    }
    return (await pending) as T | null;
  };
  return {
    async summary(article, sentences) {
      const job = (): InsightJob => ({ kind: "summary", article: analysedArticle(article), sentences });
      return (await cached<string[]>(article, `summary${sentences}`, job)) ?? [];
    },
    cachedSummary: (hash, sentences) => {
      const value = lookup(`${hash}:summary${sentences}`, hash, `summary${sentences}`);
      return value === undefined ? null : (JSON.parse(value) as string[]);
    },
    // Cached under a new name when what facts hold changes (v2: event kinds as codes, said by
    // /facts in the reader's language), so a bot upgraded over its database works them out again.
    facts: (article) =>
      cached<Fact[]>(article, "facts-v2", () => ({ kind: "facts", article: analysedArticle(article) })),
    warm: () => runner.warm?.(),
    close: () => runner.close(),
  };
}
