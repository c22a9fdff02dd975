import type { BudgetMember, CoordinationStore, LeaseHolder } from "../../domain/coordination.js";
import type { Db } from "./database.js";

const later = (now: string, ms: number) => new Date(Date.parse(now) + ms).toISOString();

/**
 * Leases, shared budgets and seen updates on SQLite (CoordinationStore, ADRs 0102-0104): each a
 * short IMMEDIATE transaction, so processes sharing the file see one order. The PostgreSQL twin
 * is src/store/postgres/coordination-store.ts.
 */
export class SqliteCoordinationStore implements CoordinationStore {
  constructor(protected readonly db: Db) {}

  async claimLease(name: string, holder: string, now: string, ttlMs: number): Promise<LeaseHolder> {
    return this.db
      .transaction(() => {
        this.db
          .prepare(
            `INSERT INTO leases (name, holder, until) VALUES (?, ?, ?)
             ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
              WHERE leases.holder = excluded.holder OR leases.until <= ?`,
          )
          .run(name, holder, later(now, ttlMs), now);
        return this.db.prepare("SELECT holder, until FROM leases WHERE name = ?").get(name) as LeaseHolder;
      })
      .immediate();
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    this.db.prepare("DELETE FROM leases WHERE name = ? AND holder = ?").run(name, holder);
  }

  async joinBudget(budget: string, member: string, now: string, ttlMs: number): Promise<BudgetMember[]> {
    return this.db
      .transaction(() => {
        this.db
          .prepare(
            `INSERT INTO budget_members (budget, member, since, until) VALUES (?, ?, ?, ?)
             ON CONFLICT (budget, member) DO UPDATE SET until = excluded.until`,
          )
          .run(budget, member, now, later(now, ttlMs));
        this.db.prepare("DELETE FROM budget_members WHERE budget = ? AND until <= ?").run(budget, now);
        return this.db
          .prepare("SELECT member, since FROM budget_members WHERE budget = ? ORDER BY member")
          .all(budget) as BudgetMember[];
      })
      .immediate();
  }

  async leaveBudget(budget: string, member: string): Promise<void> {
    this.db.prepare("DELETE FROM budget_members WHERE budget = ? AND member = ?").run(budget, member);
  }

  async firstSight(source: string, id: string, now: string, keepMs: number): Promise<boolean> {
    const fresh =
      this.db
        .prepare("INSERT OR IGNORE INTO seen_updates (source, id, seen_at) VALUES (?, ?, ?)")
        .run(source, id, now).changes === 1;
    // Ids past their keeping time go as new ones come (an index range: usually nothing).
    this.db.prepare("DELETE FROM seen_updates WHERE seen_at < ?").run(later(now, -keepMs));
    return fresh;
  }
}
