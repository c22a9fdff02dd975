import type { PgMigration } from "../database.js";

/**
 * What the sources room (ADR 0110), keyword filters on subscriptions (ADR 0113) and the dashboard
 * (ADRs 0115-0116) keep, on PostgreSQL: the tables of src/store/sqlite/migrations/004-sources.ts,
 * 005-subscription-filters.ts and 010-dashboard.ts, with the same names and meanings. Instants of
 * the dashboard are epoch milliseconds (bigint), as its port speaks them.
 */
export const sourcesDashboardMigration: PgMigration = {
  version: 3,
  name: "sources, subscription filters, dashboard",
  up: `
    CREATE TABLE sources (
      url text COLLATE "C" PRIMARY KEY,
      fingerprint text NOT NULL,
      etag text,
      last_modified text,
      failures integer NOT NULL DEFAULT 0,
      next_poll_at text COLLATE "C",
      disabled_at text COLLATE "C",
      last_error text,
      last_fetch_at text COLLATE "C",
      last_success_at text COLLATE "C",
      first_read_at text COLLATE "C",
      items_imported integer NOT NULL DEFAULT 0,
      claimed_by text COLLATE "C",
      claim_until text COLLATE "C"
    );
    CREATE TABLE source_items (
      key text COLLATE "C" PRIMARY KEY,
      source text,
      file text,
      claimed_at text COLLATE "C" NOT NULL
    );

    ALTER TABLE subscriptions ADD COLUMN filter text COLLATE "C";

    CREATE TABLE dashboard_secret (
      id integer PRIMARY KEY CHECK (id = 1),
      secret text NOT NULL
    );
    CREATE TABLE sign_in_tokens (
      hash text COLLATE "C" PRIMARY KEY,
      expires_at bigint NOT NULL
    );
    CREATE TABLE dashboard_sessions (
      key text COLLATE "C" PRIMARY KEY,
      data text NOT NULL,
      last_seen bigint NOT NULL
    );
    CREATE INDEX dashboard_sessions_seen ON dashboard_sessions (last_seen);
    CREATE INDEX deliveries_target_updated ON deliveries (target, updated_at);
    CREATE INDEX deliveries_updated ON deliveries (updated_at);
  `,
};
