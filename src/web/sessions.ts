import { randomBytes } from "node:crypto";
import type { Rights, WebUser } from "./rights.js";

/** A signed-in browser: who, with which rights, and the CSRF token its forms carry. */
export interface Session {
  id: string;
  user: WebUser;
  rights: Rights;
  /** Every form of this session carries it; a POST without it is refused. */
  csrf: string;
  createdAt: number;
  /** Milliseconds since the epoch of the last request; 12 h without one and the session is over. */
  lastSeen: number;
}

/**
 * Where sessions are kept. Async so that a database can keep them (several processes behind one
 * address); the in-memory one below is the default of a single bot process.
 */
export interface SessionStore {
  get(id: string): Promise<Session | null>;
  put(session: Session): Promise<void>;
  delete(id: string): Promise<void>;
}

/** Sessions in a Map, at most `max` of them: past that the least recently seen goes first. */
export class MemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly max = 10_000) {}

  async get(id: string): Promise<Session | null> {
    return this.sessions.get(id) ?? null;
  }

  async put(session: Session): Promise<void> {
    // Re-inserting keeps the Map in last-seen order, so the first key is the one to evict.
    this.sessions.delete(session.id);
    this.sessions.set(session.id, session);
    while (this.sessions.size > this.max) {
      const oldest = this.sessions.keys().next().value;
      if (oldest === undefined) break;
      this.sessions.delete(oldest);
    }
  }

  async delete(id: string): Promise<void> {
    this.sessions.delete(id);
  }

  get size(): number {
    return this.sessions.size;
  }
}

export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** lastSeen is written back at most this often: a page's assets and a busy reader cost no writes. */
const TOUCH_EVERY_MS = 60_000;

/** Opens, finds, refreshes and ends sessions, with idle expiry on the injected clock. */
export class Sessions {
  constructor(
    private readonly store: SessionStore,
    private readonly now: () => number,
    private readonly idleMs = SESSION_IDLE_MS,
  ) {}

  async open(user: WebUser, rights: Rights): Promise<Session> {
    const now = this.now();
    const session: Session = {
      id: randomBytes(32).toString("base64url"),
      user,
      rights,
      csrf: randomBytes(32).toString("base64url"),
      createdAt: now,
      lastSeen: now,
    };
    await this.store.put(session);
    return session;
  }

  /** The live session with this id, refreshed; null (and forgotten) when it has been idle too long. */
  async find(id: string | null): Promise<Session | null> {
    if (!id) return null;
    const session = await this.store.get(id);
    if (!session) return null;
    const now = this.now();
    if (now - session.lastSeen > this.idleMs) {
      await this.store.delete(id);
      return null;
    }
    if (now - session.lastSeen >= TOUCH_EVERY_MS) {
      session.lastSeen = now;
      await this.store.put(session);
    }
    return session;
  }

  async close(id: string): Promise<void> {
    await this.store.delete(id);
  }
}
