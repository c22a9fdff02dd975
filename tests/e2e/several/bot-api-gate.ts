import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A gate between the bots and the Telegram emulator: everything is passed on, and while closed,
 * the answers to sendMessage are held back (the emulator has taken the message; the bot does not
 * know it yet). What was held when a process is killed is exactly the window ADR 0066 counts: a
 * message Telegram posted that the dead process could not mark done. Each process is given its
 * own root (`rootFor(i)`: a path prefix the gate strips), so every send is known by its sender.
 */
/** One sendMessage through the gate: to which chat, from which process (`rootFor`'s index). */
export interface Send {
  chat: string;
  process: number;
}

export class BotApiGate {
  private closed = false;
  private readonly waiting: (() => void)[] = [];
  /** sendMessage requests received whole (and passed on to the emulator), once each time. */
  readonly requested: Send[] = [];
  /** sendMessage answers held back: the chat and the sending process, once each time. */
  readonly held: Send[] = [];
  /** sendMessage answers passed on to the bot, once each time. */
  readonly answered: Send[] = [];

  private constructor(
    private readonly http: Server,
    readonly root: string,
  ) {}

  static async start(target: string): Promise<BotApiGate> {
    const http = createServer();
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    const gate = new BotApiGate(http, `http://127.0.0.1:${(http.address() as AddressInfo).port}`);
    http.on("request", (req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks);
        const prefixed = /^\/p(\d+)(\/.*)$/.exec(req.url ?? "/");
        const path = prefixed?.[2] ?? req.url ?? "/";
        const chat = /\/sendMessage$/.test(path)
          ? String((JSON.parse(body.toString("utf8") || "{}") as { chat_id?: unknown }).chat_id)
          : null;
        const sent: Send | null =
          chat === null ? null : { chat, process: prefixed ? Number(prefixed[1]) : -1 };
        if (sent) gate.requested.push(sent);
        const forward = request(
          `${target}${path}`,
          { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
          (up) => {
            const answer: Buffer[] = [];
            up.on("data", (c: Buffer) => answer.push(c));
            up.on("end", () => {
              const send = () => {
                res.writeHead(up.statusCode ?? 502, up.headers);
                res.end(Buffer.concat(answer));
              };
              if (!sent) return send();
              if (gate.closed) {
                gate.held.push(sent);
                gate.waiting.push(() => {
                  gate.answered.push(sent);
                  send();
                });
              } else {
                gate.answered.push(sent);
                send();
              }
            });
          },
        );
        forward.on("error", () => {
          res.writeHead(502);
          res.end();
        });
        forward.end(body);
      });
    });
    return gate;
  }

  /** The Bot API root for process `index` (the trailing slash keeps the prefix in telegraf's URLs). */
  rootFor(index: number): string {
    return `${this.root}/p${index}/`;
  }

  /** Holds every sendMessage answer from now on. */
  close(): void {
    this.closed = true;
  }

  /** Sends the held answers (to whoever is still there) and passes everything again. */
  open(): void {
    this.closed = false;
    for (const send of this.waiting.splice(0)) send();
  }

  async stop(): Promise<void> {
    this.open();
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }
}
