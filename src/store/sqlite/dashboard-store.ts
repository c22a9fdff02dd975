import type { DashboardStore, StoredSession } from "../../domain/dashboard-store.js";
import type { Db } from "./database.js";

/**
 * The dashboard's secret, sign-in tokens and sessions on SQLite (ADR 0115). Each method is one
 * statement or one IMMEDIATE transaction: the write lock makes a token's take atomic across the
 * CLI that made it and the bot that redeems it.
 */
export class SqliteDashboardStore implements DashboardStore {
  constructor(private readonly db: Db) {}

  async dashboardSecret(generated: string): Promise<string> {
    return this.db
      .transaction(() => {
        // The first writer wins; a second process starting at once reads the first one's secret.
        this.db.prepare("INSERT OR IGNORE INTO dashboard_secret (id, secret) VALUES (1, ?)").run(generated);
        return this.db.prepare("SELECT secret FROM dashboard_secret WHERE id = 1").pluck().get() as string;
      })
      .immediate();
  }

  async putSignInToken(hash: string, expiresAt: number): Promise<void> {
    this.db
      .prepare("INSERT OR REPLACE INTO sign_in_tokens (hash, expires_at) VALUES (?, ?)")
      .run(hash, expiresAt);
  }

  async takeSignInToken(hash: string, now: number): Promise<boolean> {
    return this.db
      .transaction(() => {
        const taken = this.db
          .prepare("DELETE FROM sign_in_tokens WHERE hash = ? AND expires_at > ?")
          .run(hash, now).changes;
        this.db.prepare("DELETE FROM sign_in_tokens WHERE hash = ? OR expires_at <= ?").run(hash, now);
        return taken === 1;
      })
      .immediate();
  }

  async getSession(key: string): Promise<StoredSession | null> {
    const row = this.db
      .prepare("SELECT key, data, last_seen AS lastSeen FROM dashboard_sessions WHERE key = ?")
      .get(key) as StoredSession | undefined;
    return row ?? null;
  }

  async putSession(session: StoredSession): Promise<void> {
    this.db
      .prepare(
        "INSERT OR REPLACE INTO dashboard_sessions (key, data, last_seen) VALUES (@key, @data, @lastSeen)",
      )
      .run(session);
  }

  async deleteSession(key: string): Promise<void> {
    this.db.prepare("DELETE FROM dashboard_sessions WHERE key = ?").run(key);
  }

  async deleteSessionsSeenBefore(before: number): Promise<number> {
    return this.db.prepare("DELETE FROM dashboard_sessions WHERE last_seen < ?").run(before).changes;
  }
}
