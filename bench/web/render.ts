/**
 * `npm run bench:web`: the dashboard's goals (issue 14) on the real library at 10,000 articles
 * (bench/corpus/10000, `npm run bench:corpus`).
 *   1. Server-side render of the overview and of a search page: p95 <= 50 ms. The dashboard runs in
 *      this process wired as main.ts wires it (src/dashboard-start.ts) over the real core (library,
 *      SQLite index, scheduler), with channels, schedules and deliveries in the database; each request
 *      is timed from send to last byte over loopback (sequential, after a warm-up), an upper bound of
 *      the render. The search pages rotate through the /news query mix (bench/speed/query-mix.ts).
 *   2. What the dashboard adds to the bot's RSS: <= 20 MB. The compiled bot (`npm start`'s
 *      dist/src/main.js) is started on the same corpus and database with DASHBOARD_PORT=off and with
 *      the dashboard on, alternately; with it on, the overview and search pages are requested
 *      first; RSS is read from /proc once the bot has settled (./bot-memory.ts).
 *
 *   npm run bench:web [-- --requests 300 --memory-runs 3 --skip-memory]
 *
 * Writes bench/out/web.json.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadConfig } from "../../src/config.js";
import { createCore } from "../../src/core.js";
import { createMetrics, startWeb } from "../../src/dashboard-start.js";
import { silentLogger } from "../../src/domain/logger.js";
import type { Platform } from "../../src/framework/platform.js";
import { PublisherRegistry } from "../../src/schedule/publisher-registry.js";
import { openDatabase } from "../../src/store/sqlite/database.js";
import { SqliteSchedulingStore } from "../../src/store/sqlite/scheduling-store.js";
import { digestSchedule, post } from "../../tests/contract/fixtures.js";
import { ensureCorpus } from "../generate-corpus.js";
import { queryMix } from "../speed/query-mix.js";
import { argValue, percentile, round } from "../speed/stats.js";
import { measureBotMemory } from "./bot-memory.js";

const args = process.argv.slice(2);
const n = Number(argValue(args, "--n") ?? 10_000);
const requests = Number(argValue(args, "--requests") ?? 300);
const memoryRuns = Number(argValue(args, "--memory-runs") ?? 3);
const OUT = join(import.meta.dirname, "../out");
const CHANNELS = 40;

/** Platforms that post nowhere: the console and a Discord of CHANNELS channels in one server. */
function benchPlatforms(): Platform[] {
  const publish = async () => ({ messageId: "bench" });
  const channels = Array.from({ length: CHANNELS }, (_, i) => ({
    id: String(300000000000000000 + i),
    name: `#news-${i} (Bench)`,
  }));
  return [
    {
      platform: "console",
      start: async () => {},
      stop: async () => {},
      publish,
      directory: { ready: () => true },
    },
    {
      platform: "discord",
      start: async () => {},
      stop: async () => {},
      publish,
      directory: {
        ready: () => true,
        channels: () => channels,
        guildOf: () => "200000000000000001",
        botGuildIds: () => new Set(["200000000000000001"]),
        nameOf: async (id) => channels.find((c) => c.id === id)?.name ?? null,
      },
    },
  ];
}

/** Schedules in every channel and a few hundred deliveries, some failed, as a busy bot has. */
async function seed(dbPath: string, articles: string[]): Promise<void> {
  const db = openDatabase(dbPath);
  const store = new SqliteSchedulingStore(db);
  const now = Date.now();
  const audit = (target: string) => ({
    at: new Date(now).toISOString(),
    actorId: "b",
    actorName: "bench",
    target,
    action: "bench",
    detail: {},
  });
  for (let i = 0; i < CHANNELS; i++) {
    const target = `discord:${300000000000000000 + i}`;
    const created = new Date(now).toISOString();
    for (let k = 0; k < 3; k++) {
      const runAt = new Date(now + (i * 3 + k + 1) * 3_600_000).toISOString();
      const articleId = articles[(i * 3 + k) % articles.length] ?? null;
      await store.createSchedule(
        post(`b${i}p${k}`, { target, articleId, runAt, createdAt: created }),
        audit(target),
      );
    }
    const topic = i % 2 ? "bitcoin" : null;
    await store.createSchedule(
      digestSchedule(`b${i}d`, { target, topic, lastSlot: created, createdAt: created }),
      audit(target),
    );
    const plans = Array.from({ length: 8 }, (_, k) => ({
      key: `digest:${target}:bench-${k}`,
      target,
      articles: articles.slice(k * 5, k * 5 + 5),
      size: 5,
      payload: { topic: null, slot: new Date(now - k * 86_400_000).toISOString() },
      dueAt: new Date(now - 60_000).toISOString(),
    }));
    await store.planSlot(
      { stream: { name: `bench-${i}` }, after: null, slot: new Date(now).toISOString() },
      plans,
    );
  }
  for (
    let claimed = await store.claimNextDelivery("bench", 60_000, new Date(now).toISOString()), k = 0;
    claimed;
    k++
  ) {
    if (k % 7 === 0)
      await store.failDelivery(
        claimed.key,
        { state: "failed", error: "Missing Access", reason: "sendFailed" },
        new Date(now).toISOString(),
      );
    else await store.completeDelivery(claimed.key, `m${k}`, new Date(now).toISOString());
    claimed = await store.claimNextDelivery("bench", 60_000, new Date(now).toISOString());
  }
  db.close();
}

