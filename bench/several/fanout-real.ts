/**
 * A fan-out through the real delivery path (issue 17): `targets` ANNOUNCE_TARGETS get the digest
 * DIGEST_CRON plans (every 30 s: the first slot after the start), claimed from the outbox by the
 * delivery workers of `processes` bot processes and sent by their platform adapters, against the
 * platform's stand-in behind strict limits with `rttMs` added to every answer (bench/fanout/*-server.ts).
 * Elapsed is from the first message's arrival to the last one's, against the floor of the limit.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase, dropDatabase } from "../../tests/helpers/postgres.js";
import { windowFloorMs } from "../fanout/limiter.js";
import { startServer } from "../fanout/server-process.js";
import { benchContent, startBot } from "./bots.js";

export interface RealFanout {
  platform: "discord" | "telegram";
  engine: "sqlite" | "postgres";
  processes: number;
  messages: number;
  limit: string;
  floorMs: number;
  elapsedMs: number;
  ratio: number;
  status429: number;
  /** Messages over one per target (none expected: no process was killed). */
  extra: number;
}

const DISCORD_TOKEN = "bench-fanout-token";
const TELEGRAM_TOKEN = "123456:BENCHfanout";
const discordChannel = (i: number) => `31${String(i).padStart(16, "0")}`;

interface Stats {
  refused: number;
  accepted: number;
  messages?: number;
  arrivals: number[];
  messageArrivals?: number[];
}

export async function realFanout(options: {
  platform: "discord" | "telegram";
  engine: "sqlite" | "postgres";
  processes: number;
  targets: number;
  rttMs: number;
  /** The PostgreSQL server's base URL (engine postgres). */
  pgBase?: string;
  log: (line: string) => void;
}): Promise<RealFanout> {
  const { platform, engine, processes, targets, rttMs } = options;
  const discord = platform === "discord";
  const server = await startServer(discord ? "discord-server.ts" : "telegram-server.ts", [
    "--channels",
    String(targets),
    "--rtt-ms",
    String(rttMs),
  ]);
  const content = benchContent();
  const work = mkdtempSync(join(tmpdir(), "newsdesk-several-run-"));
  const url = engine === "postgres" ? await createDatabase(options.pgBase ?? "", "fanout") : undefined;
  const targetList = Array.from({ length: targets }, (_, i) =>
    discord ? `discord:${discordChannel(i)}` : `telegram:${7_000_000 + i}`,
  );
  const bots = Array.from({ length: processes }, (_, i) =>
    startBot({
      CONTENT_DIR: content.dir,
      DATABASE_PATH: join(work, `index-${i}.db`),
      ...(url ? { DATABASE_URL: url } : {}),
      NEWS_TIMEZONE: "UTC",
      DIGEST_CRON: "*/30 * * * * *",
      ANNOUNCE_TARGETS: targetList.join(","),
      ...(discord
        ? {
            DISCORD_TOKEN,
            DISCORD_API_BASE: `${server.root}/api`,
            ...(processes > 1 ? { DISCORD_SHARDS: String(i), DISCORD_SHARD_COUNT: String(processes) } : {}),
          }
        : { TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN, TELEGRAM_API_ROOT: server.root }),
    }),
  );
  try {
    for (const bot of bots) await bot.waitFor(/scheduler running/);
    // On a shared store each process sends once it holds its share of the budget.
    if (url) for (const bot of bots) await bot.waitFor(/"perSecond":[1-9]/);
    options.log(`${platform}, ${engine}, ${processes} process(es): up, waiting for the slot`);
    const count = (s: Stats) => (discord ? (s.messages ?? 0) : s.accepted);
    const deadline = Date.now() + 240_000;
    for (;;) {
      const stats = await server.stats<Stats>();
      if (count(stats) >= targets) break;
      if (Date.now() > deadline) throw new Error(`only ${count(stats)} of ${targets} messages arrived`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // A moment for anything extra (a duplicate would show here).
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const stats = await server.stats<Stats>();
    if (process.env.BENCH_DEBUG) {
      for (const bot of bots) {
        const lines = bot
          .log()
          .split("\n")
          .filter((l) => /"level":[4-6]0|perSecond|lease/.test(l));
        options.log(lines.slice(-15).join("\n"));
      }
    }
    const arrivals = [...((discord ? stats.messageArrivals : stats.arrivals) ?? [])].sort((a, b) => a - b);
    const perSecond = discord ? 50 : 30;
    const floorMs = windowFloorMs(targets, perSecond, 1000);
    const elapsedMs = (arrivals.at(-1) ?? 0) - (arrivals[0] ?? 0);
    return {
      platform,
      engine,
      processes,
      messages: count(stats),
      limit: `${perSecond}/s overall${discord ? "" : ", 1/s per chat"}`,
      floorMs,
      elapsedMs: Math.round(elapsedMs),
      ratio: Math.round((elapsedMs / floorMs) * 1000) / 1000,
      status429: stats.refused,
      extra: count(stats) - targets,
    };
  } finally {
    await Promise.all(bots.map((b) => b.stop()));
    await server.stop();
    if (url) await dropDatabase(url).catch(() => undefined);
    content.remove();
    rmSync(work, { recursive: true, force: true });
  }
}
