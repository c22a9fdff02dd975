/**
 * The fetcher sources use: a polite HTTP client. Each hop is guarded (fetch-http.ts), at most 5
 * redirects are followed, validators make conditional GETs, 304/410/429/503 become outcomes the
 * policy understands, a Retry-After holds the host back, requests to one host are paced, and a
 * page is fetched only when the site's robots.txt allows it (cached per origin).
 */
import { AddressRefused, type GuardOptions } from "./address-guard.js";
import { type GuardedAgents, guardedAgents, HopError, type HopResponse, requestHop } from "./fetch-http.js";
import { HostPacer } from "./fetch-pacing.js";
import {
  ALLOW_ALL,
  DISALLOW_ALL,
  parseRobots,
  ROBOTS_MAX_BYTES,
  type RobotsPolicy,
  robotsAllows,
} from "./fetch-robots.js";
import {
  type Clock,
  type Fetcher,
  type FetchOutcome,
  type FetchRequest,
  systemClock,
} from "./fetch-types.js";
import { ROBOTS_TOKEN, USER_AGENT } from "./user-agent.js";

export interface FetcherOptions {
  guard?: GuardOptions;
  clock?: Clock;
  /** Per-host interval between request starts (default 1,000 ms: one request a second). */
  hostIntervalMs?: number;
  connectTimeoutMs?: number;
  /** The whole fetch, redirects and body included (default 30 s). */
  totalTimeoutMs?: number;
  /** Body cap after decompression (default 5 MB). */
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const ROBOTS_TTL_MS = 24 * 3_600_000;
/** robots.txt unreachable (5xx, network): pages are not fetched, and it is asked again soon. */
const ROBOTS_FAILURE_TTL_MS = 10 * 60_000;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export function createFetcher(options: FetcherOptions = {}): Fetcher {
  const clock = options.clock ?? systemClock;
  const agents = guardedAgents(options.guard ?? {});
  const pacer = new HostPacer(clock, options.hostIntervalMs ?? 1_000);
  const settings = {
    connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
    totalTimeoutMs: options.totalTimeoutMs ?? 30_000,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    maxRedirects: options.maxRedirects ?? 5,
    userAgent: options.userAgent ?? USER_AGENT,
  };
  const robots = new Map<string, { policy: Promise<RobotsPolicy>; expires: number }>();

  const robotsFor = (origin: string): Promise<RobotsPolicy> => {
    const cached = robots.get(origin);
    if (cached && cached.expires > clock.now()) return cached.policy;
    const entry = { policy: Promise.resolve(ALLOW_ALL), expires: clock.now() + ROBOTS_TTL_MS };
    entry.policy = fetchChain({ url: `${origin}/robots.txt`, purpose: "feed" }, agents, pacer, clock, {
      ...settings,
      maxBytes: ROBOTS_MAX_BYTES,
    }).then((outcome) => {
      if (outcome.kind === "ok") return parseRobots(outcome.body.toString("utf8"), ROBOTS_TOKEN);
      // A missing robots.txt (any 4xx) allows everything; an unreachable one allows nothing.
      if (
        outcome.kind === "failed" &&
        outcome.status !== null &&
        outcome.status >= 400 &&
        outcome.status < 500
      ) {
        return ALLOW_ALL;
      }
      // Gone is a 4xx too; a refused robots.txt means the page fetch is refused by the guard
      // itself, with its own (better) reason.
      if (outcome.kind === "gone" || outcome.kind === "refused") return ALLOW_ALL;
      entry.expires = clock.now() + ROBOTS_FAILURE_TTL_MS;
      return DISALLOW_ALL;
    });
    robots.set(origin, entry);
    if (robots.size > 5_000) {
      for (const [key, value] of robots) if (value.expires < clock.now()) robots.delete(key);
    }
    return entry.policy;
  };

  return {
    async fetch(request) {
      if (request.purpose === "page") {
        let url: URL;
        try {
          url = new URL(request.url);
        } catch {
          return {
            kind: "refused",
            url: request.url,
            reason: `refused ${request.url}: it is not a valid URL`,
          };
        }
        if (url.protocol === "http:" || url.protocol === "https:") {
          const policy = await robotsFor(url.origin);
          if (!robotsAllows(policy, url.pathname + url.search)) {
            return {
              kind: "refused",
              url: request.url,
              reason: `robots.txt of ${url.host} disallows ${url.pathname}`,
            };
          }
        }
      }
      return fetchChain(request, agents, pacer, clock, settings);
    },
  };
}

interface ChainSettings {
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
}

async function fetchChain(
  request: FetchRequest,
  agents: GuardedAgents,
  pacer: HostPacer,
  clock: Clock,
  settings: ChainSettings,
): Promise<FetchOutcome> {
  const asked = request.url;
  const headers: Record<string, string> = {
    "user-agent": settings.userAgent,
    accept:
      request.purpose === "feed"
        ? "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.7, */*;q=0.5"
        : "text/html, application/xhtml+xml;q=0.9, */*;q=0.5",
    "accept-encoding": "gzip, deflate, br",
  };
  if (request.etag) headers["if-none-match"] = request.etag;
  if (request.lastModified) headers["if-modified-since"] = request.lastModified;

  const controller = new AbortController();
  let timer: unknown;
  let current = asked;
  try {
    for (let hop = 0; ; hop++) {
      const host = hostOf(current);
      const held = host === null ? null : pacer.heldUntil(host);
      if (host !== null && held !== null && held - clock.now() > 60_000) {
        return {
          kind: "retry-later",
          url: asked,
          status: null,
          notBefore: held,
          reason: `${host} asked us to wait`,
        };
      }
      if (host !== null) await pacer.wait(host);
      // The total timeout starts with the first request, not while the pacer holds us back.
      timer ??= setTimeout(
        () =>
          controller.abort(
            new HopError(`no complete answer within ${settings.totalTimeoutMs} ms`, "timeout"),
          ),
        settings.totalTimeoutMs,
      );
      const response = await requestHop(current, agents, {
        headers,
        connectTimeoutMs: settings.connectTimeoutMs,
        maxBytes: settings.maxBytes,
        signal: controller.signal,
      });
      const location = header(response, "location");
      if (REDIRECTS.has(response.status) && location !== null) {
        if (hop >= settings.maxRedirects) {
          return {
            kind: "failed",
            url: asked,
            status: response.status,
            reason: `more than ${settings.maxRedirects} redirects`,
          };
        }
        current = new URL(location, current).href;
        continue;
      }
      return toOutcome(asked, current, response, request, pacer, clock);
    }
  } catch (error) {
    if (error instanceof AddressRefused)
      return { kind: "refused", url: asked, reason: refusal(asked, current, error.message) };
    if (error instanceof HopError) {
      if (error.kind === "refused")
        return { kind: "refused", url: asked, reason: refusal(asked, current, error.reason) };
      const where = current === asked ? "" : ` (after redirect to ${current})`;
      return { kind: "failed", url: asked, status: null, reason: `${asked}${where}: ${error.reason}` };
    }
    return { kind: "failed", url: asked, status: null, reason: `${asked}: ${(error as Error).message}` };
  } finally {
    clearTimeout(timer as NodeJS.Timeout | undefined);
  }
}

function refusal(asked: string, current: string, message: string): string {
  return current === asked ? message : `${message} (redirected from ${asked})`;
}

function toOutcome(
  asked: string,
  finalUrl: string,
  response: HopResponse,
  request: FetchRequest,
  pacer: HostPacer,
  clock: Clock,
): FetchOutcome {
  const status = response.status;
  const etag = header(response, "etag") ?? request.etag ?? null;
  const lastModified = header(response, "last-modified") ?? request.lastModified ?? null;
  if (status === 304) return { kind: "not-modified", url: asked, finalUrl, etag, lastModified };
  if (status === 410) return { kind: "gone", url: asked, finalUrl, status: 410 };
  if (status === 429 || status === 503) {
    const notBefore = retryAfter(header(response, "retry-after"), clock.now());
    const host = hostOf(finalUrl);
    if (notBefore !== null && host !== null) pacer.holdUntil(host, notBefore);
    const wait = notBefore === null ? "" : `, retry after ${new Date(notBefore).toISOString()}`;
    return {
      kind: "retry-later",
      url: asked,
      status,
      notBefore,
      reason: `${finalUrl} answered ${status}${wait}`,
    };
  }
  if (status >= 200 && status < 300 && response.body !== null) {
    const contentType = header(response, "content-type");
    return {
      kind: "ok",
      url: asked,
      finalUrl,
      status,
      contentType: contentType?.split(";")[0]?.trim().toLowerCase() ?? null,
      charset: charsetOf(contentType),
      body: response.body,
      etag,
      lastModified,
    };
  }
  return { kind: "failed", url: asked, status, reason: `${finalUrl} answered HTTP ${status}` };
}

/** Retry-After as seconds or an HTTP date, as epoch ms; null when absent or unreadable. */
export function retryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return now + Number(text) * 1_000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(at, now);
}

/** The charset parameter of a Content-Type, lowercase and unquoted. */
export function charsetOf(contentType: string | null): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? "");
  return match?.[1]?.toLowerCase() ?? null;
}

function header(response: HopResponse, name: string): string | null {
  const value = response.headers[name];
  if (Array.isArray(value)) return value[0] ?? null;
  return value ?? null;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}
