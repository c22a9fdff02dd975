import type { Logger } from "../../domain/logger.js";
import type { SchedulingStore } from "../../domain/scheduling-store.js";
import { openPostgres } from "./database.js";
import { PostgresSchedulingStore } from "./scheduling-store.js";

/** DATABASE_URL and its pool, as the core is given them. */
export interface SharedStateOptions {
  url: string;
  poolSize?: number;
}

/** Connects, migrates (once, under a lock, whoever starts first) and returns the shared store. */
export async function openPostgresStore(
  options: SharedStateOptions,
  log?: Logger,
): Promise<{ store: SchedulingStore; close(): Promise<void> }> {
  const db = await openPostgres(options.url, { poolSize: options.poolSize, log });
  return { store: new PostgresSchedulingStore(db), close: () => db.close() };
}
