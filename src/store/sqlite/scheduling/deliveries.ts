import type { Delivery, DeliveryKind, DeliveryPayload, DeliveryState } from "../../../domain/delivery.js";
import type { Db } from "../database.js";

type RawRow = Omit<Delivery, "payload"> & { payload: string };

const COLUMNS = `key, target, kind, payload, state, attempts, due_at AS dueAt, claimed_by AS claimedBy,
  claim_until AS claimUntil, message_id AS messageId, error, created_at AS createdAt, updated_at AS updatedAt`;

/**
 * A claim candidate: the first row of one state in due order, read off the (state, due_at) index
 * (one query per state: an OR of both sorted every pending row at each claim).
 */
const CANDIDATE = "SELECT d.key, d.due_at FROM deliveries d WHERE";
/** ...whose target has no delivery under a live lease: one send at a time per target, in any process. */
const FREE = `AND NOT EXISTS (SELECT 1 FROM deliveries s
  WHERE s.target = d.target AND s.state = 'sending' AND s.claim_until > @now)
  ORDER BY d.due_at, d.key`;

function decode(row: RawRow | undefined): Delivery | null {
  return row ? { ...row, payload: JSON.parse(row.payload) as DeliveryPayload } : null;
}

/**
 * The outbox table (ADR 0032) and what each target has been given. A delivery is written here
 * before it is sent, claimed by one worker under a lease ("sending", `claim_until`), and marked
 * done with the platform's message id after. Keys make every enqueue idempotent.
 */
export class DeliveryTable {
  constructor(private readonly db: Db) {}

  /** False if a delivery with this key already exists (whatever its state). */
  enqueue(
    d: { key: string; target: string; kind: DeliveryKind; payload: DeliveryPayload; dueAt: string },
    now: string,
  ): boolean {
    return (
      this.db
        .prepare(
          `INSERT OR IGNORE INTO deliveries (key, target, kind, payload, state, due_at, created_at, updated_at)
           VALUES (?, ?, ?, ?, 'pending', ?, ?, ?)`,
        )
        .run(d.key, d.target, d.kind, JSON.stringify(d.payload), d.dueAt, now, now).changes === 1
    );
  }

  /**
   * A failed delivery made due again (a moderator resumed its schedule): a fresh start, as if just
   * enqueued. False if there is no failed delivery with this key. The caller records its articles
   * again, since finish("failed") freed them.
   */
  rearm(key: string, dueAt: string, now: string): boolean {
    return (
      this.db
        .prepare(
          `UPDATE deliveries SET state = 'pending', attempts = 0, error = NULL, due_at = ?, claimed_by = NULL,
             claim_until = NULL, message_id = NULL, updated_at = ?
           WHERE key = ? AND state = 'failed'`,
        )
        .run(dueAt, now, key).changes === 1
    );
  }

  get(key: string): Delivery | null {
    return decode(this.db.prepare(`SELECT ${COLUMNS} FROM deliveries WHERE key = ?`).get(key) as RawRow);
  }

  /**
   * Takes the next due delivery in one statement (SQLite's write lock makes it atomic across
   * processes): a pending one whose time has come, or one whose lease ended, the soonest due.
   */
  claimNext(worker: string, now: string, leaseUntil: string): Delivery | null {
    const row = this.db
      .prepare(
        `UPDATE deliveries
           SET state = 'sending', claimed_by = @worker, claim_until = @leaseUntil,
               attempts = attempts + 1, updated_at = @now
         WHERE key = (
           SELECT key FROM (
             SELECT * FROM (${CANDIDATE} d.state = 'pending' AND d.due_at <= @now ${FREE} LIMIT 1)
             UNION ALL
             SELECT * FROM (${CANDIDATE} d.state = 'sending' AND d.claim_until <= @now ${FREE} LIMIT 1))
           ORDER BY due_at, key LIMIT 1)
         RETURNING ${COLUMNS}`,
      )
      .get({ worker, now, leaseUntil }) as RawRow | undefined;
    return decode(row);
  }

  /** True if it was not done yet. */
  markDone(key: string, messageId: string, now: string): boolean {
    return (
      this.db
        .prepare(
          `UPDATE deliveries SET state = 'done', message_id = ?, claim_until = NULL, error = NULL, updated_at = ?
           WHERE key = ? AND state != 'done'`,
        )
        .run(messageId, now, key).changes === 1
    );
  }

  /** Back to pending for a later try, if `worker` still holds it; a rate limit does not count as an attempt. */
  retryLater(
    key: string,
    worker: string,
    retry: { dueAt: string; error: string; countAttempt: boolean },
    now: string,
  ): void {
    this.db
      .prepare(
        `UPDATE deliveries SET state = 'pending', due_at = ?, error = ?, claimed_by = NULL, claim_until = NULL,
           attempts = attempts - ?, updated_at = ?
         WHERE key = ? AND state = 'sending' AND claimed_by = ?`,
      )
      .run(retry.dueAt, retry.error, retry.countAttempt ? 0 : 1, now, key, worker);
  }

