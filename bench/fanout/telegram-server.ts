/**
 * The Telegram side of the fan-out benchmark, in its own process (as Telegram is not in the
 * bot's): tests/e2e/telegram/emulator.ts behind a proxy of ours that enforces Telegram's limits
 * strictly on arrival times (30 messages/s per bot, 1/s per chat, 20/min per group) and answers
 * 429 with retry_after when a message would break one; everything else is forwarded untouched.
 * Prints "PORT <n>" when ready; GET /__stats returns the counts; ends on SIGTERM.
 *
 *   node --import tsx bench/fanout/telegram-server.ts [--rtt-ms 0]
 */
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { Emulator } from "../../tests/e2e/telegram/emulator.js";
import { argValue } from "../speed/stats.js";
import { SlidingWindow } from "./limiter.js";

const SEND_METHODS = /^send[A-Z]|^editMessage|^copyMessage|^forwardMessage/;

/** The proxy: limits, then the emulator. `rttMs` delays each answer, as a real network would. */
export async function limitingProxy(target: string, rttMs: number) {
  const global = new SlidingWindow(30, 1000);
  const chats = new Map<string, SlidingWindow>();
  const groups = new Map<string, SlidingWindow>();
  const stats = { accepted: 0, refused: 0, requests: 0, arrivals: [] as number[], latencies: [] as number[] };
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const arrived = performance.now();
    if (req.url === "/__stats") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(stats));
      return;
    }
    stats.requests++;
    const method = /^\/bot[^/]+\/([^/?]+)/.exec(req.url ?? "")?.[1] ?? "";
    if (SEND_METHODS.test(method)) {
      let chatId = "";
      try {
        const params = JSON.parse(body.toString("utf8") || "{}") as { chat_id?: unknown };
        chatId = String(params.chat_id ?? "");
      } catch {
        chatId = "";
      }
      const chat = chats.get(chatId) ?? new SlidingWindow(1, 1000);
      chats.set(chatId, chat);
      const group = chatId.startsWith("-") ? (groups.get(chatId) ?? new SlidingWindow(20, 60_000)) : null;
      if (group) groups.set(chatId, group);
      const wait = Math.max(global.waitMs(arrived), chat.waitMs(arrived), group?.waitMs(arrived) ?? 0);
      if (wait > 0) {
        stats.refused++;
        const retryAfter = Math.max(1, Math.ceil(wait / 1000));
        res.writeHead(429, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            ok: false,
            error_code: 429,
            description: `Too Many Requests: retry after ${retryAfter}`,
            parameters: { retry_after: retryAfter },
          }),
        );
        return;
      }
      global.take(arrived);
      chat.take(arrived);
      group?.take(arrived);
      stats.accepted++;
      stats.arrivals.push(arrived);
    }
    const forward = request(
      `${target}${req.url ?? "/"}`,
      { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
      (up) => {
        const upChunks: Buffer[] = [];
        up.on("data", (c: Buffer) => upChunks.push(c));
        up.on("end", () => {
          if (SEND_METHODS.test(method)) stats.latencies.push(performance.now() - arrived);
          const send = () => {
            res.writeHead(up.statusCode ?? 502, up.headers);
            res.end(Buffer.concat(upChunks));
          };
          if (rttMs > 0) setTimeout(send, rttMs);
          else send();
        });
      },
    );
    forward.on("error", () => {
      res.writeHead(502);
      res.end();
    });
    forward.end(body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    root: `http://127.0.0.1:${port}`,
    stats,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

const emulator = await Emulator.start();
const proxy = await limitingProxy(emulator.apiRoot, Number(argValue(process.argv, "--rtt-ms") ?? 0));
process.stdout.write(`PORT ${new URL(proxy.root).port}\n`);
process.on("SIGTERM", () => {
  void proxy
    .close()
    .then(() => emulator.stop())
    .then(() => process.exit(0));
});
