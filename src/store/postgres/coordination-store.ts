import type { BudgetMember, CoordinationStore, LeaseHolder } from "../../domain/coordination.js";
import type { PgDatabase } from "./database.js";

const later = (now: string, ms: number) => new Date(Date.parse(now) + ms).toISOString();

/**
 * Leases, shared budgets and seen updates on PostgreSQL (CoordinationStore, ADRs 0102-0104). Each
 * method is one statement, atomic on its own: a lease is taken by an upsert whose WHERE lets it
 * through only when the lease is free, ended, or already the caller's, so of two processes asking
 * at once exactly one gets it (the second's upsert waits for the first's row, then re-reads it).
 */
export class PgCoordinationStore implements CoordinationStore {
  constructor(private readonly db: PgDatabase) {}

  async claimLease(name: string, holder: string, now: string, ttlMs: number): Promise<LeaseHolder> {
    return this.db.unit(async (sql) => {
      const taken = await sql.query<LeaseHolder>(
        `INSERT INTO leases (name, holder, until) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
          WHERE leases.holder = excluded.holder OR leases.until <= $4
         RETURNING holder, until`,
        [name, holder, later(now, ttlMs), now],
      );
      if (taken.rows[0]) return taken.rows[0];
      // Held by another: a new statement, so it reads the row as the upsert found it.
      const { rows } = await sql.query<LeaseHolder>("SELECT holder, until FROM leases WHERE name = $1", [
        name,
      ]);
      const row = rows[0];
      if (!row) throw new Error(`lease ${name}: no row after the upsert`);
      return row;
    });
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    await this.db.query("DELETE FROM leases WHERE name = $1 AND holder = $2", [name, holder]);
  }

  async joinBudget(budget: string, member: string, now: string, ttlMs: number): Promise<BudgetMember[]> {
    return this.db.unit(async (sql) => {
      await sql.query(
        `INSERT INTO budget_members (budget, member, since, until) VALUES ($1, $2, $3, $4)
         ON CONFLICT (budget, member) DO UPDATE SET until = excluded.until`,
        [budget, member, now, later(now, ttlMs)],
      );
      await sql.query("DELETE FROM budget_members WHERE budget = $1 AND until <= $2", [budget, now]);
      const { rows } = await sql.query<BudgetMember>(
        "SELECT member, since FROM budget_members WHERE budget = $1 ORDER BY member",
        [budget],
      );
      return rows;
    });
  }

  async leaveBudget(budget: string, member: string): Promise<void> {
    await this.db.query("DELETE FROM budget_members WHERE budget = $1 AND member = $2", [budget, member]);
  }

  async firstSight(source: string, id: string, now: string, keepMs: number): Promise<boolean> {
    const { rowCount } = await this.db.query(
      "INSERT INTO seen_updates (source, id, seen_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
      [source, id, now],
    );
    // Ids past their keeping time go as new ones come (an index range: usually nothing).
    await this.db.query("DELETE FROM seen_updates WHERE seen_at < $1", [later(now, -keepMs)]);
    return rowCount === 1;
  }
}
