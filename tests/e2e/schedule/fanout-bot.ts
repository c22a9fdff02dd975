/**
 * A tiny bot for the crash test: the real scheduler on a database file, a configured digest
 * every second to 50 targets, and a publisher that takes `DELAY_MS` per post and then appends
 * one line per delivery to `SINK`. It exits 0 once the outbox is drained.
 *
 * The publisher behaves like Discord with `nonce` + `enforce_nonce`: a post whose idempotency
 * key the "platform" (the sink) already holds is not posted again, but the attempt is written
 * down (`duplicate: true`), so the test can check that only sends in flight at the kill were
 * retried. With MODE=plain it is a plain publisher (Telegram-like: at-least-once in the window).
 *
 *   DB=/tmp/x.db SINK=/tmp/sink.jsonl DELAY_MS=40 node --import tsx tests/e2e/schedule/fanout-bot.ts
 */
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import type { Article } from "../../../src/content/article.js";
import { silentLogger, systemClock } from "../../../src/framework/ports.js";
import type { Reply } from "../../../src/framework/reply.js";
import { createScheduler } from "../../../src/schedule/scheduler.js";
import type { IdempotentPublisher, SchedulerLibrary } from "../../../src/schedule/scheduler-env.js";
import { systemTimers } from "../../../src/schedule/timers.js";
import { openDatabase } from "../../../src/store/database.js";

const dbPath = process.env.DB ?? "";
const sink = process.env.SINK ?? "";
const delayMs = Number(process.env.DELAY_MS ?? "40");
const plain = process.env.MODE === "plain";
if (!dbPath || !sink) throw new Error("DB and SINK are required");

export const TARGETS = Array.from({ length: 50 }, (_, i) => `telegram:-100${1000 + i}`);

const seed: Article = {
  id: "seed",
  title: "Pakistan and El Salvador discuss Bitcoin strategy",
  author: null,
  category: "Bitcoin",
  tags: ["bitcoin"],
  lang: "en",
  date: "2025-07-17",
  sections: [{ heading: null, text: "A meeting. A letter of intent. A plan." }],
  source: null,
  file: "seed.txt",
  summary: null,
  publishAt: null,
};
const { sections: _sections, ...seedMeta } = seed;

const library: SchedulerLibrary = {
  search: () => [seedMeta],
  latest: () => [seedMeta],
  get: (id) => (id === seed.id ? seed : null),
  getMeta: (id) => (id === seed.id ? seedMeta : null),
  resolve: () => seed,
  topics: () => ({ categories: [], tags: [] }),
  suggest: () => [],
  count: () => 1,
};

let posts = 0;

/** The keys the "platform" has already accepted: its nonce table, which outlives our process. */
function accepted(key: string): boolean {
  if (!existsSync(sink)) return false;
  return readFileSync(sink, "utf8")
    .split("\n")
    .some((line) => line !== "" && (JSON.parse(line) as { key?: string; duplicate?: boolean }).key === key);
}

async function post(channelId: string, reply: Reply, key: string | null): Promise<{ messageId: string }> {
  // The slow part is the network; the platform accepts the post when the line is written.
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  const duplicate = key !== null && accepted(key);
  const line = { channelId, key, title: reply.cards[0]?.title, pid: process.pid, duplicate };
  appendFileSync(sink, `${JSON.stringify(line)}\n`);
  posts += 1;
  return { messageId: `${process.pid}-${posts}` };
}

const publisher: IdempotentPublisher = {
  platform: "telegram",
  publish: (channelId, reply) => post(channelId, reply, null),
  publishOnce: (channelId, reply, _locale, key) => post(channelId, reply, key),
};
const telegram = plain ? { platform: publisher.platform, publish: publisher.publish } : publisher;

const db = openDatabase(dbPath);
const scheduler = createScheduler({
  db,
  library,
  insights: {
    summary: async (a, n) => [a.sections[0]?.text ?? ""].slice(0, n),
    facts: async () => [],
    cachedSummary: () => null,
  },
  publishers: { telegram },
  clock: systemClock,
  timers: systemTimers,
  log: silentLogger,
  config: {
    digestCron: "* * * * * *",
    timeZone: "UTC",
    targets: TARGETS,
    catchUp: "latest",
    defaultLocale: "en",
  },
  tuning: { concurrency: 2, maxSleepMs: 500, heartbeatMs: 500 },
});
await scheduler.start();
process.stdout.write(`started ${process.pid}\n`);

const poll = setInterval(async () => {
  const stats = scheduler.stats();
  if (stats.done + stats.failed >= TARGETS.length && stats.pending + stats.sending === 0) {
    clearInterval(poll);
    await scheduler.stop();
    db.close();
    process.stdout.write(`drained ${JSON.stringify(stats)}\n`);
    process.exit(0);
  }
}, 50);
