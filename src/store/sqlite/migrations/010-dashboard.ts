import type { Migration } from "../database.js";

/**
 * The dashboard's own tables (ADR 0115) and the indexes its pages read through (ADR 0116).
 * Numbered 10, not 4, so that migrations other rooms add meanwhile keep their numbers: versions
 * are applied each once, whatever order they arrive in.
 *
 * - dashboard_secret: one row, the secret that signs cookies when DASHBOARD_SECRET is not set.
 * - sign_in_tokens: operator links by the SHA-256 of their token, until they expire.
 * - dashboard_sessions: signed-in browsers by the SHA-256 of their cookie id; `data` is the web's JSON.
 * - deliveries by (target, updated_at) and by updated_at: the pages list the latest changes first.
 */
export const dashboardMigration: Migration = {
  version: 10,
  name: "dashboard secret, sign-in tokens, sessions; delivery indexes for the pages",
  up: `
    CREATE TABLE dashboard_secret (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      secret TEXT NOT NULL
    );
    CREATE TABLE sign_in_tokens (
      hash TEXT PRIMARY KEY,
      expires_at INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE dashboard_sessions (
      key TEXT PRIMARY KEY,
      data TEXT NOT NULL,
      last_seen INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX dashboard_sessions_seen ON dashboard_sessions (last_seen);
    CREATE INDEX deliveries_target_updated ON deliveries (target, updated_at);
    CREATE INDEX deliveries_updated ON deliveries (updated_at);
  `,
};
