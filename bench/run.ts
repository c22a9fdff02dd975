/**
 * `npm run bench`: speed, memory and fan-out benchmarks. Not a test: nothing in `npm test`
 * depends on timing. Each measurement runs in its own child process (the real start path, the
 * real /news handler, the real watcher), repeated, and reports median and p99 beside its baseline.
 * Prints a table, writes bench/results.json and the speed section of bench/README.md.
 *
 *   npm run bench                      # 1,000 and 10,000 articles (about 10 minutes on 2 cores)
 *   npm run bench -- --n 100000        # adds the 100,000 tier (or BENCH_N=100000)
 *   npm run bench -- --sizes 10000 --skip fanout,insights --no-readme
 *   npm run bench -- --report-only    # table and README from bench/results.json
 *   npm run bench -- --runtime tsx    # the bot through tsx, as before ADR 0088 (default: dist)
 * Parts (for --skip): start, query, hot, insights, adversarial, fanout, minisearch.
 *
 * Over ~300 lines: the orchestration, the goal table and the report are one reading of the
 * same results object; the measurements themselves live in bench/speed/ and bench/fanout/.
 */
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type CorpusManifest, ensureCorpus } from "./generate-corpus.js";
import { type Goal, renderReport } from "./speed/report.js";
import { entryRunner, runtimeOf } from "./speed/runtime.js";
import { argValue, round, roundSummary, runResultChild, summarize } from "./speed/stats.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "..");
const OUT = join(HERE, "out");
const args = process.argv.slice(2);
const skip = new Set((argValue(args, "--skip") ?? "").split(",").filter(Boolean));
const extra = [argValue(args, "--n"), process.env.BENCH_N]
  .filter(Boolean)
  .flatMap((v) => String(v).split(","));
const sizes = [
  ...new Set((argValue(args, "--sizes")?.split(",") ?? ["1000", "10000", ...extra]).map(Number)),
].sort((a, b) => a - b);
const profile = args.includes("--profile");

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

interface ChildRun<T> {
  result: T;
  stderr: string;
  wallMs: number;
}

/** Entries that measure the bot itself run as `npm start` runs it (see speed/runtime.ts). */
const runtime = runtimeOf(argValue(args, "--runtime"));
let runEntry: ((entry: string) => string[]) | null = null;
const BOT_ENTRIES = new Set(["speed/start-entry.ts", "speed/query-entry.ts", "speed/hot-reload-entry.ts"]);

/** Runs a bench entry in a fresh Node process and returns its result line. */
async function runChild<T>(
  entry: string,
  entryArgs: string[],
  nodeArgs: string[] = [],
): Promise<ChildRun<T>> {
  const profArgs = profile ? ["--cpu-prof", `--cpu-prof-dir=${join(OUT, "profiles")}`] : [];
  runEntry ??= await entryRunner(runtime);
  const command = BOT_ENTRIES.has(entry) ? runEntry(entry) : ["--import", "tsx", join(HERE, entry)];
  const started = performance.now();
  const { result, stderr } = await runResultChild<T>(
    [...nodeArgs, ...profArgs, ...command, ...entryArgs],
    ROOT,
  );
  return { result, stderr, wallMs: performance.now() - started };
}

/** A failed measurement is recorded as its error; the others still run. */
function errorOf(error: unknown): { error: string } {
  const message = error instanceof Error ? error.message : String(error);
  log(`FAILED: ${message.split("\n")[0]}`);
  return { error: message.split("\n").slice(0, 8).join("\n") };
}

function softChild<T>(
  entry: string,
  entryArgs: string[],
  nodeArgs: string[] = [],
): Promise<ChildRun<T | { error: string }>> {
  return runChild<T>(entry, entryArgs, nodeArgs).catch((error: unknown) => ({
    result: errorOf(error),
    stderr: "",
    wallMs: 0,
  }));
}

function removeDb(path: string): void {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
}

/** Lines the bot logged as load progress ("loading articles", every few seconds). */
function progressLines(stderr: string): { done: number; total: number }[] {
  const out: { done: number; total: number }[] = [];
  for (const line of stderr.split("\n")) {
    if (!line.includes("loading articles")) continue;
    try {
      const o = JSON.parse(line) as { done?: number; total?: number };
      out.push({ done: o.done ?? 0, total: o.total ?? 0 });
    } catch {
      out.push({ done: 0, total: 0 });
    }
  }
  return out;
}

