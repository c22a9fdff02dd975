import type { AuditEntry } from "../../../domain/channel.js";
import type { Db } from "../database.js";

/** Append-only log of every change to schedules, subscriptions, settings and targets. */
export class AuditTable {
  constructor(private readonly db: Db) {}

  record(entry: AuditEntry): void {
    this.db
      .prepare(
        `INSERT INTO audit_log (at, actor_id, actor_name, target, action, detail)
         VALUES (@at, @actorId, @actorName, @target, @action, @detail)`,
      )
      .run({ ...entry, detail: JSON.stringify(entry.detail) });
  }

  /** Newest first. */
  recent(limit: number, target?: string): AuditEntry[] {
    const rows = this.db
      .prepare(
        `SELECT at, actor_id AS actorId, actor_name AS actorName, target, action, detail FROM audit_log
         WHERE (@target IS NULL OR target = @target) ORDER BY id DESC LIMIT @limit`,
      )
      .all({ target: target ?? null, limit }) as (Omit<AuditEntry, "detail"> & { detail: string })[];
    return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
  }
}
