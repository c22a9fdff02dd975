import type { Db } from "../database.js";

export interface InstanceRow {
  id: string;
  host: string;
  pid: number;
  startedAt: string;
  seenAt: string;
}

/** The schedulers sharing this database, so a restarted one can tell its dead predecessor. */
export class InstanceStore {
  constructor(private readonly db: Db) {}

  register(row: InstanceRow): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO scheduler_instances (id, host, pid, started_at, seen_at)
         VALUES (@id, @host, @pid, @startedAt, @seenAt)`,
      )
      .run(row);
  }

  heartbeat(id: string, at: string): void {
    this.db.prepare("UPDATE scheduler_instances SET seen_at = ? WHERE id = ?").run(at, id);
  }

  remove(id: string): void {
    this.db.prepare("DELETE FROM scheduler_instances WHERE id = ?").run(id);
  }

  others(id: string): InstanceRow[] {
    return this.db
      .prepare(
        `SELECT id, host, pid, started_at AS startedAt, seen_at AS seenAt FROM scheduler_instances WHERE id != ?`,
      )
      .all(id) as InstanceRow[];
  }
}