interface StartResult {
  processStartToReadyMs: number;
  importMs: number;
  createCoreMs: number;
  report: { articles: number; parsed: number; unchanged: number; skipped: number; ms: number };
  peakRssMb: number;
  rssAtReadyMb: number;
  rssAfterImportMb?: number;
  heapUsedAtReadyMb: number;
  handles: Record<string, number>;
  idle: { ms: number; cpuMs: number } | null;
}

const RUNS: Record<number, { cold: number; warm: number }> = {
  1000: { cold: 5, warm: 7 },
  10000: { cold: 3, warm: 5 },
  100000: { cold: 1, warm: 3 },
};

async function benchStart(n: number, dir: string, db: string) {
  const runs = RUNS[n] ?? { cold: 1, warm: 3 };
  const cold: ChildRun<StartResult>[] = [];
  for (let i = 0; i < Number(argValue(args, "--cold-runs") ?? runs.cold); i++) {
    removeDb(db);
    const run = await runChild<StartResult>("speed/start-entry.ts", ["--content", dir, "--db", db]);
    log(`${n}: cold start ${run.result.createCoreMs} ms, peak RSS ${run.result.peakRssMb} MB`);
    cold.push(run);
  }
  // The setting for hosts short on memory (LOAD_THREADS=1): a first load on the main thread only.
  const oneThread: ChildRun<StartResult>[] = [];
  for (let i = 0; i < (n >= 100_000 ? 1 : runs.cold); i++) {
    removeDb(db);
    const run = await runChild<StartResult>("speed/start-entry.ts", [
      "--content",
      dir,
      "--db",
      db,
      "--load-threads",
      "1",
    ]);
    log(`${n}: cold start, one thread: ${run.result.createCoreMs} ms, peak RSS ${run.result.peakRssMb} MB`);
    oneThread.push(run);
  }
  const warm: ChildRun<StartResult>[] = [];
  for (let i = 0; i < Number(argValue(args, "--warm-runs") ?? runs.warm); i++) {
    const run = await runChild<StartResult>("speed/start-entry.ts", ["--content", dir, "--db", db]);
    if (run.result.report.parsed > 0) log(`${n}: warm start parsed ${run.result.report.parsed} files`);
    log(`${n}: warm start ${run.result.createCoreMs} ms, peak RSS ${run.result.peakRssMb} MB`);
    warm.push(run);
  }
  // The watcher's cost while the bot waits (one more warm start, then 5 s idle).
  const idle = await runChild<StartResult>("speed/start-entry.ts", [
    "--content",
    dir,
    "--db",
    db,
    "--idle-ms",
    "5000",
  ]);
  const pick = (rs: ChildRun<StartResult>[], f: (r: StartResult) => number) =>
    roundSummary(summarize(rs.map((r) => f(r.result))));
  const side = (rs: ChildRun<StartResult>[]) => ({
    runs: rs.length,
    createCoreMs: pick(rs, (r) => r.createCoreMs),
    processStartToReadyMs: pick(rs, (r) => r.processStartToReadyMs),
    importMs: pick(rs, (r) => r.importMs),
    peakRssMb: pick(rs, (r) => r.peakRssMb),
    rssAtReadyMb: pick(rs, (r) => r.rssAtReadyMb),
    rssAfterImportMb: pick(rs, (r) => r.rssAfterImportMb ?? Number.NaN),
    parsed: rs[0]?.result.report.parsed ?? 0,
    unchanged: rs[0]?.result.report.unchanged ?? 0,
    skipped: rs[0]?.result.report.skipped ?? 0,
    progressLines: rs.map((r) => progressLines(r.stderr).length),
  });
  return {
    cold: { ...side(cold), progressSample: progressLines(cold[0]?.stderr ?? "").slice(0, 5) },
    coldOneThread: side(oneThread),
    warm: side(warm),
    idleWatcher: {
      ...idle.result.idle,
      handles: idle.result.handles,
      cpuPercent: idle.result.idle ? round((100 * idle.result.idle.cpuMs) / idle.result.idle.ms) : null,
    },
  };
}

