import type { DashboardStore } from "../../domain/dashboard-store.js";
import type { Logger } from "../../domain/logger.js";
import type { SchedulingReads } from "../../domain/scheduling-reads.js";
import type { SchedulingStore } from "../../domain/scheduling-store.js";
import type { SourcesStore } from "../../domain/sources.js";
import { PostgresDashboardStore } from "./dashboard-store.js";
import { openPostgres } from "./database.js";
import { PostgresSchedulingReads } from "./scheduling-reads.js";
import { PostgresSchedulingStore } from "./scheduling-store.js";
import { PostgresSourcesStore } from "./sources-store.js";

/** DATABASE_URL and its pool, as the core is given them. */
export interface SharedStateOptions {
  url: string;
  poolSize?: number;
}

/** Every port of the shared state, on one engine. */
export interface SharedStores {
  scheduling: SchedulingStore;
  reads: SchedulingReads;
  dashboard: DashboardStore;
  sources: SourcesStore;
  close(): Promise<void>;
}

/** Connects, migrates (once, under a lock, whoever starts first) and returns the shared stores. */
export async function openPostgresStore(options: SharedStateOptions, log?: Logger): Promise<SharedStores> {
  const db = await openPostgres(options.url, { poolSize: options.poolSize, log });
  return {
    scheduling: new PostgresSchedulingStore(db),
    reads: new PostgresSchedulingReads(db),
    dashboard: new PostgresDashboardStore(db),
    sources: new PostgresSourcesStore(db),
    close: () => db.close(),
  };
}
