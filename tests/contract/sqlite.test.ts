import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe } from "vitest";
import { type Db, openDatabase } from "../../src/store/sqlite/database.js";
import { SqliteSchedulingStore } from "../../src/store/sqlite/scheduling-store.js";
import { SqliteSourcesStore } from "../../src/store/sqlite/sources-store.js";
import { schedulingStoreContract } from "./scheduling-store.contract.js";
import { sourcesStoreContract } from "./sources-store.contract.js";

/** A fresh database file; `another()` opens a second connection to it: what a second process opens. */
function sqliteFixture<S>(make: (db: Db) => S) {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsdesk-contract-"));
    const path = join(dir, "store.db");
    const dbs: Db[] = [openDatabase(path)];
    return {
      store: make(dbs[0] as Db),
      async another() {
        const db = openDatabase(path);
        dbs.push(db);
        return make(db);
      },
      async close() {
        for (const db of dbs) db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  };
}

describe("SchedulingStore on SQLite", () => {
  schedulingStoreContract(sqliteFixture((db) => new SqliteSchedulingStore(db)));
});

describe("SourcesStore on SQLite", () => {
  sourcesStoreContract(sqliteFixture((db) => new SqliteSourcesStore(db)));
});
