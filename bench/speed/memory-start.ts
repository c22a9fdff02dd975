/**
 * `npm run bench:start`: cold and warm starts only, every run listed, for the memory and start goals
 * (peak RSS in EVERY cold start, warm process start to ready). `npm run bench` reports medians; a
 * peak-memory goal is about the worst run, and the spread between identical runs is the figure
 * that says whether a change helped.
 *
 *   npx tsx bench/speed/memory-start.ts --n 10000 [--cold 5] [--warm 5] [--runtime dist|tsx] [--label after]
 *
 * --runtime: dist (the default, what `npm start` runs) or tsx (before ADR 0088), see ./runtime.ts.
 * --node-args "...": extra Node flags, to try one. Writes bench/out/start-<label>-<n>.json.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureCorpus } from "../generate-corpus.js";
import { entryRunner, runtimeOf } from "./runtime.js";
import { argValue, runResultChild } from "./stats.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "../..");
const OUT = join(ROOT, "bench/out");
const args = process.argv.slice(2);
const n = Number(argValue(args, "--n") ?? 10_000);
const coldRuns = Number(argValue(args, "--cold") ?? 5);
const warmRuns = Number(argValue(args, "--warm") ?? 5);
const runtime = runtimeOf(argValue(args, "--runtime"));
const label = argValue(args, "--label") ?? runtime;
const extraNodeArgs = (argValue(args, "--node-args") ?? "").split(" ").filter(Boolean);
const loadThreads = argValue(args, "--load-threads");

interface Run {
  processStartToReadyMs: number;
  cpuToReadyMs: number;
  importMs: number;
  createCoreMs: number;
  peakRssMb: number;
  rssAfterImportMb: number;
  rssAtReadyMb: number;
  report: { parsed: number; unchanged: number };
}

function runOnce(command: string[], db: string, dir: string): Promise<Run> {
  const extra = loadThreads ? ["--load-threads", loadThreads] : [];
  return runResultChild<Run>(
    [...extraNodeArgs, ...command, "--content", dir, "--db", db, ...extra],
    ROOT,
  ).then((r) => r.result);
}

const range = (xs: number[]) => `${Math.min(...xs)}-${Math.max(...xs)}`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const { dir } = ensureCorpus(n, { log: (l: string) => process.stderr.write(`${l}\n`) });
  const db = join(OUT, `start-${label}-${n}.sqlite`);
  const removeDb = () => {
    for (const s of ["", "-wal", "-shm"]) rmSync(`${db}${s}`, { force: true });
  };
  const command = (await entryRunner(runtime))("speed/start-entry.ts");
  const loadAtStart = loadavg().map((x) => x.toFixed(2));
  const cold: Run[] = [];
  const warm: Run[] = [];
  for (let i = 0; i < coldRuns; i++) {
    removeDb();
    const run = await runOnce(command, db, dir);
    cold.push(run);
    process.stderr.write(
      `cold ${i + 1}: createCore ${run.createCoreMs} ms, ready ${run.processStartToReadyMs} ms, peak ${run.peakRssMb} MB\n`,
    );
  }
  if (cold.length === 0) await runOnce(command, db, dir);
  for (let i = 0; i < warmRuns; i++) {
    const run = await runOnce(command, db, dir);
    warm.push(run);
    process.stderr.write(
      `warm ${i + 1}: createCore ${run.createCoreMs} ms, ready ${run.processStartToReadyMs} ms, peak ${run.peakRssMb} MB\n`,
    );
  }
  removeDb();
  const result = {
    n,
    runtime,
    label,
    nodeArgs: extraNodeArgs,
    date: new Date().toISOString(),
    loadAverage: { start: loadAtStart, end: loadavg().map((x) => x.toFixed(2)) },
    cold,
    warm,
  };
  writeFileSync(join(OUT, `start-${label}-${n}.json`), `${JSON.stringify(result, null, 2)}\n`);
  const row = (name: string, runs: Run[]) => {
    if (runs.length === 0) return;
    const peak = runs.map((r) => r.peakRssMb);
    const ready = runs.map((r) => r.processStartToReadyMs);
    const core = runs.map((r) => r.createCoreMs);
    const code = runs.map((r) => r.rssAfterImportMb);
    const cpu = runs.map((r) => r.cpuToReadyMs);
    process.stdout.write(
      `| ${label} | ${n} | ${name} | ${runs.length} | ${peak.join(", ")} (max ${Math.max(...peak)}) | ${(median(ready) / 1000).toFixed(2)} (${range(ready.map((x) => Math.round(x / 10) / 100))}) | ${(median(core) / 1000).toFixed(2)} (${range(core.map((x) => Math.round(x / 10) / 100))}) | ${(median(cpu) / 1000).toFixed(2)} (${range(cpu.map((x) => Math.round(x / 10) / 100))}) | ${median(code)} |\n`,
    );
  };
  process.stdout.write(
    `load average ${loadAtStart.join(" ")} at start, ${result.loadAverage.end.join(" ")} at end\n` +
      "| Code | Articles | Start | Runs | Peak RSS per run (MB) | Process start to ready, median (range) s | createCore, median (range) s | CPU to ready, all threads, median (range) s | RSS of the code (MB) |\n" +
      "|---|---:|---|---:|---|---:|---:|---:|---:|\n",
  );
  row("cold", cold);
  row("warm", warm);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