  /**
   * Gives up on an unsent delivery: "failed" (it could not be sent) frees its articles for a later
   * digest; "dropped" (nothing left to send, e.g. the article was removed) does not. True if it
   * was unsent.
   */
  finish(key: string, state: "failed" | "dropped", error: string, now: string): boolean {
    const changed =
      this.db
        .prepare(
          `UPDATE deliveries SET state = ?, error = ?, claim_until = NULL, updated_at = ?
           WHERE key = ? AND state IN ('pending', 'sending')`,
        )
        .run(state, error, now, key).changes === 1;
    if (changed && state === "failed")
      this.db.prepare("DELETE FROM delivered_articles WHERE delivery_key = ?").run(key);
    return changed;
  }

  /** Every unsent delivery to a target, waiting for its turn. */
  pendingFor(target: string): Delivery[] {
    return (
      this.db
        .prepare(`SELECT ${COLUMNS} FROM deliveries WHERE target = ? AND state = 'pending'`)
        .all(target) as RawRow[]
    ).map((r) => decode(r) as Delivery);
  }

  /** Unsent single-article deliveries of an article. */
  pendingOfArticle(articleId: string): string[] {
    return this.db
      .prepare(
        `SELECT key FROM deliveries WHERE state = 'pending' AND kind IN ('announce', 'post')
           AND json_extract(payload, '$.articles[0]') = ? AND json_array_length(payload, '$.articles') = 1`,
      )
      .pluck()
      .all(articleId) as string[];
  }

  /** Ends a worker's claims now, so that others may take them. */
  releaseClaims(worker: string, now: string): number {
    return this.db
      .prepare("UPDATE deliveries SET claim_until = ? WHERE state = 'sending' AND claimed_by = ?")
      .run(now, worker).changes;
  }

  /** The deliveries a worker is sending right now. */
  claimedBy(worker: string): string[] {
    return this.db
      .prepare("SELECT key FROM deliveries WHERE state = 'sending' AND claimed_by = ? ORDER BY key")
      .pluck()
      .all(worker) as string[];
  }

  /** Keeps a worker's claims alive while a slow send is under way. */
  renewClaims(worker: string, leaseUntil: string): void {
    this.db
      .prepare("UPDATE deliveries SET claim_until = ? WHERE state = 'sending' AND claimed_by = ?")
      .run(leaseUntil, worker);
  }

  /** When the next delivery falls due (or a claim's lease ends), or null. */
  nextDueAt(): string | null {
    return this.db
      .prepare(
        `SELECT MIN(t) FROM (
           SELECT MIN(due_at) AS t FROM deliveries WHERE state = 'pending'
           UNION ALL SELECT MIN(claim_until) FROM deliveries WHERE state = 'sending')`,
      )
      .pluck()
      .get() as string | null;
  }

  countByState(): Record<DeliveryState, number> {
    const out: Record<DeliveryState, number> = { pending: 0, sending: 0, done: 0, failed: 0, dropped: 0 };
    const rows = this.db.prepare("SELECT state, COUNT(*) AS n FROM deliveries GROUP BY state").all() as {
      state: DeliveryState;
      n: number;
    }[];
    for (const r of rows) out[r.state] = r.n;
    return out;
  }

  /** Records which articles a delivery gives a target (shown) or passes over (not shown). */
  recordArticles(target: string, key: string, shown: readonly string[], passed: readonly string[]): void {
    const insert = this.db.prepare(
      "INSERT OR IGNORE INTO delivered_articles (target, article_id, delivery_key, shown) VALUES (?, ?, ?, ?)",
    );
    for (const id of shown) insert.run(target, id, key, 1);
    for (const id of passed) insert.run(target, id, key, 0);
  }

  /** The ids among `ids` not yet given to (or passed over for) the target, in the given order. */
  notGiven(target: string, ids: readonly string[]): string[] {
    if (ids.length === 0) return [];
    const given = new Set(
      this.db
        .prepare(
          `SELECT article_id FROM delivered_articles
            WHERE target = ? AND article_id IN (SELECT value FROM json_each(?))`,
        )
        .pluck()
        .all(target, JSON.stringify(ids)) as string[],
    );
    return ids.filter((id) => !given.has(id));
  }

  retarget(from: string, to: string): void {
    this.db
      .prepare("UPDATE deliveries SET target = ? WHERE target = ? AND state IN ('pending', 'sending')")
      .run(to, from);
    this.db.prepare("UPDATE OR IGNORE delivered_articles SET target = ? WHERE target = ?").run(to, from);
  }
}
