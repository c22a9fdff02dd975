import type { SchedulerInstance } from "../../../domain/scheduling-store.js";
import type { Db } from "../database.js";

/** The schedulers sharing this database, so a restarted one can tell its dead predecessor. */
export class InstanceTable {
  constructor(private readonly db: Db) {}

  register(row: SchedulerInstance): void {
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

  others(id: string): SchedulerInstance[] {
    return this.db
      .prepare(
        `SELECT id, host, pid, started_at AS startedAt, seen_at AS seenAt FROM scheduler_instances WHERE id != ?`,
      )
      .all(id) as SchedulerInstance[];
  }
}
