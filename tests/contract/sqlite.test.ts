import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe } from "vitest";
import { type Db, openDatabase } from "../../src/store/sqlite/database.js";
import { SqliteSchedulingStore } from "../../src/store/sqlite/scheduling-store.js";
import { SqliteSourcesStore } from "../../src/store/sqlite/sources-store.js";
import { schedulingStoreContract } from "./scheduling-store.contract.js";
import { sourcesStoreContract } from "./sources-store.contract.js";

describe("SchedulingStore on SQLite", () => {
  schedulingStoreContract(async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsdesk-contract-"));
    const path = join(dir, "store.db");
    const dbs: Db[] = [openDatabase(path)];
    return {
      store: new SqliteSchedulingStore(dbs[0] as Db),
      async another() {
        // A second connection to the same file: what a second process opens.
        const db = openDatabase(path);
        dbs.push(db);
        return new SqliteSchedulingStore(db);
      },
      async close() {
        for (const db of dbs) db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });
});

describe("SourcesStore on SQLite", () => {
  sourcesStoreContract(async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsdesk-contract-"));
    const path = join(dir, "store.db");
    const dbs: Db[] = [openDatabase(path)];
    return {
      store: new SqliteSourcesStore(dbs[0] as Db),
      async another() {
        const db = openDatabase(path);
        dbs.push(db);
        return new SqliteSourcesStore(db);
      },
      async close() {
        for (const db of dbs) db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });
});
