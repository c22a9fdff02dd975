/**
 * Outbox claims per second through the SchedulingStore port: `deliveries` pending posts to 1,000
 * targets, drained by `workers` workers that claim, yield once (a send), and complete. Written
 * against the port, so another engine measures the same way by opening its own store.
 *
 *   node --import tsx bench/store/claims-entry.ts [--deliveries 5000] [--workers 4]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SchedulingStore } from "../../src/domain/scheduling-store.js";
import { openDatabase } from "../../src/store/sqlite/database.js";
import { SqliteSchedulingStore } from "../../src/store/sqlite/scheduling-store.js";
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
const dir = mkdtempSync(join(tmpdir(), "newsdesk-claims-"));
const db = openDatabase(join(dir, "claims.db"));
try {
  const perSecond = await claimsPerSecond(new SqliteSchedulingStore(db), count, workers);
  process.stdout.write(
    `${JSON.stringify({ engine: "sqlite", deliveries: count, workers, claimsPerSecond: perSecond })}\n`,
  );
} finally {
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
