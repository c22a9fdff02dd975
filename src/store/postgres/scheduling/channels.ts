import type { AuditEntry, ChannelSettings, Subscription, TargetHealth } from "../../../domain/channel.js";
import { isLocale, type Locale } from "../../../domain/locale.js";
import type { SubscriptionFilter } from "../../../domain/scheduling-store.js";
import { json, type Q } from "./q.js";

/**
 * What belongs to a channel: its subscriptions, settings, health, and the audit log of changes
 * (the SQLite twins are in src/store/sqlite/scheduling/).
 */

const SUBSCRIPTION = `target, topic_key AS "topicKey", topic, filter, created_by_id AS "createdById",
  created_by_name AS "createdByName", created_at AS "createdAt"`;

/** A subscription without a filter has no `filter` key, as one written before filters existed. */
function withoutNullFilter(row: Subscription): Subscription {
  if (row.filter != null) return row;
  const { filter: _none, ...rest } = row;
  return rest;
}

export const subscriptions = {
  /** False if the target already followed the topic with the same filter; another filter replaces it. */
  async add(q: Q, s: Subscription): Promise<boolean> {
    const { rowCount } = await q.query(
      `INSERT INTO subscriptions (target, topic_key, topic, filter, created_by_id, created_by_name, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (target, topic_key) DO UPDATE SET filter = excluded.filter, topic = excluded.topic,
         created_by_id = excluded.created_by_id, created_by_name = excluded.created_by_name,
         created_at = excluded.created_at
       WHERE subscriptions.filter IS DISTINCT FROM excluded.filter`,
      [s.target, s.topicKey, s.topic, s.filter ?? null, s.createdById, s.createdByName, s.createdAt],
    );
    return rowCount === 1;
  },

  async remove(q: Q, target: string, topicKey: string): Promise<boolean> {
    const { rowCount } = await q.query("DELETE FROM subscriptions WHERE target = $1 AND topic_key = $2", [
      target,
      topicKey,
    ]);
    return rowCount === 1;
  },

  async forTarget(q: Q, target: string): Promise<Subscription[]> {
    const { rows } = await q.query<Subscription>(
      `SELECT ${SUBSCRIPTION} FROM subscriptions WHERE target = $1 ORDER BY topic_key`,
      [target],
    );
    return rows.map(withoutNullFilter);
  },

  /** Targets following any of these topic keys without a filter. */
  async targetsFor(q: Q, topicKeys: readonly string[]): Promise<string[]> {
    if (topicKeys.length === 0) return [];
    const { rows } = await q.query<{ target: string }>(
      "SELECT DISTINCT target FROM subscriptions WHERE topic_key = ANY($1::text[]) AND filter IS NULL",
      [topicKeys],
    );
    return rows.map((r) => r.target);
  },

  /** Subscriptions on any of these topic keys that carry a filter. */
  async filtered(q: Q, topicKeys: readonly string[]): Promise<Subscription[]> {
    if (topicKeys.length === 0) return [];
    const { rows } = await q.query<Subscription>(
      `SELECT ${SUBSCRIPTION} FROM subscriptions WHERE topic_key = ANY($1::text[]) AND filter IS NOT NULL
        ORDER BY target, topic_key`,
      [topicKeys],
    );
    return rows;
  },

  /** True while the subscription still has this very filter (it may have changed since it was read). */
  async hasFilter(q: Q, passed: SubscriptionFilter): Promise<boolean> {
    const { rows } = await q.query(
      "SELECT 1 FROM subscriptions WHERE target = $1 AND topic_key = $2 AND filter = $3",
      [passed.target, passed.topicKey, passed.filter],
    );
    return rows.length > 0;
  },

  async retarget(q: Q, from: string, to: string): Promise<void> {
    // The new chat may follow some topics already: those keep their row, the old ones go.
    await q.query(
      `INSERT INTO subscriptions (target, topic_key, topic, filter, created_by_id, created_by_name, created_at)
       SELECT $2, topic_key, topic, filter, created_by_id, created_by_name, created_at FROM subscriptions WHERE target = $1
       ON CONFLICT DO NOTHING`,
      [from, to],
    );
    await q.query("DELETE FROM subscriptions WHERE target = $1", [from]);
  },
};

