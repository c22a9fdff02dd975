import { createHash } from "node:crypto";
import type { DashboardStore } from "../domain/dashboard-store.js";
import type { Rights } from "./rights.js";
import { SESSION_IDLE_MS, type Session, type SessionStore } from "./sessions.js";
import type { SignInTokenStore } from "./sign-in/operator-link.js";

/**
 * Sessions and operator links kept in the database through the DashboardStore port (ADR 0115), so a
 * restart signs nobody out and a link made by the CLI works in the bot. A session is stored under
 * the SHA-256 of its cookie id: a copy of the database gives no cookie that signs in.
 */
export class StoredSessions implements SessionStore {
  constructor(
    private readonly store: DashboardStore,
    private readonly now: () => number = Date.now,
  ) {}

  private key(id: string): string {
    return createHash("sha256").update(id).digest("base64url");
  }

  async get(id: string): Promise<Session | null> {
    const stored = await this.store.getSession(this.key(id));
    if (!stored) return null;
    try {
      const data = JSON.parse(stored.data) as Omit<Session, "id" | "rights" | "lastSeen"> & {
        rights: StoredRights;
      };
      return { ...data, id, rights: rightsFrom(data.rights), lastSeen: stored.lastSeen };
    } catch {
      // A record this release cannot read is no session: the browser signs in again.
      return null;
    }
  }

  async put(session: Session): Promise<void> {
    const { id: _id, lastSeen, rights, ...rest } = session;
    const data = JSON.stringify({ ...rest, rights: rightsTo(rights) });
    await this.store.putSession({ key: this.key(session.id), data, lastSeen });
    // A new session is the moment to forget the ones nobody came back to.
    if (session.createdAt === lastSeen)
      await this.store.deleteSessionsSeenBefore(this.now() - SESSION_IDLE_MS);
  }

  async delete(id: string): Promise<void> {
    await this.store.deleteSession(this.key(id));
  }
}

type StoredRights =
  | { kind: "operator" }
  | { kind: "discord"; userId: string; guildIds: string[] }
  | { kind: "telegram"; userId: string };

function rightsTo(rights: Rights): StoredRights {
  return rights.kind === "discord" ? { ...rights, guildIds: [...rights.guildIds] } : rights;
}

function rightsFrom(stored: StoredRights): Rights {
  if (stored.kind === "discord") return { ...stored, guildIds: new Set(stored.guildIds) };
  if (stored.kind === "telegram" || stored.kind === "operator") return stored;
  throw new Error("unknown rights");
}

/** Operator links in the database: the CLI puts, the bot takes. */
export function storedSignInTokens(store: DashboardStore): SignInTokenStore {
  return {
    put: (hash, expiresAt) => store.putSignInToken(hash, expiresAt),
    take: (hash, now) => store.takeSignInToken(hash, now),
  };
}
