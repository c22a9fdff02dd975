import { describe, expect, it } from "vitest";
import type { DashboardStore, StoredSession } from "../../../src/domain/dashboard-store.js";
import { SESSION_IDLE_MS, Sessions } from "../../../src/web/sessions.js";
import { StoredSessions } from "../../../src/web/stored-sessions.js";

/** A DashboardStore in a Map (the SQLite one passes the contract suite; here only the adapter is under test). */
class MapStore
  implements Pick<DashboardStore, "getSession" | "putSession" | "deleteSession" | "deleteSessionsSeenBefore">
{
  readonly rows = new Map<string, StoredSession>();
  async getSession(key: string) {
    return this.rows.get(key) ?? null;
  }
  async putSession(session: StoredSession) {
    this.rows.set(session.key, session);
  }
  async deleteSession(key: string) {
    this.rows.delete(key);
  }
  async deleteSessionsSeenBefore(before: number) {
    let n = 0;
    for (const [key, row] of this.rows) if (row.lastSeen < before && this.rows.delete(key)) n++;
    return n;
  }
}

describe("GIVEN sessions kept through the DashboardStore", () => {
  it("THEN a Discord moderator's rights come back whole, and the stored key is not the cookie's id", async () => {
    const store = new MapStore();
    let now = Date.parse("2026-03-01T10:00:00Z");
    const sessions = new Sessions(
      new StoredSessions(store as unknown as DashboardStore, () => now),
      () => now,
    );
    const opened = await sessions.open(
      { id: "discord:1", name: "Mod" },
      { kind: "discord", userId: "1", guildIds: new Set(["g1", "g2"]) },
    );
    expect([...store.rows.keys()]).not.toContain(opened.id);
    expect(JSON.stringify([...store.rows.values()])).not.toContain(opened.id);
    now += 60_000;
    const found = await sessions.find(opened.id);
    expect(found?.rights).toEqual({ kind: "discord", userId: "1", guildIds: new Set(["g1", "g2"]) });
    expect(found?.csrf).toBe(opened.csrf);
  });

  it("THEN opening a session forgets those idle past 12 h, and an unreadable record is no session", async () => {
    const store = new MapStore();
    let now = Date.parse("2026-03-01T10:00:00Z");
    const stored = new StoredSessions(store as unknown as DashboardStore, () => now);
    const sessions = new Sessions(stored, () => now);
    const old = await sessions.open({ id: "operator", name: "operator" }, { kind: "operator" });
    now += SESSION_IDLE_MS + 1;
    const fresh = await sessions.open({ id: "operator", name: "operator" }, { kind: "operator" });
    expect(store.rows.size).toBe(1);
    expect(await stored.get(old.id)).toBeNull();
    expect(await stored.get(fresh.id)).not.toBeNull();
    await store.putSession({ key: [...store.rows.keys()][0] ?? "", data: "{not json", lastSeen: now });
    expect(await stored.get(fresh.id)).toBeNull();
  });
});
