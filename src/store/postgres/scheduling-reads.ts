import type { AuditEntry, TargetHealth } from "../../domain/channel.js";
import type { Delivery } from "../../domain/delivery.js";
import type { Schedule } from "../../domain/schedule.js";
import type { SchedulingReads } from "../../domain/scheduling-reads.js";
import type { PgDatabase } from "./database.js";

const DELIVERY = `key, target, kind, payload, state, attempts, due_at AS "dueAt", claimed_by AS "claimedBy",
  claim_until AS "claimUntil", message_id AS "messageId", error, created_at AS "createdAt", updated_at AS "updatedAt"`;
const SCHEDULE = `id, kind, target, article_id AS "articleId", run_at AS "runAt", cron, topic, state,
  state_reason AS "stateReason", state_by AS "stateBy", state_at AS "stateAt", last_slot AS "lastSlot",
  created_by_id AS "createdById", created_by_name AS "createdByName", created_at AS "createdAt"`;

/**
 * The dashboard's reads on PostgreSQL (ADR 0116; src/store/sqlite/scheduling-reads.ts is the
 * SQLite twin). A `targets` list is one array parameter; null reads every target.
 */
export class PostgresSchedulingReads implements SchedulingReads {
  constructor(private readonly db: PgDatabase) {}

  /** `select` with the `where` filter and, when there is a list, the targets' ($1). */
  private async rows<T extends object>(
    select: string,
    where: string | null,
    order: string,
    targets: readonly string[] | null,
    params: unknown[] = [],
  ): Promise<T[]> {
    const conditions = [where, targets === null ? null : "target = ANY($1::text[])"].filter(
      (c) => c !== null,
    );
    const sql = `${select}${conditions.length ? ` WHERE ${conditions.join(" AND ")}` : ""} ${order}`;
    // The targets are $1 when present, so the other parameters follow them.
    const values = targets === null ? params : [targets, ...params];
    const shifted = targets === null ? sql.replace(/\$(\d+)/g, (_, n) => `$${Number(n) - 1}`) : sql;
    const { rows } = await this.db.query<T & object>(shifted, values);
    return rows;
  }

  recentDeliveries(targets: readonly string[] | null, limit: number): Promise<Delivery[]> {
    return this.rows<Delivery>(
      `SELECT ${DELIVERY} FROM deliveries`,
      null,
      "ORDER BY updated_at DESC, key LIMIT $2",
      targets,
      [limit],
    );
  }

  async deliveriesOfArticle(target: string, articleId: string): Promise<Delivery[]> {
    const { rows } = await this.db.query<Delivery>(
      `SELECT ${DELIVERY} FROM deliveries WHERE target = $1 AND payload->'articles' ? $2
        ORDER BY updated_at DESC, key`,
      [target, articleId],
    );
    return rows;
  }

  async articleGiven(
    target: string,
    articleId: string,
  ): Promise<{ deliveryKey: string; shown: boolean } | null> {
    const { rows } = await this.db.query<{ deliveryKey: string; shown: boolean }>(
      `SELECT delivery_key AS "deliveryKey", shown FROM delivered_articles WHERE target = $1 AND article_id = $2`,
      [target, articleId],
    );
    return rows[0] ?? null;
  }

  async articleSeenAt(articleId: string): Promise<string | null> {
    const { rows } = await this.db.query<{ seen: string }>(
      "SELECT seen_at AS seen FROM known_articles WHERE article_id = $1",
      [articleId],
    );
    return rows[0]?.seen ?? null;
  }

  upcomingPosts(targets: readonly string[] | null, limit: number): Promise<Schedule[]> {
    return this.rows<Schedule>(
      `SELECT ${SCHEDULE} FROM schedules`,
      "kind = 'post' AND state = 'active'",
      "ORDER BY run_at, id LIMIT $2",
      targets,
      [limit],
    );
  }

  digestsOf(targets: readonly string[] | null): Promise<Schedule[]> {
    return this.rows<Schedule>(
      `SELECT ${SCHEDULE} FROM schedules`,
      "kind = 'digest' AND state IN ('active', 'paused')",
      "ORDER BY id",
      targets,
    );
  }

  async disabledTargets(): Promise<TargetHealth[]> {
    const { rows } = await this.db.query<TargetHealth>(
      `SELECT target, failures, disabled_at AS "disabledAt", reason FROM target_health
        WHERE disabled_at IS NOT NULL ORDER BY disabled_at DESC, target`,
    );
    return rows;
  }

  async knownTargets(): Promise<string[]> {
    const { rows } = await this.db.query<{ target: string }>(
      `SELECT target FROM schedules UNION SELECT target FROM subscriptions
       UNION SELECT target FROM channel_settings UNION SELECT target FROM deliveries
       UNION SELECT target FROM target_health ORDER BY target`,
    );
    return rows.map((r) => r.target);
  }

  auditOf(targets: readonly string[] | null, limit: number): Promise<AuditEntry[]> {
    return this.rows<AuditEntry>(
      `SELECT at, actor_id AS "actorId", actor_name AS "actorName", target, action, detail FROM audit_log`,
      null,
      "ORDER BY id DESC LIMIT $2",
      targets,
      [limit],
    );
  }

  async outboxBacklog(now: string): Promise<{ pending: number; oldestDueAt: string | null }> {
    const { rows } = await this.db.query<{ pending: number; oldestDueAt: string | null }>(
      `SELECT (SELECT COUNT(*)::int FROM deliveries WHERE state IN ('pending', 'sending')) AS pending,
              (SELECT MIN(due_at) FROM deliveries WHERE state IN ('pending', 'sending') AND due_at <= $1) AS "oldestDueAt"`,
      [now],
    );
    return rows[0] ?? { pending: 0, oldestDueAt: null };
  }
}
