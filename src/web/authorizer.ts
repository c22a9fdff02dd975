import { type AuthorizationPorts, mayManageTarget } from "./rights.js";
import type { Session } from "./sessions.js";

/** A decision is kept this long per session and target: a page and its form ask once, not twice. */
const KEEP_MS = 60_000;
const MAX_KEPT = 10_000;

/**
 * Authorization of targets for sessions, with a short memory: Telegram's getChatMember is a call
 * to Telegram, and a listing of chats would otherwise make one per chat per page view.
 */
export class Authorizer {
  private readonly kept = new Map<string, { allowed: boolean; at: number }>();

  constructor(
    private readonly ports: AuthorizationPorts,
    private readonly now: () => number,
  ) {}

  async mayManage(session: Session, target: string): Promise<boolean> {
    if (session.rights.kind === "operator") return true;
    const key = `${session.id}\u0000${target}`;
    const now = this.now();
    const known = this.kept.get(key);
    if (known && now - known.at < KEEP_MS) return known.allowed;
    const allowed = await mayManageTarget(session.rights, target, this.ports);
    this.kept.delete(key);
    this.kept.set(key, { allowed, at: now });
    if (this.kept.size > MAX_KEPT) {
      const oldest = this.kept.keys().next().value;
      if (oldest !== undefined) this.kept.delete(oldest);
    }
    return allowed;
  }

  /** The targets of a list the session may manage, in order (at most `limit` checked). */
  async filter<T extends { target: string }>(
    session: Session,
    entries: readonly T[],
    limit = 200,
  ): Promise<T[]> {
    const allowed: T[] = [];
    for (const entry of entries.slice(0, limit)) {
      if (await this.mayManage(session, entry.target)) allowed.push(entry);
    }
    return allowed;
  }
}
