import type { Schedule, ScheduleState } from "../../../domain/schedule.js";
import type { Db } from "../database.js";

const COLUMNS = `id, kind, target, article_id AS articleId, run_at AS runAt, cron, topic, state,
  state_reason AS stateReason, state_by AS stateBy, state_at AS stateAt, last_slot AS lastSlot,
  created_by_id AS createdById, created_by_name AS createdByName, created_at AS createdAt`;

/** Schedules and the slot bookkeeping of recurring streams. */
export class ScheduleStore {
  constructor(private readonly db: Db) {}

  insert(row: Schedule): void {
    this.db
      .prepare(
        `INSERT INTO schedules (id, kind, target, article_id, run_at, cron, topic, state, state_reason,
          state_by, state_at, last_slot, created_by_id, created_by_name, created_at)
         VALUES (@id, @kind, @target, @articleId, @runAt, @cron, @topic, @state, @stateReason,
          @stateBy, @stateAt, @lastSlot, @createdById, @createdByName, @createdAt)`,
      )
      .run(row);
  }

  exists(id: string): boolean {
    return this.db.prepare("SELECT 1 FROM schedules WHERE id = ?").get(id) !== undefined;
  }

  get(id: string): Schedule | null {
    return (this.db.prepare(`SELECT ${COLUMNS} FROM schedules WHERE id = ?`).get(id) as Schedule) ?? null;
  }

  /** What /schedule list shows: live entries, and recent failures so people learn why. */
  listForTarget(target: string): Schedule[] {
    return this.db
      .prepare(
        `SELECT ${COLUMNS} FROM schedules WHERE target = ?
           AND state IN ('active', 'paused', 'failed', 'missed')
         ORDER BY CASE kind WHEN 'post' THEN 0 ELSE 1 END, run_at, created_at`,
      )
      .all(target) as Schedule[];
  }

  activeDigests(): Schedule[] {
    return this.db
      .prepare(`SELECT ${COLUMNS} FROM schedules WHERE kind = 'digest' AND state = 'active'`)
      .all() as Schedule[];
  }

  duePosts(nowIso: string): Schedule[] {
    return this.db
      .prepare(
        `SELECT ${COLUMNS} FROM schedules WHERE kind = 'post' AND state = 'active' AND run_at <= ?
         ORDER BY run_at`,
      )
      .all(nowIso) as Schedule[];
  }

  nextPostAt(): string | null {
    const row = this.db
      .prepare("SELECT MIN(run_at) AS at FROM schedules WHERE kind = 'post' AND state = 'active'")
      .get() as { at: string | null };
    return row.at;
  }

  setState(id: string, state: ScheduleState, reason: string | null, by: string | null, at: string): void {
    this.db
      .prepare("UPDATE schedules SET state = ?, state_reason = ?, state_by = ?, state_at = ? WHERE id = ?")
      .run(state, reason, by, at, id);
  }

  setLastSlot(id: string, slot: string): void {
    this.db.prepare("UPDATE schedules SET last_slot = ? WHERE id = ?").run(slot, id);
  }

  /** The last slot of a stream that is not a schedule (the configured digest), or null. */
  streamSlot(stream: string): string | null {
    const row = this.db
      .prepare("SELECT last_slot FROM schedule_streams WHERE stream = ?")
      .pluck()
      .get(stream);
    return typeof row === "string" ? row : null;
  }

  setStreamSlot(stream: string, slot: string): void {
    this.db
      .prepare(
        `INSERT INTO schedule_streams (stream, last_slot) VALUES (?, ?)
         ON CONFLICT (stream) DO UPDATE SET last_slot = excluded.last_slot`,
      )
      .run(stream, slot);
  }

  /** A chat that moved (Telegram group -> supergroup): its schedules follow it. */
  retarget(from: string, to: string): void {
    this.db.prepare("UPDATE schedules SET target = ? WHERE target = ?").run(to, from);
  }
}
