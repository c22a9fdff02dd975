/**
 * A local web site for source tests, on 127.0.0.1 only. It serves the real feeds and pages of
 * ../shared/eval (read in place) and the misbehaviours a fetcher must survive:
 *
 *   /feeds/<path>            a file of ../shared/eval/feeds, with ETag, Last-Modified and 304
 *   /pages/<name>            a readability page's source.html (text/html), with ETag and 304
 *   /gzip|/deflate|/deflate-raw|/br/<path>  the same, compressed with that encoding
 *   /redirect/<n>/<path>     n 302 hops, then <path>
 *   /redirect-to?url=<u>     one 302 to any URL (e.g. http://127.0.0.1/...)
 *   /status/<code>[?retry-after=<v>]   an empty answer with that status
 *   /robots.txt              the text given by setRobots() (404 until then; a number is a status)
 *   /slow                    headers at once, then a body that never ends (until close)
 *   /oversized?mb=<n>        n MB of text (6 by default)
 *   /bomb                    a gzip of 64 MB of zeros (about 64 KB on the wire)
 *   /billion-laughs.xml      an RSS feed with nested entity declarations and an XXE
 *   /latin1.xml              an ISO-8859-1 RSS feed whose charset is only in the HTTP header
 *   /bytes?type=<ct>         the bytes given by setBody() with that Content-Type
 *
 * Every request is recorded (`requests`) so tests can assert what was sent.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join, normalize } from "node:path";
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from "node:zlib";
import { EVAL_DIR } from "./eval-data.js";

export { EVAL_DIR, NO_EVAL_DATA } from "./eval-data.js";
export const FEEDS_DIR = join(EVAL_DIR, "feeds");
export const PAGES_DIR = join(EVAL_DIR, "readability", "pages");

/** A fixed date for Last-Modified, so validators are stable across runs. */
const LAST_MODIFIED = "Wed, 01 Jan 2025 00:00:00 GMT";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

export interface FixtureServer {
  /** "http://127.0.0.1:<port>" */
  origin: string;
  port: number;
  url(path: string): string;
  requests: RecordedRequest[];
  setRobots(text: string | number | null): void;
  setBody(bytes: Buffer | string): void;
  close(): Promise<void>;
}

export const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<rss version="2.0"><channel><title>Laughs</title>
<item><title>Laugh &lol9;</title><link>https://example.org/laugh</link><description>Secret: &xxe;</description></item>
</channel></rss>`;

/** "Café crème" and "Zürich" in ISO-8859-1 bytes; the XML declaration names no encoding. */
export const LATIN1_FEED = Buffer.from(
  `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Caf\u00e9 cr\u00e8me</title>` +
    `<item><title>Z\u00fcrich \u00e0 l'heure</title><link>https://example.org/zurich</link></item></channel></rss>`,
  "latin1",
);

