/**
 * The CLI's database commands for operators: backup, restore and audit, on the SQLite file of
 * DATABASE_PATH (ADR 0121). A file named wrongly throws BackupRefused, which the CLI reports as a
 * usage error.
 */
import { existsSync } from "node:fs";
import type { AuditEntry } from "./domain/channel.js";
import { BackupRefused, backupDatabase, type Copied, restoreDatabase } from "./store/sqlite/backup.js";
import { openDatabase } from "./store/sqlite/database.js";
import { SqliteSchedulingStore } from "./store/sqlite/scheduling-store.js";

export { BackupRefused };

/** What a command prints: one JSON document with --json, else the text. */
export interface Printed {
  document: unknown;
  text: string;
}

/** `backup FILE` copies the database into a new file; `restore FILE` puts a backup in its place. */
export async function copyDatabase(
  command: "backup" | "restore",
  file: string,
  databasePath: string,
): Promise<Printed> {
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
  databasePath: string,
  limit: number,
  target: string | undefined,
): Promise<Printed> {
  if (!existsSync(databasePath)) throw new BackupRefused(`no database at ${databasePath}`);
  const db = openDatabase(databasePath);
  try {
    const entries = await new SqliteSchedulingStore(db).recentAudit(limit, target);
    return {
      document: { entries },
      text: entries.map(describeAuditEntry).join("\n") || "no changes recorded",
    };
  } finally {
    db.close();
  }
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
