import type { AuditEntry, TargetHealth } from "../../domain/channel.js";
import type { Delivery, DeliveryPayload } from "../../domain/delivery.js";
import type { Schedule } from "../../domain/schedule.js";
import type { SchedulingReads } from "../../domain/scheduling-reads.js";
import type { Db } from "./database.js";

const DELIVERY = `key, target, kind, payload, state, attempts, due_at AS dueAt, claimed_by AS claimedBy,
  claim_until AS claimUntil, message_id AS messageId, error, created_at AS createdAt, updated_at AS updatedAt`;
const SCHEDULE = `id, kind, target, article_id AS articleId, run_at AS runAt, cron, topic, state,
  state_reason AS stateReason, state_by AS stateBy, state_at AS stateAt, last_slot AS lastSlot,
  created_by_id AS createdById, created_by_name AS createdByName, created_at AS createdAt`;
/** A filter on a list of targets, given as one JSON array parameter (no statement per list length). */
const IN_TARGETS = "target IN (SELECT value FROM json_each(@targets))";

type RawDelivery = Omit<Delivery, "payload"> & { payload: string };

function delivery(row: RawDelivery): Delivery {
  return { ...row, payload: JSON.parse(row.payload) as DeliveryPayload };
}

/**
 * The dashboard's reads on SQLite (ADR 0116). Plain statements on the scheduling tables, run when
 * called (a read in WAL mode sees the last committed state and blocks no writer). A `targets` list
 * becomes one JSON parameter; null reads every target.
 */
export class SqliteSchedulingReads implements SchedulingReads {
  constructor(private readonly db: Db) {}

  /** Runs `sql` with a WHERE on the targets when there is a list; `where` holds the rest of the filter. */
  private rows<T>(
    select: string,
    where: string | null,
    order: string,
    targets: readonly string[] | null,
    params: Record<string, unknown> = {},
  ): T[] {
    const conditions = [where, targets === null ? null : IN_TARGETS].filter((c) => c !== null);
    const sql = `${select}${conditions.length ? ` WHERE ${conditions.join(" AND ")}` : ""} ${order}`;
    const bound = targets === null ? params : { ...params, targets: JSON.stringify(targets) };
    return this.db.prepare(sql).all(bound) as T[];
  }

  async recentDeliveries(targets: readonly string[] | null, limit: number): Promise<Delivery[]> {
    return this.rows<RawDelivery>(
      `SELECT ${DELIVERY} FROM deliveries`,
      null,
      "ORDER BY updated_at DESC, key LIMIT @limit",
      targets,
      { limit },
    ).map(delivery);
  }

  async deliveriesOfArticle(target: string, articleId: string): Promise<Delivery[]> {
    const rows = this.db
      .prepare(
        `SELECT ${DELIVERY} FROM deliveries d WHERE target = ?
           AND EXISTS (SELECT 1 FROM json_each(d.payload, '$.articles') WHERE value = ?)
         ORDER BY updated_at DESC, key`,
      )
      .all(target, articleId) as RawDelivery[];
    return rows.map(delivery);
  }

  async articleGiven(
    target: string,
    articleId: string,
  ): Promise<{ deliveryKey: string; shown: boolean } | null> {
    const row = this.db
      .prepare(
        "SELECT delivery_key AS deliveryKey, shown FROM delivered_articles WHERE target = ? AND article_id = ?",
      )
      .get(target, articleId) as { deliveryKey: string; shown: number } | undefined;
    return row ? { deliveryKey: row.deliveryKey, shown: row.shown === 1 } : null;
  }

  async articleSeenAt(articleId: string): Promise<string | null> {
    const seen = this.db
      .prepare("SELECT seen_at FROM known_articles WHERE article_id = ?")
      .pluck()
      .get(articleId);
    return typeof seen === "string" ? seen : null;
  }

  async upcomingPosts(targets: readonly string[] | null, limit: number): Promise<Schedule[]> {
    return this.rows<Schedule>(
      `SELECT ${SCHEDULE} FROM schedules`,
      "kind = 'post' AND state = 'active'",
      "ORDER BY run_at, id LIMIT @limit",
      targets,
      { limit },
    );
  }

  async digestsOf(targets: readonly string[] | null): Promise<Schedule[]> {
    return this.rows<Schedule>(
      `SELECT ${SCHEDULE} FROM schedules`,
      "kind = 'digest' AND state IN ('active', 'paused')",
      "ORDER BY id",
      targets,
    );
  }

  async disabledTargets(): Promise<TargetHealth[]> {
    return this.db
      .prepare(
        `SELECT target, failures, disabled_at AS disabledAt, reason FROM target_health
         WHERE disabled_at IS NOT NULL ORDER BY disabled_at DESC, target`,
      )
      .all() as TargetHealth[];
  }

  async knownTargets(): Promise<string[]> {
    return this.db
      .prepare(
        `SELECT target FROM schedules UNION SELECT target FROM subscriptions
         UNION SELECT target FROM channel_settings UNION SELECT target FROM deliveries
         UNION SELECT target FROM target_health ORDER BY target`,
      )
      .pluck()
      .all() as string[];
  }

  async auditOf(targets: readonly string[] | null, limit: number): Promise<AuditEntry[]> {
    const rows = this.rows<Omit<AuditEntry, "detail"> & { detail: string }>(
      "SELECT at, actor_id AS actorId, actor_name AS actorName, target, action, detail FROM audit_log",
      null,
      "ORDER BY id DESC LIMIT @limit",
      targets,
      { limit },
    );
    return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
  }

  async outboxBacklog(now: string): Promise<{ pending: number; oldestDueAt: string | null }> {
    const row = this.db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM deliveries WHERE state IN ('pending', 'sending')) AS pending,
                (SELECT MIN(due_at) FROM deliveries WHERE state IN ('pending', 'sending') AND due_at <= ?) AS oldestDueAt`,
      )
      .get(now) as { pending: number; oldestDueAt: string | null };
    return row;
  }
}
