/**
 * The fetcher's vocabulary: what a caller asks, what it gets back. Every outcome is a value,
 * never a throw, so a poll of many sources handles each one's result in one place.
 */

/** Time and timers, injected so pacing and back-off are testable with a fake clock. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** "feed" fetches ignore robots.txt (a feed is published to be polled); "page" fetches honour it. */
export type FetchPurpose = "feed" | "page";

export interface FetchRequest {
  url: string;
  purpose: FetchPurpose;
  /** Validators from the previous fetch: sent as If-None-Match / If-Modified-Since. */
  etag?: string | null;
  lastModified?: string | null;
}

/** Validators to remember for the next conditional GET. */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type FetchOutcome =
  | ({
      kind: "ok";
      /** The URL asked for, and the one finally answered after redirects. */
      url: string;
      finalUrl: string;
      status: number;
      contentType: string | null;
      /** The charset named by Content-Type, lowercase, or null. */
      charset: string | null;
      /** Decompressed bytes. */
      body: Buffer;
    } & Validators)
  | ({ kind: "not-modified"; url: string; finalUrl: string } & Validators)
  /** 410 Gone: the source is disabled at once. */
  | { kind: "gone"; url: string; finalUrl: string; status: 410 }
  /** 429 or 503: come back at `notBefore` (epoch ms), from Retry-After or the back-off. */
  | { kind: "retry-later"; url: string; status: number | null; notBefore: number | null; reason: string }
  /** Refused before any byte left: the address guard, or robots.txt for a page. */
  | { kind: "refused"; url: string; reason: string }
  | { kind: "failed"; url: string; status: number | null; reason: string };

/** The port sources fetch through; the real one is createFetcher(), tests may fake it. */
export interface Fetcher {
  fetch(request: FetchRequest): Promise<FetchOutcome>;
}