/** A private copy of the corpus made of hard links, plus a copy of the warm database. */
function linkedCopy(n: number, dir: string, db: string): { dir: string; db: string } {
  const copyDir = join(OUT, `hot-${n}`);
  rmSync(copyDir, { recursive: true, force: true });
  mkdirSync(copyDir, { recursive: true });
  for (const f of readdirSync(dir)) if (!f.startsWith(".")) linkSync(join(dir, f), join(copyDir, f));
  const copyDb = join(OUT, `hot-${n}.sqlite`);
  removeDb(copyDb);
  for (const suffix of ["", "-wal"])
    if (existsSync(`${db}${suffix}`)) copyFileSync(`${db}${suffix}`, `${copyDb}${suffix}`);
  return { dir: copyDir, db: copyDb };
}

async function main(): Promise<void> {
  if (args.includes("--report-only")) {
    // Rewrites the table and the README section from bench/results.json, measuring nothing.
    const saved = JSON.parse(readFileSync(join(HERE, "results.json"), "utf8")) as Parameters<
      typeof renderReport
    >[0];
    const report = renderReport(saved);
    process.stdout.write(`${report.table}\n`);
    writeReadme(report.markdown);
    return;
  }
  mkdirSync(OUT, { recursive: true });
  const started = Date.now();
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? "unknown",
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
    loadAverageAtStart: loadavg().map((x) => round(x)),
    runtime,
  };
  log(
    `sizes ${sizes.join(", ")}; machine ${machine.cpus} CPUs, ${machine.node}, load ${machine.loadAverageAtStart.join(" ")}`,
  );
  const tiers: Record<string, Record<string, unknown>> = {};
  const manifests: Record<string, CorpusManifest> = {};
  for (const n of sizes) {
    const { dir, manifest } = ensureCorpus(n, { log });
    manifests[n] = manifest;
    const tier: Record<string, unknown> = {
      corpus: {
        files: manifest.files,
        mb: Math.round(manifest.bytes / 1e6),
        medianWords: manifest.words.median,
        formats: manifest.formats,
        langs: manifest.langs,
        orangesum: manifest.orangesum,
      },
    };
    tiers[n] = tier;
    const db = join(OUT, `db-${n}.sqlite`);
    const runs = (part: string) => !skip.has(part);
    if (runs("start")) tier.start = await benchStart(n, dir, db).catch(errorOf);
    else if (!existsSync(db))
      await runChild("speed/start-entry.ts", ["--content", dir, "--db", db, "--no-watch"]);
    const queryArgs = ["--content", dir, "--db", db, "--manifest", join(dir, ".manifest.json")];
    if (runs("query")) {
      const heap = n >= 100_000 ? ["--max-old-space-size=16000"] : [];
      log(`${n}: /news query mix and baselines`);
      const args = skip.has("minisearch") ? [...queryArgs, "--no-minisearch"] : queryArgs;
      const q = await softChild<Record<string, unknown>>("speed/query-entry.ts", args, [
        "--expose-gc",
        ...heap,
      ]);
      tier.query = q.result;
    }
    if (runs("hot")) {
      const copy = linkedCopy(n, dir, db);
      log(`${n}: hot reload`);
      const h = await softChild<Record<string, unknown>>("speed/hot-reload-entry.ts", [
        "--content",
        copy.dir,
        "--db",
        copy.db,
      ]);
      tier.hotReload = h.result;
      rmSync(copy.dir, { recursive: true, force: true });
      removeDb(copy.db);
    }
  }
  let insights: Record<string, unknown> | null = null;
  if (!skip.has("insights")) {
    const n = sizes.includes(10_000) ? 10_000 : (sizes[0] as number);
    log(`summary + facts over the ${n} corpus`);
    const r = await softChild<Record<string, unknown>>("speed/insights-entry.ts", [
      "--content",
      ensureCorpus(n, { log }).dir,
    ]);
    insights = { corpus: n, ...r.result };
  }
  let adversarial: Record<string, unknown> | null = null;
  if (!skip.has("adversarial")) {
    log("summary + facts on adversarial 160 KB texts beside ordinary text");
    adversarial = (await softChild<Record<string, unknown>>("speed/adversarial-entry.ts", [])).result;
  }
  let fanout: Record<string, unknown> | null = null;
  if (!skip.has("fanout")) {
    log("fan-out: Telegram and Discord");
    try {
      fanout = (await softChild<Record<string, unknown>>("fanout/fanout-entry.ts", [])).result;
    } catch (error) {
      fanout = {
        error: error instanceof Error ? error.message.split("\n").slice(0, 6).join("\n") : String(error),
      };
    }
  }
  const results = {
    command: `npm run bench${args.length ? ` -- ${args.join(" ")}` : ""}`,
    machine: { ...machine, loadAverageAtEnd: loadavg().map((x) => round(x)) },
    totalSeconds: Math.round((Date.now() - started) / 1000),
    sizes,
    tiers,
    insights,
    adversarial,
    fanout,
  };
  const { table } = renderReport(results);
  process.stdout.write(`${table}\n`);
  const resultsPath = join(HERE, "results.json");
  // Tiers not run this time keep their previous figures (a 100k run is long; say when it was).
  const previous = existsSync(resultsPath)
    ? (JSON.parse(readFileSync(resultsPath, "utf8")) as typeof results)
    : null;
  const merged = mergePrevious(results, previous);
  const all = renderReport(merged);
  writeFileSync(
    resultsPath,
    `${JSON.stringify({ ...merged, goals: all.goals satisfies Goal[] }, null, 2)}\n`,
  );
  if (!args.includes("--no-readme")) writeReadme(all.markdown);
  log(`done in ${results.totalSeconds} s; wrote bench/results.json`);
}