export async function startFixtureServer(): Promise<FixtureServer> {
  const requests: RecordedRequest[] = [];
  let robots: string | number | null = null;
  let body: Buffer = Buffer.alloc(0);
  let bomb: Buffer | null = null;
  const open = new Set<ServerResponse>();

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://fixture");
    requests.push({ method: req.method ?? "GET", path: url.pathname + url.search, headers: req.headers });
    open.add(res);
    res.on("close", () => open.delete(res));
    const path = url.pathname;

    if (path === "/robots.txt") {
      if (robots === null) return send(res, 404, "text/plain", "not found");
      if (typeof robots === "number") return send(res, robots, "text/plain", "");
      return send(res, 200, "text/plain", robots);
    }
    const redirect = /^\/redirect\/(\d+)(\/.*)$/.exec(path);
    if (redirect) {
      const left = Number(redirect[1]);
      const next =
        left <= 1 ? `${redirect[2]}${url.search}` : `/redirect/${left - 1}${redirect[2]}${url.search}`;
      res.writeHead(302, { location: next });
      return res.end();
    }
    if (path === "/redirect-to") {
      res.writeHead(302, { location: url.searchParams.get("url") ?? "/" });
      return res.end();
    }
    const status = /^\/status\/(\d{3})$/.exec(path);
    if (status) {
      const headers: Record<string, string> = {};
      const retry = url.searchParams.get("retry-after");
      if (retry !== null) headers["retry-after"] = retry;
      res.writeHead(Number(status[1]), headers);
      return res.end();
    }
    if (path === "/slow") {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.write("<rss><channel>");
      return; // never ends; close() destroys it
    }
    if (path === "/oversized") {
      const mb = Number(url.searchParams.get("mb") ?? "6");
      res.writeHead(200, { "content-type": "text/html" });
      const chunk = Buffer.alloc(64 * 1024, "a");
      let left = Math.round(mb * 16);
      const pump = () => {
        while (left > 0) {
          left--;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      return pump();
    }
    if (path === "/bomb") {
      bomb ??= gzipSync(Buffer.alloc(64 * 1024 * 1024));
      res.writeHead(200, { "content-type": "application/rss+xml", "content-encoding": "gzip" });
      return res.end(bomb);
    }
    if (path === "/billion-laughs.xml") return send(res, 200, "application/rss+xml", BILLION_LAUGHS);
    if (path === "/latin1.xml") return send(res, 200, "application/rss+xml; charset=ISO-8859-1", LATIN1_FEED);
    if (path === "/bytes")
      return send(res, 200, url.searchParams.get("type") ?? "application/octet-stream", body);

    const encoded = /^\/(gzip|deflate|deflate-raw|br)(\/.*)$/.exec(path);
    const encoding = encoded?.[1] ?? null;
    const filePath = encoded?.[2] ?? path;
    const file = resolveFile(filePath);
    if (file === null) return send(res, 404, "text/plain", "not found");
    let bytes: Buffer;
    try {
      bytes = readFileSync(file.path);
    } catch {
      return send(res, 404, "text/plain", "not found");
    }
    const etag = `"${createHash("sha1").update(bytes).digest("hex").slice(0, 16)}"`;
    if (req.headers["if-none-match"] === etag || req.headers["if-modified-since"] === LAST_MODIFIED) {
      res.writeHead(304, { etag, "last-modified": LAST_MODIFIED });
      return res.end();
    }
    const headers: Record<string, string> = {
      "content-type": file.type,
      etag,
      "last-modified": LAST_MODIFIED,
    };
    if (encoding !== null) {
      headers["content-encoding"] = encoding === "deflate-raw" ? "deflate" : encoding;
      bytes =
        encoding === "gzip"
          ? gzipSync(bytes)
          : encoding === "deflate"
            ? deflateSync(bytes)
            : encoding === "deflate-raw"
              ? deflateRawSync(bytes)
              : brotliCompressSync(bytes);
    }
    res.writeHead(200, headers);
    res.end(bytes);
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    url: (path) => `${origin}${path}`,
    requests,
    setRobots: (text) => {
      robots = text;
    },
    setBody: (bytes) => {
      body = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
    },
    close: async () => {
      for (const res of open) res.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(res: ServerResponse, status: number, type: string, text: string | Buffer): void {
  res.writeHead(status, { "content-type": type });
  res.end(text);
}

/** Maps /feeds/... and /pages/<name> to a file in ../shared/eval, never outside it. */
function resolveFile(path: string): { path: string; type: string } | null {
  const page = /^\/pages\/([\w.-]+)\/?$/.exec(path);
  if (page)
    return { path: join(PAGES_DIR, page[1] as string, "source.html"), type: "text/html; charset=utf-8" };
  if (!path.startsWith("/feeds/")) return null;
  const rel = normalize(decodeURIComponent(path.slice("/feeds/".length)));
  if (rel.startsWith("..")) return null;
  const type = rel.endsWith(".json")
    ? "application/feed+json"
    : rel.endsWith(".atom")
      ? "application/atom+xml"
      : "application/rss+xml";
  return { path: join(FEEDS_DIR, rel), type };
}
