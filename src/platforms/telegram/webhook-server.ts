import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Logger } from "../../framework/ports.js";

/**
 * The webhook endpoint: a bare node:http server. Every request must carry Telegram's
 * X-Telegram-Bot-Api-Secret-Token header (missing or wrong: 401, compared in constant time).
 * The update is acknowledged with 200 at once and handled afterwards, so a slow command never
 * makes Telegram time out and redeliver (the platform drops any redelivery by update_id).
 */

const MAX_BODY = 1_000_000;
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
}

export class WebhookServer {
  private server: Server | null = null;

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
    const body = await readBody(req);
    if (body === null) return void res.writeHead(413).end();
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

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
