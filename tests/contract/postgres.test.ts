import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PostgresDashboardStore } from "../../src/store/postgres/dashboard-store.js";
import { openPostgres, type PgDatabase } from "../../src/store/postgres/database.js";
import { PostgresSchedulingReads } from "../../src/store/postgres/scheduling-reads.js";
import { PostgresSchedulingStore } from "../../src/store/postgres/scheduling-store.js";
import { PostgresSourcesStore } from "../../src/store/postgres/sources-store.js";
import { createDatabase, dropDatabase } from "../helpers/postgres.js";
import { postgresBase } from "../helpers/postgres-base.js";
import { waitFor } from "../helpers/wait-for.js";
import { dashboardStoreContract } from "./dashboard-store.contract.js";
import { at, enqueue } from "./fixtures.js";
import { schedulingReadsContract } from "./scheduling-reads.contract.js";
import { schedulingStoreContract } from "./scheduling-store.contract.js";
import { sourcesStoreContract } from "./sources-store.contract.js";

/**
 * The same contracts on PostgreSQL: a real server (tests/helpers/postgres-setup.ts), one database
 * for this file, migrated once; each test starts from empty tables (TRUNCATE is a few
 * milliseconds where a new database is a few hundred). `another()` opens a second pool on the same
 * database: what a second process opens.
 */
let url = "";
beforeAll(async () => {
  url = await createDatabase(await postgresBase(), "contract");
});
afterAll(async () => {
  if (url) await dropDatabase(url);
});

function pgFixture<S>(make: (db: PgDatabase) => S) {
  return async () => {
    const first = await openPostgres(url, { poolSize: 4 });
    await emptyTables(first);
    const dbs: PgDatabase[] = [first];
    return {
      store: make(first),
      async another() {
        const db = await openPostgres(url, { poolSize: 4 });
        dbs.push(db);
        return make(db);
      },
      async close() {
        for (const db of dbs) await db.close();
      },
    };
  };
}

describe("SchedulingStore on PostgreSQL", () => {
  schedulingStoreContract(pgFixture((db) => new PostgresSchedulingStore(db)));
});

describe("SourcesStore on PostgreSQL", () => {
  sourcesStoreContract(pgFixture((db) => new PostgresSourcesStore(db)));
});

describe("DashboardStore on PostgreSQL", () => {
  dashboardStoreContract(pgFixture((db) => new PostgresDashboardStore(db)));
});

describe("SchedulingReads on PostgreSQL", () => {
  schedulingReadsContract(async () => {
    const fixture = await pgFixture((db) => ({
      store: new PostgresSchedulingStore(db),
      reads: new PostgresSchedulingReads(db),
    }))();
    return { ...fixture.store, close: fixture.close };
  });
});

describe("PostgreSQL's outbox watch", () => {
  it("GIVEN a process listening THEN a delivery another process enqueues wakes it, once per unit of work", async () => {
    const url = await createDatabase(await postgresBase(), "watch");
    const [mine, theirs] = [
      await openPostgres(url, { poolSize: 2 }),
      await openPostgres(url, { poolSize: 2 }),
    ];
    const heard: number[] = [];
    const stop = await new PostgresSchedulingStore(mine).watchOutbox(() => heard.push(Date.now()));
    try {
      const other = new PostgresSchedulingStore(theirs);
      await enqueue(other, ["discord:1", "discord:2", "discord:3"]);
      await waitFor(() => heard.length > 0, { what: "the notification" });
      // A claim is no news for the others: only work that becomes due to send is.
      await other.claimNextDelivery("w1", 60_000, at());
      await enqueue(other, ["discord:4"]);
      await waitFor(() => heard.length > 1, { what: "the second notification" });
      expect(heard).toHaveLength(2);
    } finally {
      await stop();
      await mine.close();
      await theirs.close();
      await dropDatabase(url);
    }
  });
});

async function emptyTables(db: PgDatabase): Promise<void> {
  const { rows } = await db.query<{ name: string }>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'",
  );
  await db.query(`TRUNCATE ${rows.map((r) => `"${r.name}"`).join(", ")} RESTART IDENTITY`);
}
