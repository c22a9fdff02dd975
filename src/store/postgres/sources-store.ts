import type { PollRecord, SourceEntry, SourceState, SourcesStore } from "../../domain/sources.js";
import type { PgDatabase } from "./database.js";

/** A claimed item whose file has not come after this long was abandoned (its process died). */
const ITEM_CLAIM_MS = 10 * 60_000;

const COLUMNS = `url, fingerprint, etag, last_modified AS "lastModified", failures AS "consecutiveFailures",
  next_poll_at AS "nextPollAt", disabled_at AS "disabledAt", last_error AS "lastError",
  last_fetch_at AS "lastFetchAt", last_success_at AS "lastSuccessAt", first_read_at AS "firstReadAt",
  items_imported AS "itemsImported"`;

/**
 * The sources' state on PostgreSQL (ADR 0110; src/store/sqlite/sources-store.ts is the same on
 * SQLite): the processes of every machine share it, so a source is polled by one process at a
 * time (its row claimed with FOR UPDATE SKIP LOCKED under a lease) and an item is written once,
 * whichever process found it first (its keys inserted, or nothing).
 */
export class PostgresSourcesStore implements SourcesStore {
  constructor(
    private readonly db: PgDatabase,
    private readonly itemClaimMs = ITEM_CLAIM_MS,
  ) {}

  async syncSources(entries: readonly SourceEntry[], now: string): Promise<void> {
    if (entries.length === 0) return;
    await this.db.unit(async (sql) => {
      await sql.query(
        `INSERT INTO sources (url, fingerprint, next_poll_at)
         SELECT url, fingerprint, $3 FROM unnest($1::text[], $2::text[]) AS e(url, fingerprint)
         ON CONFLICT (url) DO UPDATE SET fingerprint = excluded.fingerprint, next_poll_at = $3,
           failures = CASE WHEN sources.disabled_at IS NULL THEN sources.failures ELSE 0 END,
           disabled_at = NULL
         WHERE sources.fingerprint <> excluded.fingerprint`,
        [entries.map((e) => e.url), entries.map((e) => e.fingerprint), now],
      );
    });
  }

  async claimDueSource(
    urls: readonly string[],
    worker: string,
    now: string,
    leaseMs: number,
  ): Promise<SourceState | null> {
    const until = new Date(Date.parse(now) + leaseMs).toISOString();
    const { rows } = await this.db.query<SourceState>(
      `WITH due AS (
         SELECT url FROM sources
          WHERE url = ANY($1::text[]) AND disabled_at IS NULL AND next_poll_at IS NOT NULL AND next_poll_at <= $2
            AND (claimed_by IS NULL OR claim_until <= $2)
          ORDER BY next_poll_at, url LIMIT 1
          FOR UPDATE SKIP LOCKED)
       UPDATE sources s SET claimed_by = $3, claim_until = $4 FROM due WHERE s.url = due.url
       RETURNING ${COLUMNS.replace(/(^|, *|\n *)(\w)/g, "$1s.$2")}`,
      [urls, now, worker, until],
    );
    return rows[0] ?? null;
  }

  async finishPoll(url: string, worker: string, record: PollRecord): Promise<void> {
    await this.db.query(
      `UPDATE sources SET etag = $3, last_modified = $4, failures = $5, next_poll_at = $6,
         disabled_at = CASE WHEN $7 THEN COALESCE(disabled_at, $8) ELSE NULL END,
         last_error = $9, last_fetch_at = $8,
         last_success_at = CASE WHEN $10 THEN $8 ELSE last_success_at END,
         first_read_at = CASE WHEN $10 THEN COALESCE(first_read_at, $8) ELSE first_read_at END,
         items_imported = items_imported + $11,
         claim_until = CASE WHEN claimed_by = $2 THEN NULL ELSE claim_until END,
         claimed_by = CASE WHEN claimed_by = $2 THEN NULL ELSE claimed_by END
       WHERE url = $1`,
      [
        url,
        worker,
        record.etag,
        record.lastModified,
        record.consecutiveFailures,
        record.nextPollAt,
        record.disabled,
        record.at,
        record.lastError,
        record.read,
        record.imported,
      ],
    );
  }

  async sourceStates(urls?: readonly string[]): Promise<SourceState[]> {
    const { rows } =
      urls === undefined
        ? await this.db.query<SourceState>(`SELECT ${COLUMNS} FROM sources ORDER BY url`)
        : await this.db.query<SourceState>(
            `SELECT ${COLUMNS} FROM sources WHERE url = ANY($1::text[]) ORDER BY url`,
            [urls],
          );
    return rows;
  }

  async nextDue(urls: readonly string[]): Promise<string | null> {
    const { rows } = await this.db.query<{ t: string | null }>(
      `SELECT MIN(GREATEST(next_poll_at, COALESCE(claim_until, ''))) AS t FROM sources
        WHERE url = ANY($1::text[]) AND disabled_at IS NULL AND next_poll_at IS NOT NULL`,
      [urls],
    );
    return rows[0]?.t ?? null;
  }

  async hasSeen(keys: readonly string[], now: string): Promise<boolean> {
    if (keys.length === 0) return false;
    const { rows } = await this.db.query(
      "SELECT 1 FROM source_items WHERE key = ANY($1::text[]) AND (file IS NOT NULL OR claimed_at > $2) LIMIT 1",
      [keys, this.staleBefore(now)],
    );
    return rows.length > 0;
  }

  async claimItem(keys: readonly string[], claim: { source: string | null; at: string }): Promise<boolean> {
    return this.db.unit(async (sql) => {
      // Every key of the item, locked in one order: two processes claiming the same item queue here.
      await sql.query(
        "SELECT pg_advisory_xact_lock(1851876212, hashtext(k)) FROM unnest($1::text[]) k ORDER BY k",
        [[...keys]],
      );
      const { rows } = await sql.query(
        "SELECT 1 FROM source_items WHERE key = ANY($1::text[]) AND (file IS NOT NULL OR claimed_at > $2) LIMIT 1",
        [keys, this.staleBefore(claim.at)],
      );
      if (rows.length > 0) return false;
      await sql.query(
        `INSERT INTO source_items (key, source, file, claimed_at) SELECT k, $2, NULL, $3 FROM unnest($1::text[]) k
         ON CONFLICT (key) DO UPDATE SET source = excluded.source, file = NULL, claimed_at = excluded.claimed_at`,
        [keys, claim.source, claim.at],
      );
      return true;
    });
  }

  async itemWritten(keys: readonly string[], file: string): Promise<void> {
    await this.db.query("UPDATE source_items SET file = $1 WHERE key = ANY($2::text[])", [file, keys]);
  }

  async releaseItem(keys: readonly string[]): Promise<void> {
    await this.db.query("DELETE FROM source_items WHERE key = ANY($1::text[]) AND file IS NULL", [keys]);
  }

  private staleBefore(now: string): string {
    return new Date(Date.parse(now) - this.itemClaimMs).toISOString();
  }
}
