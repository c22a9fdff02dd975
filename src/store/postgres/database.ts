import pg from "pg";
import type { Logger } from "../../domain/logger.js";
import { pgMigrations } from "./migrations/index.js";

/** A versioned schema change for PostgreSQL, applied in its own transaction. */
export interface PgMigration {
  version: number;
  name: string;
  up: string;
}

/** What a unit of work runs its statements on: a pooled client inside a transaction. */
export type Sql = pg.PoolClient;

/**
 * The database as the store sees it: a pool, and units of work on it. A unit is one transaction
 * (READ COMMITTED: each statement sees what others committed before it; the units re-check
 * what they were planned from in their UPDATE's WHERE, which PostgreSQL re-evaluates on the row's
 * newest version when another transaction changed it meanwhile).
 */
export class PgDatabase {
  constructor(readonly pool: pg.Pool) {}

  /**
   * Runs `work` in one transaction: committed if it returns, rolled back if it throws. A deadlock
   * or a serialization failure (two units touching the same rows in another order) is retried
   * from the start, a few times: the unit saw nothing of its failed try.
   */
  async unit<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const sql = await this.pool.connect();
      try {
        await sql.query("BEGIN");
        const result = await work(sql);
        await sql.query("COMMIT");
        return result;
      } catch (error) {
        await sql.query("ROLLBACK").catch(() => undefined);
        if (!(attempt < 4 && isRetryable(error))) throw error;
      } finally {
        sql.release();
      }
    }
  }

  /** One statement on its own (autocommit): reads, and writes that are a unit by themselves. */
  async query<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<pg.QueryResult<R>> {
    return this.pool.query<R>(text, values);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "40P01" || code === "40001";
}

export interface OpenPostgresOptions {
  /** Connections in the pool (default 10). */
  poolSize?: number;
  log?: Logger;
}

/**
 * Connects to PostgreSQL and brings its schema up to date: migrations run under an advisory lock,
 * so processes starting together apply each once (the others wait, then find it done).
 */
export async function openPostgres(url: string, options: OpenPostgresOptions = {}): Promise<PgDatabase> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 15_000,
    application_name: "newsdesk",
  });
  // An idle connection dropped by the server (a restart, a failover) must not crash the bot: the
  // pool replaces it, and the next unit of work fails or succeeds on its own.
  pool.on("error", (error) => options.log?.warn({ err: error.message }, "postgres connection lost"));
  const db = new PgDatabase(pool);
  try {
    await migratePostgres(db, pgMigrations);
  } catch (error) {
    await pool.end().catch(() => undefined);
    if (error instanceof PgSchemaTooNewError) throw error;
    // Say which setting and which server, never the password: "connect ECONNREFUSED" alone does not.
    throw new Error(
      `PostgreSQL at ${serverOf(url)} (DATABASE_URL) cannot be used: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  return db;
}

/** host:port/database of a connection URL, without its user or password. */
function serverOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
  } catch {
    return "the configured server";
  }
}

/** The key of the advisory lock that migrations run under (any constant: "ndmg"). */
const MIGRATION_LOCK = 0x6e646d67;

/** The database was written by a newer release (see the SQLite twin in store/sqlite/database.ts). */
export class PgSchemaTooNewError extends Error {
  constructor(
    readonly databaseVersion: number,
    readonly codeVersion: number,
  ) {
    super(
      `the PostgreSQL database in DATABASE_URL has schema version ${databaseVersion}, but this release of Newsdesk knows versions up to ${codeVersion}: a newer release wrote it. Run that release (or newer) on every machine. Its tables were left as they are.`,
    );
    this.name = "PgSchemaTooNewError";
  }
}

/**
 * Applies the migrations not applied yet, each in its own transaction, while holding a session
 * advisory lock: a second process waits at the lock, then reads the versions again and finds
 * them applied. Returns the versions this call applied.
 */
export async function migratePostgres(db: PgDatabase, list: readonly PgMigration[]): Promise<number[]> {
  const sql = await db.pool.connect();
  const applied: number[] = [];
  try {
    await sql.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      await sql.query(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)",
      );
      const { rows } = await sql.query<{ version: number }>("SELECT version FROM schema_migrations");
      const done = new Set(rows.map((r) => Number(r.version)));
      const known = Math.max(0, ...list.map((m) => m.version));
      const newest = Math.max(0, ...done);
      if (newest > known) throw new PgSchemaTooNewError(newest, known);
      for (const migration of [...list].sort((a, b) => a.version - b.version)) {
        if (done.has(migration.version)) continue;
        await sql.query("BEGIN");
        try {
          await sql.query(migration.up);
          await sql.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", [
            migration.version,
            migration.name,
            new Date().toISOString(),
          ]);
          await sql.query("COMMIT");
          applied.push(migration.version);
        } catch (error) {
          await sql.query("ROLLBACK").catch(() => undefined);
          throw error;
        }
      }
    } finally {
      await sql.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    }
  } finally {
    sql.release();
  }
  return applied;
}
