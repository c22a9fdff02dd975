import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DashboardStore } from "../../src/domain/dashboard-store.js";

/**
 * The contract of the DashboardStore port (src/domain/dashboard-store.ts), for every engine:
 * tests/contract/sqlite.test.ts runs it on SQLite. `another()` opens a second store on the same
 * database, as the CLI does beside the running bot.
 */
export interface DashboardStoreFixture {
  store: DashboardStore;
  another(): Promise<DashboardStore>;
  close(): Promise<void>;
}

const T0 = Date.parse("2026-03-01T10:00:00Z");
const MINUTES = 60_000;

export function dashboardStoreContract(open: () => Promise<DashboardStoreFixture>): void {
  let fixture: DashboardStoreFixture | null = null;
  const store = () => {
    if (!fixture) throw new Error("no store open");
    return fixture.store;
  };
  beforeEach(async () => {
    fixture = await open();
  });
  afterEach(async () => {
    await fixture?.close();
    fixture = null;
  });

  describe("the dashboard secret", () => {
    it("GIVEN a new database THEN the first secret offered is kept, and later offers get it back", async () => {
      expect(await store().dashboardSecret("first-secret")).toBe("first-secret");
      expect(await store().dashboardSecret("second-secret")).toBe("first-secret");
      const other = await fixture?.another();
      expect(await other?.dashboardSecret("third-secret")).toBe("first-secret");
    });

    it("GIVEN two processes offering secrets at once THEN both get the same one", async () => {
      const other = (await fixture?.another()) as DashboardStore;
      const [a, b] = await Promise.all([store().dashboardSecret("from-a"), other.dashboardSecret("from-b")]);
      expect(a).toBe(b);
    });
  });

  describe("sign-in tokens", () => {
    it("GIVEN a token made by another process THEN it is taken once, then never again", async () => {
      const cli = (await fixture?.another()) as DashboardStore;
      await cli.putSignInToken("hash-1", T0 + 10 * MINUTES);
      expect(await store().takeSignInToken("hash-1", T0)).toBe(true);
      expect(await store().takeSignInToken("hash-1", T0)).toBe(false);
      expect(await cli.takeSignInToken("hash-1", T0)).toBe(false);
    });

    it("GIVEN an expired token THEN it is refused", async () => {
      await store().putSignInToken("hash-2", T0 + 10 * MINUTES);
      expect(await store().takeSignInToken("hash-2", T0 + 10 * MINUTES)).toBe(false);
      expect(await store().takeSignInToken("unknown", T0)).toBe(false);
    });

    it("GIVEN many concurrent takes of one token on two stores THEN exactly one succeeds", async () => {
      const other = (await fixture?.another()) as DashboardStore;
      await store().putSignInToken("hash-3", T0 + MINUTES);
      const takes = Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? other : store()).takeSignInToken("hash-3", T0),
      );
      expect((await Promise.all(takes)).filter(Boolean)).toHaveLength(1);
    });

    it("GIVEN expired tokens THEN a take forgets them, leaving live ones", async () => {
      await store().putSignInToken("old", T0 + MINUTES);
      await store().putSignInToken("live", T0 + 20 * MINUTES);
      expect(await store().takeSignInToken("nothing", T0 + 5 * MINUTES)).toBe(false);
      expect(await store().takeSignInToken("old", T0)).toBe(false);
      expect(await store().takeSignInToken("live", T0 + 5 * MINUTES)).toBe(true);
    });
  });

  describe("sessions", () => {
    it("GIVEN a session put THEN it is read back, replaced, and deleted", async () => {
      expect(await store().getSession("k1")).toBeNull();
      await store().putSession({ key: "k1", data: '{"a":1}', lastSeen: T0 });
      expect(await store().getSession("k1")).toEqual({ key: "k1", data: '{"a":1}', lastSeen: T0 });
      await store().putSession({ key: "k1", data: '{"a":2}', lastSeen: T0 + MINUTES });
      const other = (await fixture?.another()) as DashboardStore;
      expect(await other.getSession("k1")).toEqual({ key: "k1", data: '{"a":2}', lastSeen: T0 + MINUTES });
      await store().deleteSession("k1");
      expect(await store().getSession("k1")).toBeNull();
    });

    it("GIVEN sessions seen at different times THEN those seen before a time are forgotten", async () => {
      await store().putSession({ key: "old", data: "{}", lastSeen: T0 });
      await store().putSession({ key: "new", data: "{}", lastSeen: T0 + 60 * MINUTES });
      expect(await store().deleteSessionsSeenBefore(T0 + 30 * MINUTES)).toBe(1);
      expect(await store().getSession("old")).toBeNull();
      expect(await store().getSession("new")).not.toBeNull();
    });
  });
}