export const settings = {
  async get(q: Q, target: string): Promise<ChannelSettings> {
    const { rows } = await q.query<{ timeZone: string | null; locale: string | null }>(
      `SELECT time_zone AS "timeZone", locale FROM channel_settings WHERE target = $1`,
      [target],
    );
    const row = rows[0];
    return { timeZone: row?.timeZone ?? null, locale: isLocale(row?.locale) ? row.locale : null };
  },

  async update(
    q: Q,
    target: string,
    change: { timeZone?: string; locale?: Locale },
    by: string,
    at: string,
  ): Promise<void> {
    await q.query(
      `INSERT INTO channel_settings (target, time_zone, locale, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (target) DO UPDATE SET time_zone = COALESCE(excluded.time_zone, channel_settings.time_zone),
         locale = COALESCE(excluded.locale, channel_settings.locale), updated_by = excluded.updated_by,
         updated_at = excluded.updated_at`,
      [target, change.timeZone ?? null, change.locale ?? null, by, at],
    );
  },

  /** A chat that moved: its settings follow it, unless the new chat has its own already. */
  async retarget(q: Q, from: string, to: string): Promise<void> {
    await q.query(
      `UPDATE channel_settings SET target = $2 WHERE target = $1
         AND NOT EXISTS (SELECT 1 FROM channel_settings WHERE target = $2)`,
      [from, to],
    );
  },
};

export const audit = {
  async record(q: Q, entry: AuditEntry): Promise<void> {
    await q.query(
      `INSERT INTO audit_log (at, actor_id, actor_name, target, action, detail) VALUES ($1, $2, $3, $4, $5, $6)`,
      [entry.at, entry.actorId, entry.actorName, entry.target, entry.action, json(entry.detail)],
    );
  },

  /** Newest first. */
  async recent(q: Q, limit: number, target?: string): Promise<AuditEntry[]> {
    const { rows } = await q.query<AuditEntry>(
      `SELECT at, actor_id AS "actorId", actor_name AS "actorName", target, action, detail FROM audit_log
        WHERE ($1::text IS NULL OR target = $1) ORDER BY id DESC LIMIT $2`,
      [target ?? null, limit],
    );
    return rows;
  },
};

export const targets = {
  async get(q: Q, target: string): Promise<TargetHealth | null> {
    const { rows } = await q.query<TargetHealth>(
      `SELECT target, failures, disabled_at AS "disabledAt", reason FROM target_health WHERE target = $1`,
      [target],
    );
    return rows[0] ?? null;
  },

  async isDisabled(q: Q, target: string): Promise<boolean> {
    return (await targets.get(q, target))?.disabledAt != null;
  },

  /** Counts one more permanent failure; returns the new count. */
  async recordPermanentFailure(q: Q, target: string, reason: string): Promise<number> {
    const { rows } = await q.query<{ failures: number }>(
      `INSERT INTO target_health (target, failures, reason) VALUES ($1, 1, $2)
       ON CONFLICT (target) DO UPDATE SET failures = target_health.failures + 1, reason = excluded.reason
       RETURNING failures`,
      [target, reason],
    );
    return rows[0]?.failures ?? 1;
  },

  async recordSuccess(q: Q, target: string): Promise<void> {
    await q.query("UPDATE target_health SET failures = 0 WHERE target = $1 AND failures > 0", [target]);
  },

  async disable(q: Q, target: string, reason: string, at: string): Promise<void> {
    await q.query(
      `INSERT INTO target_health (target, failures, disabled_at, reason) VALUES ($1, 0, $2, $3)
       ON CONFLICT (target) DO UPDATE SET disabled_at = excluded.disabled_at, reason = excluded.reason`,
      [target, at, reason],
    );
  },

  /** True if it was disabled. */
  async enable(q: Q, target: string): Promise<boolean> {
    const { rowCount } = await q.query(
      "UPDATE target_health SET disabled_at = NULL, failures = 0 WHERE target = $1 AND disabled_at IS NOT NULL",
      [target],
    );
    return rowCount === 1;
  },

  async forget(q: Q, target: string): Promise<void> {
    await q.query("DELETE FROM target_health WHERE target = $1", [target]);
  },
};
