/**
 * Child process for cold and warm start: the real start path (createCore with the watcher, as
 * src/main.ts does) over a content folder and a database, timed from process start to ready.
 * Prints one result line (see stats.ts) and exits; the runner decides cold (no database) or warm.
 *
 *   node --import tsx bench/speed/start-entry.ts --content DIR --db FILE [--no-watch] [--idle-ms 3000] [--load-threads 1]
 *     [--trace-memory FILE]
 *
 * --trace-memory writes a line of process.memoryUsage() (MB) every 100 ms to FILE: where a peak
 * comes from (V8 heap, SQLite and other native memory, the parse thread).
 */
import { appendFileSync, writeFileSync } from "node:fs";
import { argValue, emitResult, peakRssMb } from "./stats.js";

const args = process.argv.slice(2);
const contentDir = argValue(args, "--content");
const databasePath = argValue(args, "--db");
if (!contentDir || !databasePath) throw new Error("--content and --db are required");
const watch = !args.includes("--no-watch");
const idleMs = Number(argValue(args, "--idle-ms") ?? 0);

const traceFile = argValue(args, "--trace-memory");
if (traceFile) {
  writeFileSync(traceFile, "ms rss heapTotal heapUsed external arrayBuffers\n");
  const mb = (x: number) => Math.round(x / 1e6);
  setInterval(() => {
    const m = process.memoryUsage();
    const line = [performance.now(), m.rss, m.heapTotal, m.heapUsed, m.external, m.arrayBuffers];
    appendFileSync(traceFile, `${line.map((x, i) => (i === 0 ? Math.round(x) : mb(x))).join(" ")}\n`);
  }, 100).unref();
}

const importStart = performance.now();
const { createCore } = await import("../../src/core.js");
const { createLogger } = await import("../../src/logger.js");
const imported = performance.now();
const rssAfterImportMb = Math.round(process.memoryUsage().rss / 1e6);
// The bot's own logger, JSON on stderr: the runner reads the "loading articles" progress lines.
const log = createLogger("info", { pretty: false });
const coreStart = performance.now();
// --load-threads 1: the setting for hosts short on memory (LOAD_THREADS=1).
const loadThreads = argValue(args, "--load-threads") === "1" ? 1 : 2;
const core = await createCore({ contentDir, databasePath, defaultLocale: "en", log, watch, loadThreads });
const ready = performance.now();
const cpu = process.cpuUsage();
const memory = process.memoryUsage();
const resources = process.getActiveResourcesInfo();
const handleKinds: Record<string, number> = {};
for (const r of resources) handleKinds[r] = (handleKinds[r] ?? 0) + 1;

// What the watcher costs while the bot sits idle.
let idle: { ms: number; cpuMs: number } | null = null;
if (idleMs > 0) {
  const cpu = process.cpuUsage();
  await new Promise((r) => setTimeout(r, idleMs));
  const used = process.cpuUsage(cpu);
  idle = { ms: idleMs, cpuMs: Math.round((used.user + used.system) / 1000) };
}

emitResult({
  /** Node bootstrap and tsx until this file ran, then module imports, then createCore. */
  processStartToReadyMs: Math.round(ready),
  /** CPU time of every thread until ready: what a start costs whatever else the machine runs. */
  cpuToReadyMs: Math.round((cpu.user + cpu.system) / 1000),
  importMs: Math.round(imported - importStart),
  createCoreMs: Math.round(ready - coreStart),
  report: { ...core.report, skipped: core.report.skipped.length },
  articles: core.library.count(),
  peakRssMb: peakRssMb(),
  rssAtReadyMb: Math.round(memory.rss / 1e6),
  /** The code alone (Node, tsx and its loader thread, discord.js, telegraf...), before any article. */
  rssAfterImportMb,
  heapUsedAtReadyMb: Math.round(memory.heapUsed / 1e6),
  handles: handleKinds,
  idle,
});
await core.close();
process.exit(0);
