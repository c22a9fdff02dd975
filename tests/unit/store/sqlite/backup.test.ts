import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { BackupRefused, backupDatabase, restoreDatabase } from "../../../../src/store/sqlite/backup.js";
import { openDatabase } from "../../../../src/store/sqlite/database.js";

const work = mkdtempSync(join(tmpdir(), "newsdesk-backup-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let files = 0;
function fresh(name: string): string {
  files += 1;
  return join(work, `${files}-${name}`);
}

/** A Newsdesk database with one audit row saying `what`, left open as a running bot leaves it. */
function liveDatabase(what: string) {
  const path = fresh("live.db");
  const db = openDatabase(path);
  const note = (text: string) =>
    db
      .prepare(
        "INSERT INTO audit_log (at, actor_id, actor_name, target, action, detail) VALUES ('2025-07-18T09:00:00Z', 'u', 'u', 'console', ?, '{}')",
      )
      .run(text);
  note(what);
  return { path, db, note };
}

function actions(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare("SELECT action FROM audit_log ORDER BY id").pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe("backupDatabase", () => {
  it("GIVEN a database open in WAL mode with rows not yet checkpointed THEN the copy holds them", async () => {
    const live = liveDatabase("first");
    // Still in the WAL file, not in the main file: a plain file copy would miss it.
    live.note("second");
    const copy = fresh("copy.db");
    const done = await backupDatabase(live.path, copy);
    live.db.close();
    expect(done.pages).toBeGreaterThan(0);
    expect(actions(copy)).toEqual(["first", "second"]);
  });

  it("GIVEN no database, or a backup file that exists THEN refused, nothing written", async () => {
    const live = liveDatabase("x");
    const taken = fresh("taken.db");
    writeFileSync(taken, "keep me");
    await expect(backupDatabase(fresh("none.db"), fresh("out.db"))).rejects.toThrow(/no database at/);
    await expect(backupDatabase(live.path, taken)).rejects.toThrow(BackupRefused);
    live.db.close();
  });
});

describe("restoreDatabase", () => {
  it("GIVEN a backup and a database changed since THEN the database is the backup again, and opens as usual", async () => {
    const live = liveDatabase("before");
    const copy = fresh("copy.db");
    await backupDatabase(live.path, copy);
    live.note("after the backup");
    live.db.close();
    await restoreDatabase(copy, live.path);
    expect(actions(live.path)).toEqual(["before"]);
    openDatabase(live.path).close(); // and the bot opens it as usual
  });

  it("GIVEN a file that is not SQLite, a SQLite file Newsdesk did not write, or a newer schema THEN refused, the database untouched", async () => {
    const live = liveDatabase("kept");
    live.db.close();
    const text = fresh("notes.txt");
    writeFileSync(text, "not a database at all, just some words that are long enough to be a page");
    const foreign = fresh("foreign.db");
    new Database(foreign).exec("CREATE TABLE t (x)");
    const newer = fresh("newer.db");
    await backupDatabase(live.path, newer);
    new Database(newer).prepare("INSERT INTO schema_migrations VALUES (999, 'future', 'x')").run();

    await expect(restoreDatabase(text, live.path)).rejects.toThrow(/is not a SQLite database/);
    await expect(restoreDatabase(foreign, live.path)).rejects.toThrow(/not one Newsdesk wrote/);
    await expect(restoreDatabase(newer, live.path)).rejects.toThrow(/schema version 999/);
    await expect(restoreDatabase(fresh("missing.db"), live.path)).rejects.toThrow(/no such file/);
    await expect(restoreDatabase(live.path, live.path)).rejects.toThrow(/the database itself/);
    expect(actions(live.path)).toEqual(["kept"]);
  });
});
