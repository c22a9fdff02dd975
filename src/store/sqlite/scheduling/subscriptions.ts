import type { Subscription } from "../../../domain/channel.js";
import type { Db } from "../database.js";

/** Which targets want new articles on which topics, as they arrive. */
export class SubscriptionTable {
  constructor(private readonly db: Db) {}

  /** False if the target already followed the topic. */
  add(row: Subscription): boolean {
    const result = this.db
      .prepare(
        `INSERT OR IGNORE INTO subscriptions (target, topic_key, topic, created_by_id, created_by_name, created_at)
         VALUES (@target, @topicKey, @topic, @createdById, @createdByName, @createdAt)`,
      )
      .run(row);
    return result.changes === 1;
  }

  remove(target: string, topicKey: string): boolean {
    return (
      this.db.prepare("DELETE FROM subscriptions WHERE target = ? AND topic_key = ?").run(target, topicKey)
        .changes === 1
    );
  }

  forTarget(target: string): Subscription[] {
    return this.db
      .prepare(
        `SELECT target, topic_key AS topicKey, topic, created_by_id AS createdById,
           created_by_name AS createdByName, created_at AS createdAt
         FROM subscriptions WHERE target = ? ORDER BY topic_key`,
      )
      .all(target) as Subscription[];
  }

  /** Targets following any of these topic keys. */
  targetsFor(topicKeys: readonly string[]): string[] {
    if (topicKeys.length === 0) return [];
    return this.db
      .prepare(
        "SELECT DISTINCT target FROM subscriptions WHERE topic_key IN (SELECT value FROM json_each(?))",
      )
      .pluck()
      .all(JSON.stringify(topicKeys)) as string[];
  }

  retarget(from: string, to: string): void {
    this.db.prepare("UPDATE OR IGNORE subscriptions SET target = ? WHERE target = ?").run(to, from);
    this.db.prepare("DELETE FROM subscriptions WHERE target = ?").run(from);
  }
}
