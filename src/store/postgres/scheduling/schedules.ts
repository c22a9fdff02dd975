import type { Schedule, ScheduleState, StateReason } from "../../../domain/schedule.js";
import type { Q } from "./q.js";

const COLUMNS = `id, kind, target, article_id AS "articleId", run_at AS "runAt", cron, topic, state,
  state_reason AS "stateReason", state_by AS "stateBy", state_at AS "stateAt", last_slot AS "lastSlot",
  created_by_id AS "createdById", created_by_name AS "createdByName", created_at AS "createdAt"`;

/** Schedules and the slot bookkeeping of recurring streams (src/store/sqlite/scheduling/schedules.ts). */
export const schedules = {
  /** False if the id is taken. */
  async insert(q: Q, s: Schedule): Promise<boolean> {
    const { rowCount } = await q.query(
      `INSERT INTO schedules (id, kind, target, article_id, run_at, cron, topic, state, state_reason,
         state_by, state_at, last_slot, created_by_id, created_by_name, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (id) DO NOTHING`,
      [
        s.id,
        s.kind,
        s.target,
        s.articleId,
        s.runAt,
        s.cron,
        s.topic,
        s.state,
        s.stateReason,
        s.stateBy,
        s.stateAt,
        s.lastSlot,
        s.createdById,
        s.createdByName,
        s.createdAt,
      ],
    );
    return rowCount === 1;
  },

  async get(q: Q, id: string): Promise<Schedule | null> {
    const { rows } = await q.query<Schedule>(`SELECT ${COLUMNS} FROM schedules WHERE id = $1`, [id]);
    return rows[0] ?? null;
  },

  /** What /schedule list shows: live entries, and recent failures so people learn why. */
  async listForTarget(q: Q, target: string): Promise<Schedule[]> {
    const { rows } = await q.query<Schedule>(
      `SELECT ${COLUMNS} FROM schedules WHERE target = $1 AND state IN ('active', 'paused', 'failed', 'missed')
       ORDER BY CASE kind WHEN 'post' THEN 0 ELSE 1 END, run_at NULLS FIRST, created_at`,
      [target],
    );
    return rows;
  },

  async activeDigests(q: Q): Promise<(Schedule & { channelTimeZone: string | null })[]> {
    const { rows } = await q.query<Schedule & { channelTimeZone: string | null }>(
      `SELECT ${COLUMNS.replace(/(^|, *|\n *)(\w)/g, "$1s.$2")}, c.time_zone AS "channelTimeZone"
         FROM schedules s LEFT JOIN channel_settings c ON c.target = s.target
        WHERE s.kind = 'digest' AND s.state = 'active'`,
    );
    return rows;
  },

  async duePosts(q: Q, now: string): Promise<Schedule[]> {
    const { rows } = await q.query<Schedule>(
      `SELECT ${COLUMNS} FROM schedules WHERE kind = 'post' AND state = 'active' AND run_at <= $1 ORDER BY run_at`,
      [now],
    );
    return rows;
  },

  async nextPostAt(q: Q): Promise<string | null> {
    const { rows } = await q.query<{ t: string | null }>(
      "SELECT MIN(run_at) AS t FROM schedules WHERE kind = 'post' AND state = 'active'",
    );
    return rows[0]?.t ?? null;
  },

  /** Sets the state; with `from`, only if the schedule is in that state now. True if it changed. */
  async setState(
    q: Q,
    id: string,
    change: { state: ScheduleState; reason: StateReason | null; by: string | null; at: string },
    from?: ScheduleState,
  ): Promise<boolean> {
    const { rowCount } = await q.query(
      `UPDATE schedules SET state = $1, state_reason = $2, state_by = $3, state_at = $4
        WHERE id = $5 AND ($6::text IS NULL OR state = $6)`,
      [change.state, change.reason, change.by, change.at, id, from ?? null],
    );
    return rowCount === 1;
  },

  async setLastSlot(q: Q, id: string, slot: string): Promise<void> {
    await q.query("UPDATE schedules SET last_slot = $1 WHERE id = $2", [slot, id]);
  },

  /** Advances an active digest from the slot it was planned from; false if it is no longer there. */
  async advanceSlot(q: Q, id: string, after: string | null, slot: string): Promise<boolean> {
    const { rowCount } = await q.query(
      `UPDATE schedules SET last_slot = $1
        WHERE id = $2 AND kind = 'digest' AND state = 'active' AND last_slot IS NOT DISTINCT FROM $3`,
      [slot, id, after],
    );
    return rowCount === 1;
  },

  async streamSlot(q: Q, stream: string): Promise<string | null> {
    const { rows } = await q.query<{ last_slot: string }>(
      "SELECT last_slot FROM schedule_streams WHERE stream = $1",
      [stream],
    );
    return rows[0]?.last_slot ?? null;
  },

  /** Advances a named stream from the slot it was planned from (null: none yet); false if it is no longer there. */
  async advanceStream(q: Q, stream: string, after: string | null, slot: string): Promise<boolean> {
    const { rowCount } =
      after === null
        ? await q.query(
            "INSERT INTO schedule_streams (stream, last_slot) VALUES ($1, $2) ON CONFLICT (stream) DO NOTHING",
            [stream, slot],
          )
        : await q.query("UPDATE schedule_streams SET last_slot = $1 WHERE stream = $2 AND last_slot = $3", [
            slot,
            stream,
            after,
          ]);
    return rowCount === 1;
  },

  async retarget(q: Q, from: string, to: string): Promise<void> {
    await q.query("UPDATE schedules SET target = $1 WHERE target = $2", [to, from]);
  },
};
