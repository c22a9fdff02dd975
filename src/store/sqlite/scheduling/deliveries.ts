import type { Delivery, DeliveryKind, DeliveryPayload, DeliveryState } from "../../../domain/delivery.js";
import type { Db } from "../database.js";

type RawRow = Omit<Delivery, "payload"> & { payload: string };

const COLUMNS = `key, target, kind, payload, state, attempts, due_at AS dueAt, claimed_by AS claimedBy,
  claim_until AS claimUntil, message_id AS messageId, error, created_at AS createdAt, updated_at AS updatedAt`;

function decode(row: RawRow | undefined): Delivery | null {
  return row ? { ...row, payload: JSON.parse(row.payload) as DeliveryPayload } : null;
}

/**
 * The outbox (ADR 0032). A delivery is written here before it is sent, claimed atomically by one
 * scheduler ("sending", with a claim expiry), and marked done with the platform's message id
 * after. Keys make every enqueue idempotent.
 */
export class DeliveryStore {
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
   * Atomically takes the next due delivery: a pending one whose time has come, or one whose
   * previous claimant's claim expired (it may have died mid-send: at-least-once, ADR 0032).
   */
  claimNext(
    instance: string,
    now: string,
    claimUntil: string,
    busyTargets: readonly string[],
  ): Delivery | null {
    const row = this.db
      .prepare(
        `UPDATE deliveries
           SET state = 'sending', claimed_by = @instance, claim_until = @claimUntil,
               attempts = attempts + 1, updated_at = @now
         WHERE key = (
           SELECT key FROM deliveries
            WHERE ((state = 'pending' AND due_at <= @now) OR (state = 'sending' AND claim_until <= @now))
              AND target NOT IN (SELECT value FROM json_each(@busy))
            ORDER BY due_at, key LIMIT 1)
         RETURNING ${COLUMNS}`,
      )
      .get({ instance, now, claimUntil, busy: JSON.stringify(busyTargets) }) as RawRow | undefined;
    return decode(row);
  }

  markDone(key: string, messageId: string, now: string): void {
    this.db
      .prepare(
        `UPDATE deliveries SET state = 'done', message_id = ?, claim_until = NULL, error = NULL, updated_at = ?
         WHERE key = ? AND state != 'done'`,
      )
      .run(messageId, now, key);
  }

  /** Back to pending for a later try; a rate limit does not count as an attempt. */
  retryLater(
    key: string,
    instance: string,
    dueAt: string,
    error: string,
    countAttempt: boolean,
    now: string,
  ): void {
    this.db
      .prepare(
        `UPDATE deliveries SET state = 'pending', due_at = ?, error = ?, claimed_by = NULL, claim_until = NULL,
           attempts = attempts - ?, updated_at = ?
         WHERE key = ? AND state = 'sending' AND claimed_by = ?`,
      )
      .run(dueAt, error, countAttempt ? 0 : 1, now, key, instance);
  }

  /**
   * Gives up on a delivery: "failed" (it could not be sent) frees its articles for a later
   * digest; "dropped" (nothing left to send, e.g. the article was removed) does not.
   */
  finish(key: string, state: "failed" | "dropped", error: string, now: string): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE deliveries SET state = ?, error = ?, claim_until = NULL, updated_at = ?
           WHERE key = ? AND state IN ('pending', 'sending')`,
        )
        .run(state, error, now, key);
      if (state === "failed")
        this.db.prepare("DELETE FROM delivered_articles WHERE delivery_key = ?").run(key);
    })();
  }

  /** Fails every unsent delivery to a target (it was disabled); returns them. */
  failPendingFor(target: string, error: string, now: string): Delivery[] {
    const rows = (
      this.db
        .prepare(`SELECT ${COLUMNS} FROM deliveries WHERE target = ? AND state = 'pending'`)
        .all(target) as RawRow[]
    ).map((r) => decode(r) as Delivery);
    for (const row of rows) this.finish(row.key, "failed", error, now);
    return rows;
  }

  /** Unsent single-article deliveries of an article that no longer exists. */
  dropPendingForArticle(articleId: string, now: string): number {
    const keys = this.db
      .prepare(
        `SELECT key FROM deliveries WHERE state = 'pending' AND kind IN ('announce', 'post')
           AND json_extract(payload, '$.articles[0]') = ? AND json_array_length(payload, '$.articles') = 1`,
      )
      .pluck()
      .all(articleId) as string[];
    for (const key of keys) this.finish(key, "dropped", "article removed", now);
    return keys.length;
  }

  /** Makes the claims of dead schedulers claimable now. */
  releaseClaims(instances: readonly string[], now: string): number {
    if (instances.length === 0) return 0;
    return this.db
      .prepare(
        `UPDATE deliveries SET claim_until = ? WHERE state = 'sending'
           AND claimed_by IN (SELECT value FROM json_each(?))`,
      )
      .run(now, JSON.stringify(instances)).changes;
  }

  /** The deliveries a scheduler is sending right now. */
  claimedBy(instance: string): string[] {
    return this.db
      .prepare("SELECT key FROM deliveries WHERE state = 'sending' AND claimed_by = ? ORDER BY key")
      .pluck()
      .all(instance) as string[];
  }

  /** Keeps this scheduler's in-flight claims alive while a slow send is under way. */
  renewClaims(instance: string, claimUntil: string): void {
    this.db
      .prepare("UPDATE deliveries SET claim_until = ? WHERE state = 'sending' AND claimed_by = ?")
      .run(claimUntil, instance);
  }

  /** When the next delivery falls due (or a foreign claim expires), or null. */
  nextDueAt(): string | null {
    const row = this.db
      .prepare(
        `SELECT MIN(t) AS t FROM (
           SELECT MIN(due_at) AS t FROM deliveries WHERE state = 'pending'
           UNION ALL SELECT MIN(claim_until) FROM deliveries WHERE state = 'sending')`,
      )
      .get() as { t: string | null };
    return row.t;
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

  wasDelivered(target: string, articleId: string): boolean {
    return (
      this.db
        .prepare("SELECT 1 FROM delivered_articles WHERE target = ? AND article_id = ?")
        .get(target, articleId) !== undefined
    );
  }

  /** Articles already given to (or passed over for) a target. */
  deliveredTo(target: string): Set<string> {
    return new Set(
      this.db
        .prepare("SELECT article_id FROM delivered_articles WHERE target = ?")
        .pluck()
        .all(target) as string[],
    );
  }

  retarget(from: string, to: string): void {
    this.db
      .prepare("UPDATE deliveries SET target = ? WHERE target = ? AND state IN ('pending', 'sending')")
      .run(to, from);
    this.db.prepare("UPDATE OR IGNORE delivered_articles SET target = ? WHERE target = ?").run(to, from);
  }
}
