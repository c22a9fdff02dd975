import type { Subscription } from "../../../domain/channel.js";
import type { SubscriptionFilter } from "../../../domain/scheduling-store.js";
import type { Db } from "../database.js";

const COLUMNS = `target, topic_key AS topicKey, topic, filter, created_by_id AS createdById,
  created_by_name AS createdByName, created_at AS createdAt`;

/** Which targets want new articles on which topics, as they arrive (with a keyword filter or not). */
export class SubscriptionTable {
  constructor(private readonly db: Db) {}

  /** False if the target already followed the topic with the same filter; another filter replaces it. */
  add(row: Subscription): boolean {
    const result = this.db
      .prepare(
        `INSERT INTO subscriptions (target, topic_key, topic, filter, created_by_id, created_by_name, created_at)
         VALUES (@target, @topicKey, @topic, @filter, @createdById, @createdByName, @createdAt)
         ON CONFLICT (target, topic_key) DO UPDATE SET filter = excluded.filter, topic = excluded.topic,
           created_by_id = excluded.created_by_id, created_by_name = excluded.created_by_name,
           created_at = excluded.created_at
         WHERE subscriptions.filter IS NOT excluded.filter`,
      )
      .run({ ...row, filter: row.filter ?? null });
    return result.changes === 1;
  }

  remove(target: string, topicKey: string): boolean {
    return (
      this.db.prepare("DELETE FROM subscriptions WHERE target = ? AND topic_key = ?").run(target, topicKey)
        .changes === 1
    );
  }

  forTarget(target: string): Subscription[] {
    const rows = this.db
      .prepare(`SELECT ${COLUMNS} FROM subscriptions WHERE target = ? ORDER BY topic_key`)
      .all(target) as Subscription[];
    return rows.map(withoutNullFilter);
  }

  /** Targets following any of these topic keys without a filter. */
  targetsFor(topicKeys: readonly string[]): string[] {
    if (topicKeys.length === 0) return [];
    return this.db
      .prepare(
        `SELECT DISTINCT target FROM subscriptions
         WHERE topic_key IN (SELECT value FROM json_each(?)) AND filter IS NULL`,
      )
      .pluck()
      .all(JSON.stringify(topicKeys)) as string[];
  }

  /** Subscriptions on any of these topic keys that carry a filter. */
  filtered(topicKeys: readonly string[]): Subscription[] {
    if (topicKeys.length === 0) return [];
    return this.db
      .prepare(
        `SELECT ${COLUMNS} FROM subscriptions
         WHERE topic_key IN (SELECT value FROM json_each(?)) AND filter IS NOT NULL
         ORDER BY target, topic_key`,
      )
      .all(JSON.stringify(topicKeys)) as Subscription[];
  }

  /** True while the subscription still has this very filter (it may have changed since it was read). */
  hasFilter(passed: SubscriptionFilter): boolean {
    return (
      this.db
        .prepare("SELECT 1 FROM subscriptions WHERE target = ? AND topic_key = ? AND filter = ?")
        .get(passed.target, passed.topicKey, passed.filter) !== undefined
    );
  }

  retarget(from: string, to: string): void {
    this.db.prepare("UPDATE OR IGNORE subscriptions SET target = ? WHERE target = ?").run(to, from);
    this.db.prepare("DELETE FROM subscriptions WHERE target = ?").run(from);
  }
}

/** A subscription without a filter has no `filter` key, as one written before filters existed. */
function withoutNullFilter(row: Subscription): Subscription {
  if (row.filter != null) return row;
  const { filter: _none, ...rest } = row;
  return rest;
}
