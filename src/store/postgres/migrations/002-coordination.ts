import type { PgMigration } from "../database.js";

/**
 * What processes agree on besides the outbox (CoordinationStore, ADRs 0102-0104): leases that
 * elect one process for a job, the members sharing a rate budget, and the incoming updates taken
 * already. The same tables exist on SQLite (src/store/sqlite/migrations/004-coordination.ts).
 */
export const coordinationMigration: PgMigration = {
  version: 2,
  name: "leases, shared budgets, incoming updates",
  up: `
    CREATE TABLE leases (
      name text COLLATE "C" PRIMARY KEY,
      holder text COLLATE "C" NOT NULL,
      until text COLLATE "C" NOT NULL
    );

    CREATE TABLE budget_members (
      budget text COLLATE "C" NOT NULL,
      member text COLLATE "C" NOT NULL,
      since text COLLATE "C" NOT NULL,
      until text COLLATE "C" NOT NULL,
      PRIMARY KEY (budget, member)
    );

    CREATE TABLE seen_updates (
      source text COLLATE "C" NOT NULL,
      id text COLLATE "C" NOT NULL,
      seen_at text COLLATE "C" NOT NULL,
      PRIMARY KEY (source, id)
    );
    CREATE INDEX seen_updates_by_age ON seen_updates (seen_at);
  `,
};
