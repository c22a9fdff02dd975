/**
 * One process bringing the shared store's schema up to date, as a bot does at start. Waits for a
 * line on stdin first, so that a test starts two of them at the same moment; prints the versions
 * this process applied itself, as one JSON line.
 */
import pg from "pg";
import { migratePostgres, PgDatabase } from "../../../src/store/postgres/database.js";
import { pgMigrations } from "../../../src/store/postgres/migrations/index.js";

const url = process.argv[2] ?? "";
const db = new PgDatabase(new pg.Pool({ connectionString: url, max: 2 }));
await db.query("SELECT 1");
process.stdout.write("READY\n");
await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
process.stdin.destroy();
const applied = await migratePostgres(db, pgMigrations);
process.stdout.write(`${JSON.stringify({ applied })}\n`);
await db.close();
