/**
 * The CLI's database commands for operators: backup, restore and audit, on the SQLite file of
 * DATABASE_PATH (ADR 0121), or on PostgreSQL when DATABASE_URL is set (audit; backup and restore
 * point to pg_dump and pg_restore, which do that job). A file named wrongly throws BackupRefused,
 * which the CLI reports as a usage error.
 */
import { existsSync } from "node:fs";
import type { AuditEntry } from "./domain/channel.js";
import type { SchedulingStore } from "./domain/scheduling-store.js";
import type { SharedStateOptions } from "./store/postgres/open-store.js";
import { BackupRefused, backupDatabase, type Copied, restoreDatabase } from "./store/sqlite/backup.js";
import { openDatabase } from "./store/sqlite/database.js";
import { SqliteSchedulingStore } from "./store/sqlite/scheduling-store.js";

export { BackupRefused };

/** Where the bot's state is: DATABASE_PATH, and DATABASE_URL when set. */
export interface Database {
  path: string;
  shared: SharedStateOptions | undefined;
}

/** What a command prints: one JSON document with --json, else the text. */
export interface Printed {
  document: unknown;
  text: string;
}

/** `backup FILE` copies the database into a new file; `restore FILE` puts a backup in its place. */
export async function copyDatabase(
  command: "backup" | "restore",
  file: string,
  database: Database,
): Promise<Printed> {
  // These copy one machine's SQLite file; with DATABASE_URL what matters lives in PostgreSQL.
  if (database.shared) {
    throw new BackupRefused(
      `DATABASE_URL is set: the shared state is in PostgreSQL, which ${command} does not copy; use ${command === "backup" ? "pg_dump -Fc" : "pg_restore"} on that database (README: Running on several machines)`,
    );
  }
  const databasePath = database.path;
  const copied: Copied =
    command === "backup"
      ? await backupDatabase(databasePath, file)
      : await restoreDatabase(file, databasePath);
  return {
    document: copied,
    text: `${command === "backup" ? "backed up" : "restored"} ${copied.from} to ${copied.to}`,
  };
}

/** `audit`: the newest changes, of one target or all, newest first. */
export async function readAudit(
  database: Database,
  limit: number,
  target: string | undefined,
): Promise<Printed> {
  if (database.shared) {
    const { openPostgresStore } = await import("./store/postgres/open-store.js");
    const stores = await openPostgresStore(database.shared);
    try {
      return await auditOf(stores.scheduling, limit, target);
    } finally {
      await stores.close();
    }
  }
  const databasePath = database.path;
  if (!existsSync(databasePath)) throw new BackupRefused(`no database at ${databasePath}`);
  const db = openDatabase(databasePath);
  try {
    return await auditOf(new SqliteSchedulingStore(db), limit, target);
  } finally {
    db.close();
  }
}

/** The audit read from a store of either engine (PostgreSQL when DATABASE_URL is set). */
async function auditOf(
  store: Pick<SchedulingStore, "recentAudit">,
  limit: number,
  target: string | undefined,
): Promise<Printed> {
  const entries = await store.recentAudit(limit, target);
  return {
    document: { entries },
    text: entries.map(describeAuditEntry).join("\n") || "no changes recorded",
  };
}

/** One audit entry on one line: when (UTC), who, where, what, and the details. */
function describeAuditEntry(entry: AuditEntry): string {
  const when = entry.at.replace("T", " ").replace(/:\d\d(\.\d+)?Z$/, " UTC");
  const detail = Object.entries(entry.detail)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(" ");
  return `${when}  ${entry.actorName} (${entry.actorId})  ${entry.target}  ${entry.action}  ${detail}`.trimEnd();
}
