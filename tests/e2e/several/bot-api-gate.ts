import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A gate between the bots and the Telegram emulator: everything is passed on, and while closed,
 * the answers to sendMessage are held back (the emulator has taken the message; the bot does not
 * know it yet). What was held when a process is killed is exactly the window ADR 0066 counts: a
 * message Telegram posted that the dead process could not mark done.
 */
export class BotApiGate {
  private closed = false;
  private readonly waiting: (() => void)[] = [];
  /** Chats whose sendMessage answer was held back, once each time. */
  readonly held: string[] = [];
  /** Chats whose sendMessage answer was passed on to the bot, once each time. */
  readonly answered: string[] = [];

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
        const forward = request(
          `${target}${req.url ?? "/"}`,
          { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
          (up) => {
            const answer: Buffer[] = [];
            up.on("data", (c: Buffer) => answer.push(c));
            up.on("end", () => {
              const send = () => {
                res.writeHead(up.statusCode ?? 502, up.headers);
                res.end(Buffer.concat(answer));
              };
              if (!/\/sendMessage$/.test(req.url ?? "")) return send();
              const chat = String(
                (JSON.parse(body.toString("utf8") || "{}") as { chat_id?: unknown }).chat_id,
              );
              if (gate.closed) {
                gate.held.push(chat);
                gate.waiting.push(() => {
                  gate.answered.push(chat);
                  send();
                });
              } else {
                gate.answered.push(chat);
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