async function timeRenders(dir: string, dbPath: string) {
  const config = loadConfig({
    CONTENT_DIR: dir,
    DATABASE_PATH: dbPath,
    DASHBOARD_PORT: "0",
    DASHBOARD_SECRET: "bench-secret-bench-secret-bench-secret",
    LOG_LEVEL: "silent",
  });
  const publishers = new PublisherRegistry();
  const metrics = createMetrics(config);
  const started = performance.now();
  const core = await createCore({
    contentDir: dir,
    databasePath: dbPath,
    defaultLocale: "en",
    log: silentLogger,
    schedule: { digestCron: null, timeZone: "UTC", targets: [], catchUp: "latest", publishers },
    telemetry: metrics?.telemetry,
  });
  const loadMs = performance.now() - started;
  const platforms = benchPlatforms();
  const web = await startWeb({ config, core, platforms, metrics, log: silentLogger });
  const dashboard = web.dashboard;
  if (!dashboard) throw new Error("the dashboard did not start");
  const link = new URL(await dashboard.createOperatorLink());
  const signIn = await fetch(`${dashboard.publicUrl}${link.pathname}`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: dashboard.publicUrl, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ token: link.searchParams.get("token") ?? "" }),
  });
  const cookie = signIn.headers.getSetCookie()[0]?.split(";")[0] ?? "";
  const { manifest } = ensureCorpus(n);
  const searches = queryMix(manifest).map((q) => `/articles?${new URLSearchParams({ q: q.text })}`);
  const someId = core.library.latest(1)[0]?.id ?? "";
  const target = `discord:${300000000000000000}`;
  const groups: Record<string, string[]> = {
    "/ (overview)": ["/"],
    "/articles?q= (the /news query mix)": searches,
    "/articles/<id> (summary, facts, previews)": [`/articles/${encodeURIComponent(someId)}`],
    "/schedules?target= (a channel)": [`/schedules?target=${target}`],
    "/deliveries?target= (a channel)": [`/deliveries?target=${target}`],
  };
  const results: Record<string, unknown> = {};
  for (const [name, paths] of Object.entries(groups)) {
    const get = async (path: string) => {
      const t0 = performance.now();
      const response = await fetch(`${dashboard.publicUrl}${path}`, { headers: { cookie } });
      await response.text();
      if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
      return performance.now() - t0;
    };
    for (const path of paths) for (let i = 0; i < 5; i++) await get(path);
    const samples: number[] = [];
    for (let i = 0; i < requests; i++) samples.push(await get(paths[i % paths.length] as string));
    samples.sort((a, b) => a - b);
    results[name] = {
      n: samples.length,
      p50Ms: round(percentile(samples, 50)),
      p95Ms: round(percentile(samples, 95)),
      p99Ms: round(percentile(samples, 99)),
    };
  }
  await web.close();
  await core.close();
  return { articles: core.library.count(), loadMs: Math.round(loadMs), goalP95Ms: 50, results };
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const { dir } = ensureCorpus(n, { log: (line) => process.stderr.write(`${line}\n`) });
  const dbPath = join(OUT, `web-${n}.sqlite`);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${dbPath}${suffix}`, { force: true });
  // A first load builds the index; the seeded channels then use its article ids.
  const warm = await createCore({
    contentDir: dir,
    databasePath: dbPath,
    defaultLocale: "en",
    log: silentLogger,
  });
  const ids = warm.library.latest(400).map((m) => m.id);
  await warm.close();
  await seed(dbPath, ids);
  process.stderr.write("timing renders...\n");
  const render = await timeRenders(dir, dbPath);
  const memory = args.includes("--skip-memory")
    ? null
    : await measureBotMemory({ dir, dbPath, runs: memoryRuns });
  const report = { corpus: n, render, memory };
  writeFileSync(join(OUT, "web.json"), `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify(report, null, 2));
}

await main();
