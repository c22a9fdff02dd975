import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe } from "vitest";
import { SqliteDashboardStore } from "../../src/store/sqlite/dashboard-store.js";
import { type Db, openDatabase } from "../../src/store/sqlite/database.js";
import { SqliteSchedulingReads } from "../../src/store/sqlite/scheduling-reads.js";
import { SqliteSchedulingStore } from "../../src/store/sqlite/scheduling-store.js";
import { dashboardStoreContract } from "./dashboard-store.contract.js";
import { schedulingReadsContract } from "./scheduling-reads.contract.js";

/** The dashboard's ports on SQLite: a fresh database file per test, a second connection as a second process. */
function tempDatabase() {
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-contract-"));
  const path = join(dir, "store.db");
  const dbs: Db[] = [openDatabase(path)];
  return {
    db: dbs[0] as Db,
    another: () => {
      const db = openDatabase(path);
      dbs.push(db);
      return db;
    },
    close: async () => {
      for (const db of dbs) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe("DashboardStore on SQLite", () => {
  dashboardStoreContract(async () => {
    const database = tempDatabase();
    return {
      store: new SqliteDashboardStore(database.db),
      another: async () => new SqliteDashboardStore(database.another()),
      close: database.close,
    };
  });
});

describe("SchedulingReads on SQLite", () => {
  schedulingReadsContract(async () => {
    const database = tempDatabase();
    return {
      store: new SqliteSchedulingStore(database.db),
      reads: new SqliteSchedulingReads(database.db),
      close: database.close,
    };
  });
});
