import type { Migration } from "../database.js";

/**
 * Sources (ADR 0110): each configured feed or page by its URL, with what its next poll needs
 * (validators, failures, when it is due, the lease of the process polling it) and what /sources
 * shows; and every item imported from any of them, by each of its dedupe keys (ADR 0074), with
 * the file written for it. Rows outlive the sources file's entries: an item stays seen, and a
 * file an operator deleted is not written again.
 */
export const sourcesMigration: Migration = {
  version: 4,
  name: "sources and the items imported from them",
  up: `
    CREATE TABLE sources (
      url TEXT PRIMARY KEY,
      fingerprint TEXT NOT NULL,
      etag TEXT,
      last_modified TEXT,
      failures INTEGER NOT NULL DEFAULT 0,
      next_poll_at TEXT,
      disabled_at TEXT,
      last_error TEXT,
      last_fetch_at TEXT,
      last_success_at TEXT,
      first_read_at TEXT,
      items_imported INTEGER NOT NULL DEFAULT 0,
      claimed_by TEXT,
      claim_until TEXT
    ) WITHOUT ROWID;

    -- key: guid:<...> | url:<canonical URL> | hash:<title and text>. file is null while the
    -- item is being written (claimed at claimed_at).
    CREATE TABLE source_items (
      key TEXT PRIMARY KEY,
      source TEXT,
      file TEXT,
      claimed_at TEXT NOT NULL
    ) WITHOUT ROWID;
  `,
};
