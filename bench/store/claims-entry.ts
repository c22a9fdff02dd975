/**
 * Outbox claims per second through the SchedulingStore port: `deliveries` pending posts to 1,000
 * targets, drained by `workers` workers that claim, yield once (a send), and complete. Written
 * against the port, so another engine measures the same way by opening its own store.
 *
 *   node --import tsx bench/store/claims-entry.ts [--deliveries 5000] [--workers 4] [--engine sqlite|postgres]
 *
 * With `--engine postgres`, a database on the server BENCH_PG_BASE names, or else on a throwaway
 * PostgreSQL server started for the run (tests/helpers/postgres.ts: Debian's binaries, durability off as in the tests; a production
 * server with fsync on commits slower, which the README's figures say).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SchedulingStore } from "../../src/domain/scheduling-store.js";
import { openPostgres } from "../../src/store/postgres/database.js";
import { PostgresSchedulingStore } from "../../src/store/postgres/scheduling-store.js";
import { openDatabase } from "../../src/store/sqlite/database.js";
import { SqliteSchedulingStore } from "../../src/store/sqlite/scheduling-store.js";
import { createDatabase, launchPostgres } from "../../tests/helpers/postgres.js";
import { argValue } from "../speed/stats.js";

const NOW = "2025-07-17T08:00:00.000Z";

/** Enqueues `count` deliveries, then drains them with `workers` workers; returns claims per second. */
export async function claimsPerSecond(
  store: SchedulingStore,
  count: number,
  workers: number,
): Promise<number> {
  const digests = Array.from({ length: count }, (_, i) => ({
    key: `bench:${i}`,
    target: `telegram:-${i % 1000}`,
    articles: [`a${i}`],
    size: 5,
    payload: { topic: null, slot: NOW },
    dueAt: NOW,
  }));
  await store.planSlot({ stream: { name: "bench" }, after: null, slot: NOW }, digests);
  let claimed = 0;
  const worker = async (id: string) => {
    for (;;) {
      const row = await store.claimNextDelivery(id, 120_000, NOW);
      if (!row) return;
      await new Promise((resolve) => setImmediate(resolve));
      await store.completeDelivery(row.key, "m", NOW);
      claimed++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: workers }, (_, i) => worker(`w${i}`)));
  return Math.round((claimed / (performance.now() - started)) * 1000);
}

const count = Number(argValue(process.argv, "--deliveries") ?? 5000);
const workers = Number(argValue(process.argv, "--workers") ?? 4);
const engine = argValue(process.argv, "--engine") ?? "sqlite";

async function onSqlite(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-claims-"));
  const db = openDatabase(join(dir, "claims.db"));
  try {
    return await claimsPerSecond(new SqliteSchedulingStore(db), count, workers);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(): Promise<number> {
  // A server given by bench:pg (BENCH_PG_BASE), else one started for this run.
  const given = process.env.BENCH_PG_BASE;
  const server = given ? null : await launchPostgres();
  await server?.ready;
  const url = await createDatabase(given ?? server?.base ?? "", "claims");
  const db = await openPostgres(url, { poolSize: workers + 2 });
  try {
    return await claimsPerSecond(new PostgresSchedulingStore(db), count, workers);
  } finally {
    await db.close();
    await server?.stop();
  }
}

const perSecond = engine === "postgres" ? await onPostgres() : await onSqlite();
process.stdout.write(
  `${JSON.stringify({ engine, deliveries: count, workers, claimsPerSecond: perSecond })}\n`,
);
