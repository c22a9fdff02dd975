import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, SchemaTooNewError } from "../../../../src/store/sqlite/database.js";
import { migrations } from "../../../../src/store/sqlite/migrations/index.js";

const KNOWN = Math.max(...migrations.map((m) => m.version));

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "newsdesk-store-"));
  path = join(dir, "bot.db");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** What a newer release leaves behind: every version we know, plus ones we do not. */
function writtenByNewerRelease(versions: number[]): void {
  openDatabase(path).close();
  const raw = new Database(path);
  const insert = raw.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
  for (const v of versions) insert.run(v, `from the future ${v}`, "2030-01-01T00:00:00.000Z");
  raw.close();
}

function tables(): string[] {
  const raw = new Database(path, { readonly: true });
  const names = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  raw.close();
  return names;
}

describe("openDatabase", () => {
  it("GIVEN a database at this code's schema version THEN it opens, again and again", () => {
    openDatabase(path).close();
    const db = openDatabase(path);
    expect(db.prepare("SELECT MAX(version) FROM schema_migrations").pluck().get()).toBe(KNOWN);
    db.close();
  });

  it("GIVEN a database whose schema is newer than the code THEN the start is refused, naming both versions", () => {
    writtenByNewerRelease([KNOWN + 1, KNOWN + 2]);
    let error: unknown;
    try {
      openDatabase(path).close();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SchemaTooNewError);
    const message = (error as Error).message;
    expect(message).toContain(path);
    expect(message).toContain(`schema version ${KNOWN + 2}`);
    expect(message).toContain(`knows versions up to ${KNOWN}`);
    expect(message).toMatch(/DATABASE_PATH/);
    expect(error).toMatchObject({ databaseVersion: KNOWN + 2, codeVersion: KNOWN });
  });

  it("GIVEN a newer database missing an old step THEN the old code adds no table to it", () => {
    // Version 2 absent but a newer one present: the old loop would have run migration 2 on top.
    const raw = new Database(path);
    raw.exec(
      "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
    );
    raw.prepare("INSERT INTO schema_migrations VALUES (?, 'future', '2030-01-01')").run(KNOWN + 5);
    raw.close();
    const before = tables();
    expect(() => openDatabase(path)).toThrow(SchemaTooNewError);
    expect(tables()).toEqual(before);
  });
});
