import type { Delivery, DeliveryKind, DeliveryPayload, DeliveryState } from "../../../domain/delivery.js";
import { json, type Q } from "./q.js";

const COLUMNS = `key, target, kind, payload, state, attempts, due_at AS "dueAt", claimed_by AS "claimedBy",
  claim_until AS "claimUntil", message_id AS "messageId", error, created_at AS "createdAt", updated_at AS "updatedAt"`;

/**
 * The outbox (ADR 0032) and what each target has been given, on PostgreSQL: the statements of
 * src/store/sqlite/scheduling/deliveries.ts. The claim is the claim_delivery function
 * (migrations/001-scheduling.ts).
 */
export const deliveries = {
  /** False if a delivery with this key already exists (whatever its state). */
  async enqueue(
    q: Q,
    d: { key: string; target: string; kind: DeliveryKind; payload: DeliveryPayload; dueAt: string },
    now: string,
  ): Promise<boolean> {
    const { rowCount } = await q.query(
      `INSERT INTO deliveries (key, target, kind, payload, state, due_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 'pending', $5, $6, $6) ON CONFLICT (key) DO NOTHING`,
      [d.key, d.target, d.kind, json(d.payload), d.dueAt, now],
    );
    return rowCount === 1;
  },

  /** A failed delivery made due again (a moderator resumed its schedule); false if there is none. */
  async rearm(q: Q, key: string, dueAt: string, now: string): Promise<boolean> {
    const { rowCount } = await q.query(
      `UPDATE deliveries SET state = 'pending', attempts = 0, error = NULL, due_at = $1, claimed_by = NULL,
         claim_until = NULL, message_id = NULL, updated_at = $2
       WHERE key = $3 AND state = 'failed'`,
      [dueAt, now, key],
    );
    return rowCount === 1;
  },

  async get(q: Q, key: string): Promise<Delivery | null> {
    const { rows } = await q.query<Delivery>(`SELECT ${COLUMNS} FROM deliveries WHERE key = $1`, [key]);
    return rows[0] ?? null;
  },

  async claimNext(q: Q, worker: string, now: string, leaseUntil: string): Promise<Delivery | null> {
    const { rows } = await q.query<Delivery>(`SELECT ${COLUMNS} FROM claim_delivery($1, $2, $3)`, [
      worker,
      now,
      leaseUntil,
    ]);
    return rows[0] ?? null;
  },

  /**
   * Marks it done and the target's failure count back to zero, in one statement (atomic on its
   * own: the hottest write of a fan-out makes one round trip, not four).
   */
  async complete(q: Q, key: string, messageId: string, now: string): Promise<void> {
    await q.query(
      `WITH done AS (
         UPDATE deliveries SET state = 'done', message_id = $1, claim_until = NULL, error = NULL, updated_at = $2
          WHERE key = $3 AND state <> 'done' RETURNING target)
       UPDATE target_health SET failures = 0 WHERE target IN (SELECT target FROM done) AND failures > 0`,
      [messageId, now, key],
    );
  },

  async retryLater(
    q: Q,
    key: string,
    worker: string,
    retry: { dueAt: string; error: string; countAttempt: boolean },
    now: string,
  ): Promise<void> {
    await q.query(
      `UPDATE deliveries SET state = 'pending', due_at = $1, error = $2, claimed_by = NULL, claim_until = NULL,
         attempts = attempts - $3, updated_at = $4
       WHERE key = $5 AND state = 'sending' AND claimed_by = $6`,
      [retry.dueAt, retry.error, retry.countAttempt ? 0 : 1, now, key, worker],
    );
  },

  /** Gives up on an unsent delivery; "failed" frees its articles for a later digest. True if it was unsent. */
  async finish(q: Q, key: string, state: "failed" | "dropped", error: string, now: string): Promise<boolean> {
    const { rowCount } = await q.query(
      `UPDATE deliveries SET state = $1, error = $2, claim_until = NULL, updated_at = $3
        WHERE key = $4 AND state IN ('pending', 'sending')`,
      [state, error, now, key],
    );
    const changed = rowCount === 1;
    if (changed && state === "failed") {
      await q.query("DELETE FROM delivered_articles WHERE delivery_key = $1", [key]);
    }
    return changed;
  },

  async pendingFor(q: Q, target: string): Promise<Delivery[]> {
    const { rows } = await q.query<Delivery>(
      `SELECT ${COLUMNS} FROM deliveries WHERE target = $1 AND state = 'pending'`,
      [target],
    );
    return rows;
  },

  /** Unsent single-article deliveries of an article. */
  async pendingOfArticle(q: Q, articleId: string): Promise<string[]> {
    const { rows } = await q.query<{ key: string }>(
      `SELECT key FROM deliveries WHERE state = 'pending' AND kind IN ('announce', 'post')
         AND payload->'articles'->>0 = $1 AND jsonb_array_length(payload->'articles') = 1`,
      [articleId],
    );
    return rows.map((r) => r.key);
  },

  /** Ends a worker's claims now, so that others may take them. */
  async releaseClaims(q: Q, worker: string, now: string): Promise<number> {
    const { rowCount } = await q.query(
      "UPDATE deliveries SET claim_until = $1 WHERE state = 'sending' AND claimed_by = $2",
      [now, worker],
    );
    return rowCount ?? 0;
  },

  async claimedBy(q: Q, worker: string): Promise<string[]> {
    const { rows } = await q.query<{ key: string }>(
      "SELECT key FROM deliveries WHERE state = 'sending' AND claimed_by = $1 ORDER BY key",
      [worker],
    );
    return rows.map((r) => r.key);
  },

  async renewClaims(q: Q, worker: string, leaseUntil: string): Promise<void> {
    await q.query("UPDATE deliveries SET claim_until = $1 WHERE state = 'sending' AND claimed_by = $2", [
      leaseUntil,
      worker,
    ]);
  },

  async nextDueAt(q: Q): Promise<string | null> {
    const { rows } = await q.query<{ t: string | null }>(
      `SELECT LEAST((SELECT MIN(due_at) FROM deliveries WHERE state = 'pending'),
                    (SELECT MIN(claim_until) FROM deliveries WHERE state = 'sending')) AS t`,
    );
    return rows[0]?.t ?? null;
  },

  async countByState(q: Q): Promise<Record<DeliveryState, number>> {
    const out: Record<DeliveryState, number> = { pending: 0, sending: 0, done: 0, failed: 0, dropped: 0 };
    const { rows } = await q.query<{ state: DeliveryState; n: number }>(
      "SELECT state, COUNT(*)::int AS n FROM deliveries GROUP BY state",
    );
    for (const r of rows) out[r.state] = r.n;
    return out;
  },

  /** Records which articles a delivery gives a target (shown) or passes over (not shown). */
  async recordArticles(
    q: Q,
    target: string,
    key: string,
    shown: readonly string[],
    passed: readonly string[],
  ): Promise<void> {
    if (shown.length + passed.length === 0) return;
    await q.query(
      `INSERT INTO delivered_articles (target, article_id, delivery_key, shown)
       SELECT $1, a.id, $2, a.shown FROM unnest($3::text[], $4::boolean[]) AS a(id, shown)
       ON CONFLICT DO NOTHING`,
      [target, key, [...shown, ...passed], [...shown.map(() => true), ...passed.map(() => false)]],
    );
  },

  /** The ids among `ids` not yet given to (or passed over for) the target, in the given order. */
  async notGiven(q: Q, target: string, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const { rows } = await q.query<{ article_id: string }>(
      "SELECT article_id FROM delivered_articles WHERE target = $1 AND article_id = ANY($2::text[])",
      [target, ids],
    );
    const given = new Set(rows.map((r) => r.article_id));
    return ids.filter((id) => !given.has(id));
  },

  async retarget(q: Q, from: string, to: string): Promise<void> {
    await q.query("UPDATE deliveries SET target = $1 WHERE target = $2 AND state IN ('pending', 'sending')", [
      to,
      from,
    ]);
    await q.query(
      `UPDATE delivered_articles d SET target = $1 WHERE d.target = $2
         AND NOT EXISTS (SELECT 1 FROM delivered_articles n WHERE n.target = $1 AND n.article_id = d.article_id)`,
      [to, from],
    );
  },
};
