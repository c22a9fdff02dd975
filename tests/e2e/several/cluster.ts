import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createDatabase, dropDatabase } from "../../helpers/postgres.js";
import { postgresBase } from "../../helpers/postgres-base.js";
import { spawnBot } from "../../helpers/spawn-bot.js";
import { markdownArticle, tempContent } from "../../helpers/temp-content.js";
import { waitFor } from "../../helpers/wait-for.js";
import { DiscordStandIn } from "../discord/stand-in.js";
import { Emulator, freePort } from "../telegram/emulator.js";
import { BotApiGate } from "./bot-api-gate.js";

/**
 * Several real bot processes (`src/main.ts`, as `npm start` runs it) on one real PostgreSQL, with
 * the Discord stand-in and the Telegram emulator: what an operator runs on several machines, on
 * one. Each process has its own local SQLite index and its own Discord shard, all read one content
 * folder, and take Telegram updates by webhook (so a test can hand an update to the process it
 * chooses). The emulator sits behind a gate that can hold Telegram's answers (bot-api-gate.ts).
 */

export const DISCORD_TOKEN = "MTA4several.processes.token";
export const TELEGRAM_TOKEN = "424242:SEVERALprocesses";
export const WEBHOOK_SECRET = "several_processes-secret";

export type Bot = ReturnType<typeof spawnBot> & { index: number; webhook: string };

/** Still running (a process killed by a signal has no exit code: its signalCode says so). */
export const alive = (bot: Bot) => bot.child.exitCode === null && bot.child.signalCode === null;

export interface ClusterOptions {
  processes: number;
  discordChannels: readonly string[];
  telegramChats: readonly string[];
  digestCron?: string;
}

export async function startCluster(options: ClusterOptions) {
  const url = await createDatabase(await postgresBase(), "several");
  const db = new pg.Pool({ connectionString: url, max: 2 });
  const content = tempContent("newsdesk-several-");
  for (const i of [1, 2, 3]) {
    content.write(
      `2025-07-0${i}-market-${i}.md`,
      markdownArticle({
        title: `Market report ${i}`,
        body: `Prices moved on day ${i}. Traders watched.`,
        date: `2025-07-0${i}`,
      }),
    );
  }
  const work = mkdtempSync(join(tmpdir(), "newsdesk-several-db-"));
  const discord = await DiscordStandIn.start({ token: DISCORD_TOKEN, channels: options.discordChannels });
  const emulator = await Emulator.start();
  const gate = await BotApiGate.start(emulator.apiRoot);
  const targets = [
    ...options.discordChannels.map((id) => `discord:${id}`),
    ...options.telegramChats.map((id) => `telegram:${id}`),
  ];
  const bots: Bot[] = [];

  const start = async (index: number): Promise<Bot> => {
    const port = await freePort();
    const webhook = `http://127.0.0.1:${port}/telegram`;
    const bot = spawnBot({
      DATABASE_URL: url,
      DATABASE_PATH: join(work, `index-${index}.db`),
      CONTENT_DIR: content.dir,
      DISCORD_TOKEN,
      DISCORD_API_BASE: discord.apiBase,
      DISCORD_SHARDS: String(index % options.processes),
      DISCORD_SHARD_COUNT: String(options.processes),
      TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
      TELEGRAM_API_ROOT: gate.rootFor(index),
      TELEGRAM_WEBHOOK_URL: webhook,
      TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
      TELEGRAM_WEBHOOK_PORT: String(port),
      ANNOUNCE_TARGETS: targets.join(","),
      DIGEST_CRON: options.digestCron ?? "",
      NEWS_TIMEZONE: "UTC",
      LOAD_THREADS: "1",
    });
    const entry = Object.assign(bot, { index, webhook });
    bots.push(entry);
    // The log goes to stderr.
    await bot.waitFor(/scheduler running/, "stderr", 60_000);
    await bot.waitFor(/telegram: bot is up/, "stderr", 30_000);
    return entry;
  };

  return {
    url,
    db,
    content,
    discord,
    emulator,
    gate,
    targets,
    bots,
    start,

    /** The process planning now: the holder of the planner lease, by its scheduler's pid. */
    async planner(): Promise<Bot | undefined> {
      const { rows } = await db.query<{ pid: number }>(
        `SELECT i.pid FROM leases l JOIN scheduler_instances i ON i.id = l.holder WHERE l.name = 'planner'`,
      );
      return bots.find((b) => b.child.pid === rows[0]?.pid && alive(b));
    },

    /** Posts a Telegram update to one process's webhook, as Telegram would. */
    async hand(bot: Bot, update: object): Promise<number> {
      const answer = await fetch(bot.webhook, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": WEBHOOK_SECRET },
        body: JSON.stringify(update),
      });
      return answer.status;
    },

    /** Resolves once the outbox holds nothing unsent (every delivery done, failed or dropped). */
    async drained(timeoutMs = 90_000): Promise<void> {
      await waitFor(
        async () => {
          const { rows } = await db.query<{ n: number }>(
            "SELECT COUNT(*)::int AS n FROM deliveries WHERE state IN ('pending', 'sending')",
          );
          return rows[0]?.n === 0;
        },
        { what: "the outbox to drain", timeoutMs, intervalMs: 100 },
      );
    },

    /** Discord messages created per channel (a repeated nonce returns the first message: not counted). */
    discordCount(channelId: string): number {
      const nonces = discord.calls
        .filter(
          (c) => c.method === "POST" && c.path === `/channels/${channelId}/messages` && c.status === 200,
        )
        .map((c) => String(c.body?.nonce));
      return new Set(nonces).size;
    },

    telegramCount(chatId: string): number {
      return emulator.botMessages(TELEGRAM_TOKEN, chatId).length;
    },

    async stop(): Promise<void> {
      for (const bot of bots) if (alive(bot)) bot.child.kill("SIGKILL");
      await Promise.all(bots.map((b) => b.exited));
      await db.end();
      await gate.stop();
      await emulator.stop();
      await discord.close();
      await dropDatabase(url).catch(() => undefined);
      content.remove();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

export type Cluster = Awaited<ReturnType<typeof startCluster>>;

/** A Telegram update: a private chat's command, with its bot_command entity. */
export function commandUpdate(updateId: number, chatId: number, text: string) {
  const command = text.split(" ")[0] ?? text;
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: "private", first_name: "Mod" },
      from: { id: chatId, is_bot: false, first_name: "Mod", language_code: "en" },
      text,
      entities: [{ type: "bot_command", offset: 0, length: command.length }],
    },
  };
}
