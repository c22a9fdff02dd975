/**
 * One HTTP exchange, one hop: node:http/https through agents whose only name resolution is the
 * address guard's, a connect timeout, and a body read with its size counted after
 * decompression (a 50 KB gzip that inflates to 5 GB is stopped at the cap, not after).
 * Redirects, validators and pacing are the caller's business (fetch-source.ts).
 */
import http, { type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import https from "node:https";
import zlib from "node:zlib";
import { checkUrl, type GuardOptions, guardedLookup } from "./address-guard.js";

export interface HopOptions {
  headers: Record<string, string>;
  connectTimeoutMs: number;
  maxBytes: number;
  /** Aborts the exchange (the caller's total timeout). */
  signal: AbortSignal;
}

export interface HopResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** Decompressed body of a 2xx answer; null for any other status (its body is discarded). */
  body: Buffer | null;
}

/** A failure of the exchange itself; `reason` is a sentence for the operator. */
export class HopError extends Error {
  constructor(
    readonly reason: string,
    readonly kind: "timeout" | "too-large" | "network" | "refused" | "encoding",
  ) {
    super(reason);
    this.name = "HopError";
  }
}

/** The two agents of one fetcher: every socket they open was resolved by the guard. */
export interface GuardedAgents {
  http: http.Agent;
  https: https.Agent;
  guard: GuardOptions;
}

export function guardedAgents(guard: GuardOptions): GuardedAgents {
  const lookup = guardedLookup(guard);
  // Own agents, never the global one: a pooled socket opened by some other, unguarded request
  // could otherwise be reused for a guarded one. No keep-alive: sources are polled minutes apart.
  return {
    http: new http.Agent({ keepAlive: false, lookup }),
    https: new https.Agent({ keepAlive: false, lookup }),
    guard,
  };
}

export async function requestHop(
  target: string,
  agents: GuardedAgents,
  options: HopOptions,
): Promise<HopResponse> {
  const url = checkUrl(target, agents.guard);
  const secure = url.protocol === "https:";
  const transport = secure ? https : http;
  return new Promise<HopResponse>((resolve, reject) => {
    let connectTimer: NodeJS.Timeout | undefined;
    const request = transport.request(
      url,
      {
        method: "GET",
        agent: secure ? agents.https : agents.http,
        headers: options.headers,
        signal: options.signal,
      },
      (response) => {
        clearTimeout(connectTimer);
        const status = response.statusCode ?? 0;
        if (status < 200 || status >= 300) {
          response.resume();
          resolve({ status, headers: response.headers, body: null });
          return;
        }
        readBody(response, options.maxBytes).then(
          (body) => resolve({ status, headers: response.headers, body }),
          (error: unknown) => {
            request.destroy();
            reject(error);
          },
        );
      },
    );
    request.on("socket", (socket) => {
      if (!socket.connecting) return;
      connectTimer = setTimeout(() => {
        request.destroy(new HopError(`no connection within ${options.connectTimeoutMs} ms`, "timeout"));
      }, options.connectTimeoutMs);
      socket.once("connect", () => clearTimeout(connectTimer));
    });
    request.on("error", (error) => {
      clearTimeout(connectTimer);
      reject(toHopError(error, options.signal));
    });
    request.end();
  });
}

function toHopError(error: unknown, signal: AbortSignal): HopError {
  if (error instanceof HopError) return error;
  if (signal.aborted) {
    const reason = signal.reason;
    return reason instanceof HopError ? reason : new HopError("the request was aborted", "timeout");
  }
  const e = error as NodeJS.ErrnoException & { reason?: string };
  if (e.code === "ADDRESS_REFUSED") return new HopError(e.message, "refused");
  const detail = e.code
    ? `${e.code}${e.message && !e.message.includes(e.code) ? ` (${e.message})` : ""}`
    : e.message;
  return new HopError(`network error: ${detail}`, "network");
}

/** Reads a response body, decompressing gzip, deflate (zlib or raw) and brotli, up to maxBytes. */
function readBody(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers["content-length"]);
  const encoding = String(response.headers["content-encoding"] ?? "identity")
    .trim()
    .toLowerCase();
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    let decoder: zlib.Gunzip | zlib.Inflate | zlib.InflateRaw | zlib.BrotliDecompress | null = null;
    const fail = (error: HopError) => {
      if (settled) return;
      settled = true;
      decoder?.destroy();
      response.destroy();
      reject(error);
    };
    const done = () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks, total));
    };
    const tooLarge = () => new HopError(`the body is larger than ${formatBytes(maxBytes)}`, "too-large");
    const collect = (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) fail(tooLarge());
      else chunks.push(chunk);
    };
    if (Number.isFinite(declared) && declared > maxBytes && encoding === "identity") {
      fail(tooLarge());
      return;
    }
    if (!["identity", "gzip", "x-gzip", "deflate", "br", ""].includes(encoding)) {
      fail(new HopError(`the content encoding "${encoding}" is not supported`, "encoding"));
      return;
    }
    const compressed = encoding !== "identity" && encoding !== "";
    let raw = 0;
    response.on("data", (chunk: Buffer) => {
      if (!compressed) {
        collect(chunk);
        return;
      }
      // Compressed bytes are capped too, so a slow drip of incompressible data cannot grow forever.
      raw += chunk.length;
      if (raw > maxBytes) {
        fail(tooLarge());
        return;
      }
      if (decoder === null) {
        decoder = makeDecoder(encoding, chunk);
        decoder.on("data", collect);
        decoder.on("end", done);
        decoder.on("error", (error: Error) =>
          fail(new HopError(`the ${encoding} body is corrupt (${error.message})`, "encoding")),
        );
      }
      if (!decoder.write(chunk)) {
        response.pause();
        decoder.once("drain", () => response.resume());
      }
    });
    response.on("end", () => {
      if (!compressed) done();
      else if (decoder === null) done();
      else decoder.end();
    });
    response.on("error", (error) => fail(new HopError(`network error: ${error.message}`, "network")));
    response.on("aborted", () =>
      fail(new HopError("the connection closed before the body ended", "network")),
    );
  });
}

function makeDecoder(encoding: string, first: Buffer) {
  // Truncated bodies are common on the web; decode what arrived, as browsers do.
  const lenient = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  if (encoding === "br") return zlib.createBrotliDecompress();
  if (encoding === "deflate") {
    // "deflate" should be zlib-wrapped (RFC 9110) but some servers send raw deflate: the zlib
    // header's first byte says method 8 and the two-byte header is a multiple of 31.
    const wrapped =
      first.length >= 2 &&
      ((first[0] as number) & 0x0f) === 8 &&
      ((first[0] as number) * 256 + (first[1] as number)) % 31 === 0;
    return wrapped ? zlib.createInflate(lenient) : zlib.createInflateRaw(lenient);
  }
  return zlib.createGunzip(lenient);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
