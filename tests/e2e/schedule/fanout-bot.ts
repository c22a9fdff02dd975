/**
 * A tiny bot for the crash tests: the real scheduler on a database file, a configured digest
 * every second to `TARGETS` targets (50 by default), and a publisher that takes `DELAY_MS` per
 * post and then appends one line per delivery to `SINK` (the "platform" has accepted the post
 * when its line is written). It exits 0 once the outbox is drained.
 *
 * The publisher behaves like Discord with `nonce` + `enforce_nonce`: a post whose idempotency
 * key the "platform" (the sink) already holds is not posted again, but the attempt is written
 * down (`duplicate: true`), so the test can check that only sends in flight at the kill were
 * retried. With MODE=plain it is a plain publisher (Telegram: at-least-once in the window).
 *
 * Fault injection, through the publisher port (the scheduler is not told): `KILL_AT=n` SIGKILLs
 * the process inside its n-th publish call, `KILL_WHEN=before-send` right after the claim (nothing
 * reached the platform) or `after-accept` right after the platform accepted the post (before the
 * scheduler could mark it done). `GO_FILE` makes the bot wait, ready, until that file exists, so
 * two processes can start their schedulers together; with `MEET=n` no post goes out before n
 * processes have each claimed one (each writes its pid to `SINK.meet.<pid>`), so all of them race.
 *
 *   DB=/tmp/x.db SINK=/tmp/sink.jsonl DELAY_MS=40 node --import tsx tests/e2e/schedule/fanout-bot.ts
 */
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { Article } from "../../../src/domain/article.js";
import { systemClock, systemTimers } from "../../../src/domain/clock.js";
import type { WatchedLibrary } from "../../../src/domain/library.js";
import { silentLogger } from "../../../src/domain/logger.js";
import type { Publisher } from "../../../src/domain/publisher.js";
import type { Reply } from "../../../src/domain/reply.js";
import { PublisherRegistry } from "../../../src/schedule/publisher-registry.js";
import { createScheduler } from "../../../src/schedule/scheduler.js";
import { openDatabase } from "../../../src/store/sqlite/database.js";
import { SqliteSchedulingStore } from "../../../src/store/sqlite/scheduling-store.js";

const dbPath = process.env.DB ?? "";
const sink = process.env.SINK ?? "";
const delayMs = Number(process.env.DELAY_MS ?? "40");
const plain = process.env.MODE === "plain";
const killAt = Number(process.env.KILL_AT ?? "0");
const killWhen = process.env.KILL_WHEN ?? "after-accept";
const goFile = process.env.GO_FILE ?? "";
const meet = Number(process.env.MEET ?? "0");
if (!dbPath || !sink) throw new Error("DB and SINK are required");

const TARGETS = Array.from(
  { length: Number(process.env.TARGETS ?? "50") },
  (_, i) => `telegram:-100${1000 + i}`,
);

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

const library: WatchedLibrary = {
  search: () => [seedMeta],
  latest: () => [seedMeta],
  get: (id) => (id === seed.id ? seed : null),
  getMeta: (id) => (id === seed.id ? seedMeta : null),
  resolve: () => ({ article: seed, by: "id" }),
  topics: () => ({ categories: [], tags: [] }),
  suggest: () => [],
  count: () => 1,
  onChange: () => undefined,
};

let posts = 0;
let calls = 0;

/** The keys the "platform" has already accepted: its nonce table, which outlives our process. */
function accepted(key: string): boolean {
  if (!existsSync(sink)) return false;
  return readFileSync(sink, "utf8")
    .split("\n")
    .some((line) => line !== "" && (JSON.parse(line) as { key?: string; duplicate?: boolean }).key === key);
}

/** The injected fault: this process dies here, with no chance to record anything (`SINK.killed` names the post). */
function killHere(when: string, channelId: string): void {
  if (calls !== killAt || killWhen !== when) return;
  writeFileSync(`${sink}.killed`, channelId);
  process.kill(process.pid, "SIGKILL");
}

/** Until `meet` processes have each claimed a post (they mark it with a file beside the sink). */
async function meetTheOthers(): Promise<void> {
  if (meet === 0) return;
  if (calls === 1) writeFileSync(`${sink}.meet.${process.pid}`, "");
  const mine = `${basename(sink)}.meet.`;
  while (readdirSync(dirname(sink)).filter((f) => f.startsWith(mine)).length < meet) await sleep(5);
}

async function post(channelId: string, reply: Reply, key: string | null): Promise<{ messageId: string }> {
  calls += 1;
  killHere("before-send", channelId);
  await meetTheOthers();
  // The slow part is the network; the platform accepts the post when the line is written.
  if (delayMs > 0) await sleep(delayMs);
  const duplicate = key !== null && accepted(key);
  const line = { channelId, key, title: reply.cards[0]?.title, pid: process.pid, duplicate };
  appendFileSync(sink, `${JSON.stringify(line)}\n`);
  killHere("after-accept", channelId);
  posts += 1;
  return { messageId: `${process.pid}-${posts}` };
}

// Like Discord, the "platform" keeps a post once per key; a plain one (Telegram) ignores the key.
const telegram: Publisher = {
  platform: "telegram",
  publish: (target, reply, { key }) => post(target.id, reply, plain ? null : key),
};

const db = openDatabase(dbPath);
const scheduler = createScheduler({
  // A process hears the other's commits (the planner's) within 5 ms; the bot looks every 200 ms
  // (src/core.ts), which a fan-out of instant sends would end before: the claims must race here.
  store: new SqliteSchedulingStore(db, 5),
  library,
  insights: {
    summary: async (a, n) => [a.sections[0]?.text ?? ""].slice(0, n),
    facts: async () => [],
    cachedSummary: () => null,
  },
  publishers: new PublisherRegistry([telegram]),
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
if (goFile) {
  process.stdout.write(`ready ${process.pid}\n`);
  while (!existsSync(goFile)) await sleep(5);
}
await scheduler.start();
process.stdout.write(`started ${process.pid}\n`);

const poll = setInterval(async () => {
  const stats = await scheduler.stats();
  if (stats.done + stats.failed >= TARGETS.length && stats.pending + stats.sending === 0) {
    clearInterval(poll);
    await scheduler.stop();
    db.close();
    process.stdout.write(`drained ${JSON.stringify(stats)}\n`);
    process.exit(0);
  }
}, 50);
