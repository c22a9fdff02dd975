/**
 * The Discord side of the fan-out benchmark, in its own process: tests/e2e/discord/stand-in.ts
 * behind a proxy of ours that enforces Discord's global limit strictly on arrival times (50
 * requests in any second, every REST call counted) and answers 429 with the global headers
 * when a request would break it. The stand-in knows two channels; the proxy adds the benchmark's
 * channels to the server the bot sees at login (GUILD_CREATE, relayed over the gateway), as a
 * real guild's channels arrive, and sends their messages on to the stand-in's channel.
 * Prints "PORT <n>" when ready; GET /__stats returns the counts; ends on SIGTERM.
 *
 *   node --import tsx bench/fanout/discord-server.ts --channels 1000 [--rtt-ms 0]
 *
 * `--rtt-ms` delays each REST answer, as a real network would (the gateway is not delayed).
 */
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocket, WebSocketServer } from "ws";
import { CHANNEL_ID, DiscordStandIn, GUILD_ID } from "../../tests/e2e/discord/stand-in.js";
import { argValue } from "../speed/stats.js";
import { SlidingWindow } from "./limiter.js";

export const BENCH_CHANNEL_PREFIX = "31";
export const TOKEN = "bench-fanout-token";
const channels = Number(argValue(process.argv, "--channels") ?? 1000);
const rttMs = Number(argValue(process.argv, "--rtt-ms") ?? 0);
export const benchChannelId = (i: number) => `${BENCH_CHANNEL_PREFIX}${String(i).padStart(16, "0")}`;
const benchIds = new Set(Array.from({ length: channels }, (_, i) => benchChannelId(i)));

const standIn = await DiscordStandIn.start({ token: TOKEN });
const upstream = `http://127.0.0.1:${standIn.port}`;
const global = new SlidingWindow(50, 1000);
const stats = {
  accepted: 0,
  refused: 0,
  requests: 0,
  messages: 0,
  arrivals: [] as number[],
  /** Arrival times of channel messages alone (the fan-out), beside every REST call's above. */
  messageArrivals: [] as number[],
};

const http = createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  let body = Buffer.concat(chunks);
  const arrived = performance.now();
  if (req.url === "/__stats") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(stats));
    return;
  }
  stats.requests++;
  const wait = global.take(arrived);
  if (wait > 0) {
    stats.refused++;
    const seconds = (Math.ceil(wait) / 1000).toFixed(3);
    res.writeHead(429, {
      "content-type": "application/json",
      "retry-after": seconds,
      "x-ratelimit-global": "true",
      "x-ratelimit-scope": "global",
    });
    res.end(
      JSON.stringify({ message: "You are being rate limited.", retry_after: Number(seconds), global: true }),
    );
    return;
  }
  stats.accepted++;
  stats.arrivals.push(arrived);
  let path = req.url ?? "/";
  const channel = /^\/api\/v\d+\/channels\/(\d+)(\/messages)?$/.exec(path.split("?")[0] ?? "");
  const benchChannel = channel?.[1] && benchIds.has(channel[1]) ? channel[1] : null;
  if (benchChannel && !channel?.[2]) {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(textChannel(benchChannel, 0)));
    return;
  }
  if (benchChannel) {
    path = path.replace(benchChannel, CHANNEL_ID);
    stats.messages++;
    stats.messageArrivals.push(arrived);
  }
  const forward = request(
    `${upstream}${path}`,
    {
      method: req.method,
      headers: { ...req.headers, host: `127.0.0.1:${standIn.port}`, "content-length": body.length },
    },
    (up) => {
      const upChunks: Buffer[] = [];
      up.on("data", (c: Buffer) => upChunks.push(c));
      up.on("end", () => {
        let out = Buffer.concat(upChunks);
        const text = out.toString("utf8");
        if (req.url?.includes("/gateway/bot")) {
          out = Buffer.from(text.replace(`ws://127.0.0.1:${standIn.port}`, `ws://127.0.0.1:${port}`));
        } else if (benchChannel) {
          out = Buffer.from(text.replaceAll(CHANNEL_ID, benchChannel));
        }
        const { "transfer-encoding": _chunked, ...kept } = up.headers;
        const headers = { ...kept, "content-length": String(out.length) };
        const send = () => {
          res.writeHead(up.statusCode ?? 502, headers);
          res.end(out);
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
  body = body.length ? body : Buffer.alloc(0);
  forward.end(body);
});

function textChannel(id: string, position: number) {
  return { id, type: 0, guild_id: GUILD_ID, name: `news-${position}`, position, permission_overwrites: [] };
}

// The gateway, relayed: GUILD_CREATE gains the benchmark's channels.
const wss = new WebSocketServer({ server: http });
wss.on("connection", (client) => {
  const up = new WebSocket(`ws://127.0.0.1:${standIn.port}`);
  const early: string[] = [];
  up.on("open", () => {
    for (const m of early.splice(0)) up.send(m);
  });
  client.on("message", (data) => {
    const text = String(data);
    if (up.readyState === WebSocket.OPEN) up.send(text);
    else early.push(text);
  });
  up.on("message", (data) => {
    let text = String(data);
    if (text.includes('"GUILD_CREATE"')) {
      const payload = JSON.parse(text) as { d: { channels: object[] } };
      let position = payload.d.channels.length;
      for (const id of benchIds) payload.d.channels.push(textChannel(id, position++));
      text = JSON.stringify(payload);
    }
    if (client.readyState === WebSocket.OPEN) client.send(text);
  });
  client.on("close", () => up.close());
  up.on("close", () => client.close());
  up.on("error", () => client.close());
});

await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
const port = (http.address() as AddressInfo).port;
process.stdout.write(`PORT ${port}\n`);
process.on("SIGTERM", () => {
  for (const c of wss.clients) c.terminate();
  http.closeAllConnections();
  http.close();
  void standIn.close().then(() => process.exit(0));
});
