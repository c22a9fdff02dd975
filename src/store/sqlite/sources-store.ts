import type { PollRecord, SourceEntry, SourceState, SourcesStore } from "../../domain/sources.js";
import type { Db } from "./database.js";

/** A claimed item whose file has not come after this long was abandoned (its process died). */
const ITEM_CLAIM_MS = 10 * 60_000;

const COLUMNS = `url, fingerprint, etag, last_modified AS lastModified, failures AS consecutiveFailures,
  next_poll_at AS nextPollAt, disabled_at AS disabledAt, last_error AS lastError,
  last_fetch_at AS lastFetchAt, last_success_at AS lastSuccessAt, first_read_at AS firstReadAt,
  items_imported AS itemsImported`;

/**
 * The sources' state on SQLite (ADR 0110). Each unit of work is one IMMEDIATE transaction, so a
 * claim (a source to poll, an item to write) is atomic across processes sharing the file. Lists
 * of URLs and keys go in as JSON (json_each), as the scheduling store does.
 */
export class SqliteSourcesStore implements SourcesStore {
  private readonly stmts;

  constructor(
    private readonly db: Db,
    private readonly itemClaimMs = ITEM_CLAIM_MS,
  ) {
    this.stmts = {
      get: db.prepare(`SELECT ${COLUMNS} FROM sources WHERE url = ?`),
      insert: db.prepare("INSERT INTO sources (url, fingerprint, next_poll_at) VALUES (?, ?, ?)"),
      edited: db.prepare(
        `UPDATE sources SET fingerprint = @fingerprint, next_poll_at = @now,
           failures = CASE WHEN disabled_at IS NULL THEN failures ELSE 0 END, disabled_at = NULL
         WHERE url = @url`,
      ),
      due: db
        .prepare(
          `SELECT url FROM sources
           WHERE url IN (SELECT value FROM json_each(@urls)) AND disabled_at IS NULL
             AND next_poll_at IS NOT NULL AND next_poll_at <= @now
             AND (claimed_by IS NULL OR claim_until <= @now)
           ORDER BY next_poll_at, url LIMIT 1`,
        )
        .pluck(),
      claim: db.prepare("UPDATE sources SET claimed_by = ?, claim_until = ? WHERE url = ?"),
      finish: db.prepare(
        `UPDATE sources SET etag = @etag, last_modified = @lastModified, failures = @failures,
           next_poll_at = @nextPollAt,
           disabled_at = CASE WHEN @disabled THEN COALESCE(disabled_at, @at) ELSE NULL END,
           last_error = @lastError, last_fetch_at = @at,
           last_success_at = CASE WHEN @read THEN @at ELSE last_success_at END,
           first_read_at = CASE WHEN @read THEN COALESCE(first_read_at, @at) ELSE first_read_at END,
           items_imported = items_imported + @imported,
           claim_until = CASE WHEN claimed_by = @worker THEN NULL ELSE claim_until END,
           claimed_by = CASE WHEN claimed_by = @worker THEN NULL ELSE claimed_by END
         WHERE url = @url`,
      ),
      all: db.prepare(`SELECT ${COLUMNS} FROM sources ORDER BY url`),
      some: db.prepare(
        `SELECT ${COLUMNS} FROM sources WHERE url IN (SELECT value FROM json_each(?)) ORDER BY url`,
      ),
      nextDue: db
        .prepare(
          `SELECT MIN(MAX(next_poll_at, COALESCE(claim_until, ''))) FROM sources
           WHERE url IN (SELECT value FROM json_each(?)) AND disabled_at IS NULL AND next_poll_at IS NOT NULL`,
        )
        .pluck(),
      seen: db
        .prepare(
          `SELECT 1 FROM source_items WHERE key IN (SELECT value FROM json_each(?))
             AND (file IS NOT NULL OR claimed_at > ?) LIMIT 1`,
        )
        .pluck(),
      claimItem: db.prepare(
        "INSERT OR REPLACE INTO source_items (key, source, file, claimed_at) VALUES (?, ?, NULL, ?)",
      ),
      written: db.prepare("UPDATE source_items SET file = ? WHERE key IN (SELECT value FROM json_each(?))"),
      release: db.prepare(
        "DELETE FROM source_items WHERE key IN (SELECT value FROM json_each(?)) AND file IS NULL",
      ),
    };
  }

  private unit<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  async syncSources(entries: readonly SourceEntry[], now: string): Promise<void> {
    this.unit(() => {
      for (const entry of entries) {
        const row = this.stmts.get.get(entry.url) as SourceState | undefined;
        if (!row) this.stmts.insert.run(entry.url, entry.fingerprint, now);
        else if (row.fingerprint !== entry.fingerprint) this.stmts.edited.run({ ...entry, now });
      }
    });
  }

  async claimDueSource(
    urls: readonly string[],
    worker: string,
    now: string,
    leaseMs: number,
  ): Promise<SourceState | null> {
    return this.unit(() => {
      const url = this.stmts.due.get({ urls: JSON.stringify(urls), now }) as string | undefined;
      if (url === undefined) return null;
      this.stmts.claim.run(worker, new Date(Date.parse(now) + leaseMs).toISOString(), url);
      return this.stmts.get.get(url) as SourceState;
    });
  }

  async finishPoll(url: string, worker: string, record: PollRecord): Promise<void> {
    this.stmts.finish.run({
      url,
      worker,
      at: record.at,
      etag: record.etag,
      lastModified: record.lastModified,
      failures: record.consecutiveFailures,
      nextPollAt: record.nextPollAt,
      disabled: record.disabled ? 1 : 0,
      lastError: record.lastError,
      read: record.read ? 1 : 0,
      imported: record.imported,
    });
  }

  async sourceStates(urls?: readonly string[]): Promise<SourceState[]> {
    const rows = urls === undefined ? this.stmts.all.all() : this.stmts.some.all(JSON.stringify(urls));
    return rows as SourceState[];
  }

  async nextDue(urls: readonly string[]): Promise<string | null> {
    return (this.stmts.nextDue.get(JSON.stringify(urls)) as string | null) ?? null;
  }

  async hasSeen(keys: readonly string[], now: string): Promise<boolean> {
    if (keys.length === 0) return false;
    return this.stmts.seen.get(JSON.stringify(keys), this.staleBefore(now)) !== undefined;
  }

  async claimItem(keys: readonly string[], claim: { source: string | null; at: string }): Promise<boolean> {
    return this.unit(() => {
      if (this.stmts.seen.get(JSON.stringify(keys), this.staleBefore(claim.at)) !== undefined) return false;
      for (const key of keys) this.stmts.claimItem.run(key, claim.source, claim.at);
      return true;
    });
  }

  async itemWritten(keys: readonly string[], file: string): Promise<void> {
    this.stmts.written.run(file, JSON.stringify(keys));
  }

  async releaseItem(keys: readonly string[]): Promise<void> {
    this.stmts.release.run(JSON.stringify(keys));
  }

  private staleBefore(now: string): string {
    return new Date(Date.parse(now) - this.itemClaimMs).toISOString();
  }
}
