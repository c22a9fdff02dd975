/**
 * Profiling probe: the library load alone (openDatabase -> SqliteArticleIndex -> Library.load, then
 * optionally the watcher), without the commands and insights, so it runs under --cpu-prof and
 * --heap-prof (the parse worker, when used, writes a profile of its own).
 *
 *   node --import tsx [--cpu-prof] bench/speed/load-probe.ts --content DIR --db FILE [--cold]
 *     [--watch] [--pragma "cache_size = -65536"]
 */
import { rmSync } from "node:fs";
import { Library } from "../../src/content/library.js";
import type { Logger } from "../../src/domain/logger.js";
import { SqliteArticleIndex } from "../../src/store/sqlite/article-index.js";
import { openDatabase } from "../../src/store/sqlite/database.js";
import { argValue, emitResult, peakRssMb } from "./stats.js";

const args = process.argv.slice(2);
const contentDir = argValue(args, "--content");
const databasePath = argValue(args, "--db");
if (!contentDir || !databasePath) throw new Error("--content and --db are required");
if (args.includes("--cold"))
  for (const s of ["", "-wal", "-shm"]) rmSync(`${databasePath}${s}`, { force: true });
const progress: string[] = [];
const log: Logger = {
  info: (_o, msg) => progress.push(String(msg)),
  warn() {},
  error: (o, msg) => process.stderr.write(`${msg} ${JSON.stringify(o)}\n`),
  debug() {},
};

const t0 = performance.now();
const db = openDatabase(databasePath);
// --pragma "name = value" (repeatable): connection settings to try for the load.
for (const [i, a] of args.entries()) if (a === "--pragma" && args[i + 1]) db.pragma(args[i + 1] as string);
const index = new SqliteArticleIndex(db);
const library = new Library(contentDir, index, { now: () => new Date() }, log);
const report = await library.load();
const loaded = performance.now();
if (args.includes("--watch")) library.watch();
const ready = performance.now();
emitResult({
  loadMs: Math.round(loaded - t0),
  watchMs: Math.round(ready - loaded),
  readyMs: Math.round(ready - t0),
  /** CPU time of the whole process (main thread, libuv pool, SQLite): contention-proof. */
  cpuMs: Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1000),
  report: { ...report, skipped: report.skipped.length },
  progressLines: progress.filter((m) => m === "loading articles").length,
  peakRssMb: peakRssMb(),
  heapUsedMb: Math.round(process.memoryUsage().heapUsed / 1e6),
});
library.close();
db.close();
process.exit(0);
