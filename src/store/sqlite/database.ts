import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { migrations } from "./migrations/index.js";

export type Db = Database.Database;

/** A versioned schema change. Versions are applied in order, each in its own transaction. */
export interface Migration {
  version: number;
  name: string;
  up: string;
}

/**
 * Opens (creating if needed) the SQLite database in WAL mode and applies pending migrations.
 * WAL lets the bot read while a reload writes, and lets two processes share one file.
 */
export function openDatabase(path: string): Db {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  // A second process holding the write lock briefly must not make this one fail.
  db.pragma("busy_timeout = 5000");
  try {
    migrate(db, migrations);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * The database was written by a newer release: its schema has versions this code does not know.
 * Using it anyway would read and write tables whose shape we only guess, so the start stops.
 */
export class SchemaTooNewError extends Error {
  constructor(
    readonly path: string,
    readonly databaseVersion: number,
    readonly codeVersion: number,
  ) {
    super(
      `the database ${path} has schema version ${databaseVersion}, but this release of Newsdesk knows versions up to ${codeVersion}: a newer release wrote it. Run that release (or newer), or point DATABASE_PATH at another file. Its tables were left as they are.`,
    );
    this.name = "SchemaTooNewError";
  }
}

export function migrate(db: Db, list: readonly Migration[]): void {
  db.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
  );
  const done = new Set(
    db
      .prepare("SELECT version FROM schema_migrations")
      .pluck()
      .all()
      .map((v) => Number(v)),
  );
  // Checked before any migration runs: an older release must not add its own steps on top.
  const known = Math.max(0, ...list.map((m) => m.version));
  const newest = Math.max(0, ...done);
  if (newest > known) throw new SchemaTooNewError(db.name, newest, known);
  const ordered = [...list].sort((a, b) => a.version - b.version);
  for (const migration of ordered) {
    if (done.has(migration.version)) continue;
    db.transaction(() => {
      // Another process may have applied it since `done` was read: the write lock taken by this
      // IMMEDIATE transaction makes this second look the one that counts.
      if (db.prepare("SELECT 1 FROM schema_migrations WHERE version = ?").get(migration.version)) return;
      db.exec(migration.up);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    }).immediate();
  }
}
