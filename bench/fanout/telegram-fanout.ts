/**
 * Telegram fan-out: a digest to many chats through the real platform's publish() (telegraf, the
 * paced sender, the SendThrottle), against the emulator behind our strict limits (telegram-server.ts,
 * another process). The floor is what the limits allow: with one message per chat, 30/s overall
 * binds (1,000 messages: the last can start 33 s after the first).
 */

import { silentLogger } from "../../src/domain/logger.js";
import type { Reply } from "../../src/domain/reply.js";
import { registry } from "../../src/framework/run-command.js";
import { createTelegramPlatform } from "../../src/platforms/telegram/index.js";
import { windowFloorMs } from "./limiter.js";
import { startServer } from "./server-process.js";
import { stubServices } from "./stub-services.js";

const TOKEN = "123456:bench-fanout";

interface ServerStats {
  accepted: number;
  refused: number;
  requests: number;
  arrivals: number[];
  latencies: number[];
}

export interface FanoutResult {
  scenario: string;
  targets: number;
  messages: number;
  limits: string;
  floorMs: number;
  elapsedMs: number;
  ratioToFloor: number;
  status429: number;
  errors: number;
  firstError?: string;
  requests: number;
  simulatedRttMs: number;
}

/**
 * Posts `reply` to `count` chats (groups: negative ids). `workers` bounds how many publish() calls
 * are in flight, as the scheduler's delivery workers do; 0 means all at once.
 */
export async function telegramFanout(options: {
  reply: Reply;
  count: number;
  groups: boolean;
  workers?: number;
  rttMs?: number;
  scenario: string;
}): Promise<FanoutResult> {
  const server = await startServer("telegram-server.ts", ["--rtt-ms", String(options.rttMs ?? 0)]);
  const platform = createTelegramPlatform({
    token: TOKEN,
    apiRoot: server.root,
    commands: registry([]),
    services: stubServices(),
    defaultLocale: "en",
    log: silentLogger,
  });
  const ids = Array.from({ length: options.count }, (_, i) =>
    options.groups ? String(-1_000_000_000_000 - i) : String(500_000 + i),
  );
  let errors = 0;
  let firstError: string | undefined;
  const publishOne = (id: string) =>
    platform
      .publish({ platform: "telegram", id }, options.reply, { key: `bench:${id}` })
      .catch((error: unknown) => {
        errors++;
        firstError ??= error instanceof Error ? error.message : String(error);
      });
  const started = performance.now();
  if (!options.workers) {
    await Promise.all(ids.map(publishOne));
  } else {
    const queue = [...ids];
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) await publishOne(id);
    };
    await Promise.all(Array.from({ length: options.workers }, worker));
  }
  const elapsedMs = performance.now() - started;
  await platform.stop();
  const stats = await server.stats<ServerStats>();
  await server.stop();
  const messages = stats.accepted;
  if (process.env.FANOUT_DEBUG) {
    const a = stats.arrivals;
    const gaps = a
      .slice(1)
      .map((x, i) => x - (a[i] as number))
      .sort((x, y) => x - y);
    const lat = [...stats.latencies].sort((x, y) => x - y);
    const q = (xs: number[], p: number) => Math.round((xs[Math.floor(p * (xs.length - 1))] ?? 0) * 10) / 10;
    process.stderr.write(
      `gaps p50 ${q(gaps, 0.5)} p90 ${q(gaps, 0.9)} p99 ${q(gaps, 0.99)} max ${q(gaps, 1)}; emulator latency p50 ${q(lat, 0.5)} p90 ${q(lat, 0.9)} p99 ${q(lat, 0.99)}; span ${Math.round((a.at(-1) ?? 0) - (a[0] ?? 0))}\n`,
    );
  }
  // Each group gets one message here, so 20/min per group never binds: 30/s overall does.
  const perTarget = Math.ceil(messages / options.count);
  const floorMs = Math.max(
    windowFloorMs(messages, 30, 1000),
    options.groups ? windowFloorMs(perTarget, 20, 60_000) : 0,
    windowFloorMs(perTarget, 1, 1000),
  );
  return {
    scenario: options.scenario,
    targets: options.count,
    messages,
    limits: options.groups ? "30/s overall, 20/min per group, 1/s per chat" : "30/s overall, 1/s per chat",
    floorMs,
    elapsedMs: Math.round(elapsedMs),
    ratioToFloor: Math.round((elapsedMs / floorMs) * 1000) / 1000,
    status429: stats.refused,
    errors,
    ...(firstError ? { firstError } : {}),
    requests: stats.requests,
    simulatedRttMs: options.rttMs ?? 0,
  };
}
