import { afterAll, beforeAll, describe } from "vitest";
import { openPostgres, type PgDatabase } from "../../src/store/postgres/database.js";
import { PostgresSchedulingStore } from "../../src/store/postgres/scheduling-store.js";
import { createDatabase, dropDatabase } from "../helpers/postgres.js";
import { postgresBase } from "../helpers/postgres-base.js";
import { schedulingStoreContract } from "./scheduling-store.contract.js";

/**
 * The same contract on PostgreSQL: a real server (tests/helpers/postgres-setup.ts), one database
 * for this file, migrated once; each test starts from empty tables (TRUNCATE is a few
 * milliseconds where a new database is a few hundred).
 */
describe("SchedulingStore on PostgreSQL", () => {
  let url = "";
  beforeAll(async () => {
    url = await createDatabase(await postgresBase(), "contract");
  });
  afterAll(async () => {
    if (url) await dropDatabase(url);
  });

  schedulingStoreContract(async () => {
    const first = await openPostgres(url, { poolSize: 4 });
    await emptyTables(first);
    const dbs: PgDatabase[] = [first];
    return {
      store: new PostgresSchedulingStore(first),
      async another() {
        // A second pool on the same database: what a second process opens.
        const db = await openPostgres(url, { poolSize: 4 });
        dbs.push(db);
        return new PostgresSchedulingStore(db);
      },
      async close() {
        for (const db of dbs) await db.close();
      },
    };
  });
});

async function emptyTables(db: PgDatabase): Promise<void> {
  const { rows } = await db.query<{ name: string }>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'",
  );
  await db.query(`TRUNCATE ${rows.map((r) => `"${r.name}"`).join(", ")} RESTART IDENTITY`);
}
