/**
 * What the dashboard keeps in the database (ADR 0115): the secret that signs its cookies, the
 * operator sign-in links (made by the CLI in one process, used in the bot in another) and the
 * sessions, so that a restart signs nobody out. Every method is one unit of work, atomic in its
 * engine, returning a Promise: SQLite implements it (src/store/sqlite/dashboard-store.ts), a
 * networked engine implements it again and passes the same contract (tests/contract).
 *
 * Instants are milliseconds since the epoch here (cookies and links live on the web's clock).
 */
export interface DashboardStore {
  /**
   * The dashboard's secret: the stored one, or `generated` kept and returned when none is stored.
   * Of two processes calling this at once on a new database, both get the same secret.
   */
  dashboardSecret(generated: string): Promise<string>;
  /** Keeps a sign-in token (only its hash is ever stored) until `expiresAt`. */
  putSignInToken(hash: string, expiresAt: number): Promise<void>;
  /**
   * Removes the token and says whether it was there and not expired at `now`, as one atomic step:
   * of two concurrent takes of one token, in any processes, exactly one gets true. Expired tokens
   * are forgotten on the way.
   */
  takeSignInToken(hash: string, now: number): Promise<boolean>;
  /** The session stored under this key (the hash of its cookie id), or null. */
  getSession(key: string): Promise<StoredSession | null>;
  /** Adds or replaces a session. */
  putSession(session: StoredSession): Promise<void>;
  deleteSession(key: string): Promise<void>;
  /** Forgets sessions last seen before `before`; returns how many went. */
  deleteSessionsSeenBefore(before: number): Promise<number>;
}

/** A signed-in browser as stored: its key, what the web needs back (opaque JSON) and when it was last seen. */
export interface StoredSession {
  key: string;
  data: string;
  lastSeen: number;
}
