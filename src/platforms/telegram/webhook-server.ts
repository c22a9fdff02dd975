import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Logger } from "../../domain/logger.js";

/**
 * The webhook endpoint: a bare node:http server. Every request must carry Telegram's
 * X-Telegram-Bot-Api-Secret-Token header (missing or wrong: 401, compared in constant time).
 * The update is acknowledged with 200 at once and handled afterwards, so a slow command never
 * makes Telegram time out and redeliver (the platform drops any redelivery by update_id, and
 * queues the work per chat with a cap on what runs at once: fair-dispatch.ts).
 *
 * Bounded (docs/adr/0058): at most `maxConcurrent` bodies are read at once (more: 503 with
 * Retry-After, and Telegram delivers again later); a body over 1 MB gets 413, with the rest of it
 * read and thrown away so the client sees the answer instead of a reset connection, and past
 * 16 MB the connection is cut.
 */

const MAX_BODY = 1_000_000;
/** Bytes of an oversized body read and thrown away before the connection is cut. */
const MAX_DISCARD = 16 * MAX_BODY;
const SECRET_HEADER = "x-telegram-bot-api-secret-token";

export interface WebhookServerOptions {
  /** Path updates are posted to (the path of the public webhook URL). */
  path: string;
  secret: string;
  port: number;
  host?: string;
  /** Handles one update. Must not throw. */
  onUpdate: (update: { update_id: number }) => void;
  log: Logger;
  /** Requests whose body is being read at once; more get 503. Default 64 (Telegram opens 40). */
  maxConcurrent?: number;
}

export class WebhookServer {
  private server: Server | null = null;
  /** Requests whose body is being read now. */
  private reading = 0;

  constructor(private readonly options: WebhookServerOptions) {}

  /** Starts listening; resolves with the port. */
  listen(): Promise<number> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        this.options.log.error({ err: error }, "telegram: webhook request failed");
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.options.port, this.options.host, () => {
        server.off("error", reject);
        const address = server.address();
        resolve(typeof address === "object" && address ? address.port : this.options.port);
      });
    });
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!secretMatches(req.headers[SECRET_HEADER], this.options.secret)) {
      this.options.log.warn(
        { ip: req.socket.remoteAddress },
        "telegram: webhook call without the right secret token",
      );
      return void res.writeHead(401).end();
    }
    const path = (req.url ?? "/").split("?")[0];
    if (path !== this.options.path) return void res.writeHead(404).end();
    if (req.method !== "POST") return void res.writeHead(405, { allow: "POST" }).end();
    if (this.reading >= (this.options.maxConcurrent ?? 64)) {
      this.options.log.warn({ reading: this.reading }, "telegram: webhook busy; asked Telegram to retry");
      return void res.writeHead(503, { "retry-after": "1" }).end();
    }
    // Held until the request is over, an oversized body's discarded rest included.
    this.reading++;
    req.once("close", () => this.reading--);
    const body = await readBody(req, () => void res.writeHead(413).end());
    if (body === null) return;
    let update: { update_id?: unknown };
    try {
      update = JSON.parse(body) as { update_id?: unknown };
    } catch {
      return void res.writeHead(400).end();
    }
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
    if (typeof update?.update_id !== "number") return;
    this.options.onUpdate(update as { update_id: number });
  }
}

function secretMatches(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== "string") return false;
  const given = Buffer.from(header);
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The body as text, or null when it is over MAX_BODY: then `tooLarge` answers at once and the rest
 * is read and dropped (destroying the request would reset the connection under the answer).
 */
function readBody(req: IncomingMessage, tooLarge: () => void): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    const overflow = () => {
      if (over) return;
      over = true;
      chunks.length = 0;
      tooLarge();
      resolve(null);
    };
    if (Number(req.headers["content-length"]) > MAX_BODY) overflow();
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) overflow();
      else chunks.push(chunk);
      if (size > MAX_DISCARD) req.destroy();
    });
    req.on("end", () => resolve(over ? null : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
