import type { DashboardStore, StoredSession } from "../../domain/dashboard-store.js";
import type { PgDatabase } from "./database.js";

/**
 * The dashboard's secret, sign-in tokens and sessions on PostgreSQL (ADR 0115; the SQLite twin is
 * src/store/sqlite/dashboard-store.ts): shared by every process, so a link made by the CLI on one
 * machine signs in on any, and a session lives on whichever process the browser reaches.
 */
export class PostgresDashboardStore implements DashboardStore {
  constructor(private readonly db: PgDatabase) {}

  async dashboardSecret(generated: string): Promise<string> {
    // The first writer wins; a second process at once reads the first one's secret.
    return this.db.unit(async (sql) => {
      await sql.query(
        "INSERT INTO dashboard_secret (id, secret) VALUES (1, $1) ON CONFLICT (id) DO NOTHING",
        [generated],
      );
      const { rows } = await sql.query<{ secret: string }>(
        "SELECT secret FROM dashboard_secret WHERE id = 1",
      );
      return rows[0]?.secret ?? generated;
    });
  }

  async putSignInToken(hash: string, expiresAt: number): Promise<void> {
    await this.db.query(
      `INSERT INTO sign_in_tokens (hash, expires_at) VALUES ($1, $2)
       ON CONFLICT (hash) DO UPDATE SET expires_at = excluded.expires_at`,
      [hash, expiresAt],
    );
  }

  async takeSignInToken(hash: string, now: number): Promise<boolean> {
    return this.db.unit(async (sql) => {
      // DELETE … RETURNING: of two takes at once, the second finds the row gone.
      const { rowCount } = await sql.query("DELETE FROM sign_in_tokens WHERE hash = $1 AND expires_at > $2", [
        hash,
        now,
      ]);
      await sql.query("DELETE FROM sign_in_tokens WHERE hash = $1 OR expires_at <= $2", [hash, now]);
      return rowCount === 1;
    });
  }

  async getSession(key: string): Promise<StoredSession | null> {
    const { rows } = await this.db.query<{ key: string; data: string; lastSeen: string }>(
      `SELECT key, data, last_seen AS "lastSeen" FROM dashboard_sessions WHERE key = $1`,
      [key],
    );
    const row = rows[0];
    return row ? { key: row.key, data: row.data, lastSeen: Number(row.lastSeen) } : null;
  }

  async putSession(session: StoredSession): Promise<void> {
    await this.db.query(
      `INSERT INTO dashboard_sessions (key, data, last_seen) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET data = excluded.data, last_seen = excluded.last_seen`,
      [session.key, session.data, session.lastSeen],
    );
  }

  async deleteSession(key: string): Promise<void> {
    await this.db.query("DELETE FROM dashboard_sessions WHERE key = $1", [key]);
  }

  async deleteSessionsSeenBefore(before: number): Promise<number> {
    const { rowCount } = await this.db.query("DELETE FROM dashboard_sessions WHERE last_seen < $1", [before]);
    return rowCount ?? 0;
  }
}