/** What a tier holds; anything else in an old results.json (retired measurements) is dropped. */
const TIER_PARTS = new Set(["corpus", "start", "query", "hotReload"]);

function mergePrevious<
  T extends {
    tiers: Record<string, unknown>;
    machine: { date: string };
    insights: unknown;
    adversarial: unknown;
    fanout: unknown;
    carried?: Record<string, string>;
  },
>(current: T, previous: T | null): T {
  if (!previous || args.includes("--fresh")) return current;
  // Figures not measured this time keep their earlier value; `from` says which parts and when.
  const tiers: Record<string, unknown> = { ...current.tiers };
  for (const [n, old] of Object.entries(previous.tiers as Record<string, Record<string, unknown>>)) {
    const now = (tiers[n] ?? {}) as Record<string, unknown>;
    const carried = Object.keys(old).filter((k) => TIER_PARTS.has(k) && !(k in now));
    if (carried.length === 0) continue;
    const oldFrom = (old.from as Record<string, string> | undefined) ?? {};
    const from: Record<string, string> = {};
    for (const k of carried) if (k !== "corpus") from[k] = oldFrom[k] ?? previous.machine.date;
    const merged: Record<string, unknown> = { ...now };
    for (const k of carried) merged[k] = old[k];
    tiers[n] = Object.keys(from).length ? { ...merged, from } : merged;
  }
  const carried: Record<string, string> = {};
  for (const part of ["insights", "adversarial", "fanout"] as const) {
    if (current[part] === null && (previous[part] ?? null) !== null)
      carried[part] = previous.carried?.[part] ?? previous.machine.date;
  }
  return {
    ...current,
    tiers,
    insights: current.insights ?? previous.insights,
    adversarial: current.adversarial ?? previous.adversarial ?? null,
    fanout: current.fanout ?? previous.fanout,
    ...(Object.keys(carried).length ? { carried } : {}),
  };
}

const START = "<!-- speed:start -->";
const END = "<!-- speed:end -->";

/** Rewrites only what lies between the speed markers (creating them at the end if absent). */
function writeReadme(section: string): void {
  const path = join(HERE, "README.md");
  const text = existsSync(path) ? readFileSync(path, "utf8") : "# Benchmarks\n";
  const block = `${START}\n${section.trim()}\n${END}`;
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  const next =
    a >= 0 && b > a
      ? `${text.slice(0, a)}${block}${text.slice(b + END.length)}`
      : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(path, next);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
