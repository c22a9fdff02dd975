import type { SchedulerInstance } from "../../../domain/scheduling-store.js";
import type { Q } from "./q.js";

/** Which articles the scheduler has already seen visible, and which wait for their embargo. */
export const announcements = {
  /** The ids among `ids` not seen before, in the given order. */
  async unknown(q: Q, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const { rows } = await q.query<{ article_id: string }>(
      "SELECT article_id FROM known_articles WHERE article_id = ANY($1::text[])",
      [ids],
    );
    const known = new Set(rows.map((r) => r.article_id));
    return ids.filter((id) => !known.has(id));
  },

  /** Marks articles seen (those seen already keep their first date). */
  async markKnown(q: Q, ids: readonly string[], at: string): Promise<void> {
    if (ids.length === 0) return;
    await q.query(
      `INSERT INTO known_articles (article_id, seen_at) SELECT unnest($1::text[]), $2 ON CONFLICT DO NOTHING`,
      [ids, at],
    );
  },

  /** Marks one article seen; false if it had been seen already (by any process). */
  async markOneKnown(q: Q, id: string, at: string): Promise<boolean> {
    const { rowCount } = await q.query(
      "INSERT INTO known_articles (article_id, seen_at) VALUES ($1, $2) ON CONFLICT DO NOTHING",
      [id, at],
    );
    return rowCount === 1;
  },

  async setEmbargo(q: Q, articleId: string, dueAt: string | null): Promise<void> {
    if (dueAt === null) {
      await q.query("DELETE FROM embargoes WHERE article_id = $1", [articleId]);
      return;
    }
    await q.query(
      `INSERT INTO embargoes (article_id, due_at) VALUES ($1, $2)
       ON CONFLICT (article_id) DO UPDATE SET due_at = excluded.due_at`,
      [articleId, dueAt],
    );
  },

  async dueEmbargoes(q: Q, now: string): Promise<string[]> {
    const { rows } = await q.query<{ article_id: string }>(
      "SELECT article_id FROM embargoes WHERE due_at <= $1 ORDER BY due_at",
      [now],
    );
    return rows.map((r) => r.article_id);
  },

  async nextEmbargoAt(q: Q): Promise<string | null> {
    const { rows } = await q.query<{ t: string | null }>("SELECT MIN(due_at) AS t FROM embargoes");
    return rows[0]?.t ?? null;
  },
};

/** The schedulers sharing this database. */
export const instances = {
  async register(q: Q, row: SchedulerInstance): Promise<void> {
    await q.query(
      `INSERT INTO scheduler_instances (id, host, pid, started_at, seen_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET host = excluded.host, pid = excluded.pid,
         started_at = excluded.started_at, seen_at = excluded.seen_at`,
      [row.id, row.host, row.pid, row.startedAt, row.seenAt],
    );
  },

  async heartbeat(q: Q, id: string, at: string): Promise<void> {
    await q.query("UPDATE scheduler_instances SET seen_at = $1 WHERE id = $2", [at, id]);
  },

  async remove(q: Q, id: string): Promise<void> {
    await q.query("DELETE FROM scheduler_instances WHERE id = $1", [id]);
  },

  async others(q: Q, id: string): Promise<SchedulerInstance[]> {
    const { rows } = await q.query<SchedulerInstance>(
      `SELECT id, host, pid, started_at AS "startedAt", seen_at AS "seenAt" FROM scheduler_instances
        WHERE id <> $1 ORDER BY id`,
      [id],
    );
    return rows;
  },
};
