import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { migrations } from "./migrations/index.js";

/**
 * Backup and restore of the SQLite database for operators (`cli backup`, `cli restore`), through
 * SQLite's online backup API: a consistent copy even while the bot writes (WAL included), with no
 * sqlite3 program needed on the host.
 */

/** What an operator gets wrong (a missing file, a file that is not a Newsdesk database): said in one line. */
export class BackupRefused extends Error {
  override readonly name = "BackupRefused";
}

export interface Copied {
  from: string;
  to: string;
  pages: number;
}

/** Copies the live database `from` into the new file `to` (never over an existing file), making its folder. */
export async function backupDatabase(from: string, to: string): Promise<Copied> {
  if (!existsSync(from)) throw new BackupRefused(`no database at ${from} (DATABASE_PATH)`);
  if (existsSync(to)) throw new BackupRefused(`${to} exists already: choose a new file name`);
  mkdirSync(dirname(to), { recursive: true });
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    source.pragma("busy_timeout = 5000");
    const { totalPages } = await source.backup(to);
    return { from, to, pages: totalPages };
  } finally {
    source.close();
  }
}

/**
 * Replaces the database `to` with the backup `from`, once `from` is checked to be a sound Newsdesk
 * database this release can read. Written through SQLite (not a file copy), so a WAL file left
 * beside `to` cannot be replayed over the restored pages. The bot must be stopped meanwhile.
 */
export async function restoreDatabase(from: string, to: string): Promise<Copied> {
  if (!existsSync(from)) throw new BackupRefused(`no such file: ${from}`);
  if (resolve(from) === resolve(to)) throw new BackupRefused(`${from} is the database itself`);
  let source: Database.Database;
  try {
    source = new Database(from, { readonly: true, fileMustExist: true });
    source.pragma("schema_version");
  } catch {
    throw new BackupRefused(`${from} is not a SQLite database`);
  }
  try {
    checkRestorable(source, from);
    const { totalPages } = await source.backup(to);
    return { from, to, pages: totalPages };
  } finally {
    source.close();
  }
}

function checkRestorable(source: Database.Database, file: string): void {
  const hasVersions = source
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (!hasVersions) throw new BackupRefused(`${file} is a SQLite database, but not one Newsdesk wrote`);
  const check = source.pragma("quick_check", { simple: true });
  if (check !== "ok") throw new BackupRefused(`${file} is damaged (quick_check: ${String(check)})`);
  const version = Number(source.prepare("SELECT MAX(version) FROM schema_migrations").pluck().get() ?? 0);
  const known = Math.max(...migrations.map((m) => m.version));
  if (version > known) {
    throw new BackupRefused(
      `${file} has schema version ${version}; this release reads versions up to ${known}: restore it with the release that wrote it`,
    );
  }
}
