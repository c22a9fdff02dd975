import type { Schedule, ScheduleState, StateReason } from "../../../domain/schedule.js";
import type { Db } from "../database.js";

const COLUMNS = `id, kind, target, article_id AS articleId, run_at AS runAt, cron, topic, state,
  state_reason AS stateReason, state_by AS stateBy, state_at AS stateAt, last_slot AS lastSlot,
  created_by_id AS createdById, created_by_name AS createdByName, created_at AS createdAt`;

/** Schedules and the slot bookkeeping of recurring streams. */
export class ScheduleTable {
  constructor(private readonly db: Db) {}

  /** False if the id is taken. */
  insert(row: Schedule): boolean {
    return (
      this.db
        .prepare(
          `INSERT OR IGNORE INTO schedules (id, kind, target, article_id, run_at, cron, topic, state,
            state_reason, state_by, state_at, last_slot, created_by_id, created_by_name, created_at)
           VALUES (@id, @kind, @target, @articleId, @runAt, @cron, @topic, @state, @stateReason,
            @stateBy, @stateAt, @lastSlot, @createdById, @createdByName, @createdAt)`,
        )
        .run(row).changes === 1
    );
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

  activeDigests(): (Schedule & { channelTimeZone: string | null })[] {
    return this.db
      .prepare(
        `SELECT ${COLUMNS.replace(/(^|, *|\n *)(\w)/g, "$1s.$2")}, c.time_zone AS channelTimeZone
           FROM schedules s LEFT JOIN channel_settings c ON c.target = s.target
          WHERE s.kind = 'digest' AND s.state = 'active'`,
      )
      .all() as (Schedule & { channelTimeZone: string | null })[];
  }

  duePosts(now: string): Schedule[] {
    return this.db
      .prepare(
        `SELECT ${COLUMNS} FROM schedules WHERE kind = 'post' AND state = 'active' AND run_at <= ?
         ORDER BY run_at`,
      )
      .all(now) as Schedule[];
  }

  nextPostAt(): string | null {
    return this.db
      .prepare("SELECT MIN(run_at) FROM schedules WHERE kind = 'post' AND state = 'active'")
      .pluck()
      .get() as string | null;
  }

  /** Sets the state; with `from`, only if the schedule is in that state now. True if it changed. */
  setState(
    id: string,
    change: { state: ScheduleState; reason: StateReason | null; by: string | null; at: string },
    from?: ScheduleState,
  ): boolean {
    return (
      this.db
        .prepare(
          `UPDATE schedules SET state = @state, state_reason = @reason, state_by = @by, state_at = @at
           WHERE id = @id AND (@from IS NULL OR state = @from)`,
        )
        .run({ ...change, id, from: from ?? null }).changes === 1
    );
  }

  setLastSlot(id: string, slot: string): void {
    this.db.prepare("UPDATE schedules SET last_slot = ? WHERE id = ?").run(slot, id);
  }

  /** Advances an active digest from the slot it was planned from; false if it is no longer there. */
  advanceSlot(id: string, after: string | null, slot: string): boolean {
    return (
      this.db
        .prepare(
          "UPDATE schedules SET last_slot = ? WHERE id = ? AND kind = 'digest' AND state = 'active' AND last_slot IS ?",
        )
        .run(slot, id, after).changes === 1
    );
  }

  /** The last slot of a stream that is not a schedule (the configured digest), or null. */
  streamSlot(stream: string): string | null {
    const row = this.db
      .prepare("SELECT last_slot FROM schedule_streams WHERE stream = ?")
      .pluck()
      .get(stream);
    return typeof row === "string" ? row : null;
  }

  /** Advances a named stream from the slot it was planned from (null: none yet); false if it is no longer there. */
  advanceStream(stream: string, after: string | null, slot: string): boolean {
    const result =
      after === null
        ? this.db
            .prepare("INSERT OR IGNORE INTO schedule_streams (stream, last_slot) VALUES (?, ?)")
            .run(stream, slot)
        : this.db
            .prepare("UPDATE schedule_streams SET last_slot = ? WHERE stream = ? AND last_slot = ?")
            .run(slot, stream, after);
    return result.changes === 1;
  }

  /** A chat that moved (Telegram group -> supergroup): its schedules follow it. */
  retarget(from: string, to: string): void {
    this.db.prepare("UPDATE schedules SET target = ? WHERE target = ?").run(to, from);
  }
}
