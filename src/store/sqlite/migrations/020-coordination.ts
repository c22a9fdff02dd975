import type { Migration } from "../database.js";

/**
 * What processes sharing the database agree on besides the outbox (CoordinationStore, ADRs
 * 0102-0104): leases that elect one process for a job, the members sharing a rate budget, and the
 * incoming updates taken already. On one machine these matter when two processes share the file;
 * the PostgreSQL twin is src/store/postgres/migrations/002-coordination.ts. Numbered 20 so that
 * the other rooms' migrations keep their numbers (versions are applied each once, in any order).
 */
export const coordinationMigration: Migration = {
  version: 20,
  name: "leases, shared budgets, incoming updates",
  up: `
    CREATE TABLE leases (
      name TEXT PRIMARY KEY,
      holder TEXT NOT NULL,
      until TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE budget_members (
      budget TEXT NOT NULL,
      member TEXT NOT NULL,
      since TEXT NOT NULL,
      until TEXT NOT NULL,
      PRIMARY KEY (budget, member)
    ) WITHOUT ROWID;

    CREATE TABLE seen_updates (
      source TEXT NOT NULL,
      id TEXT NOT NULL,
      seen_at TEXT NOT NULL,
      PRIMARY KEY (source, id)
    ) WITHOUT ROWID;
    CREATE INDEX seen_updates_by_age ON seen_updates (seen_at);
  `,
};
