import { describe, expect, it } from "vitest";
import { at, enqueue } from "./fixtures.js";
import type { ContractContext } from "./scheduling-store.contract.js";

const LEASE = 2 * 60_000;

/** The schedulers sharing a store: registrations, heartbeats that renew leases, and take-overs. */
export function instancesContract(c: ContractContext): void {
  const instance = (id: string, pid: number) => ({ id, host: "box", pid, startedAt: at(), seenAt: at() });

  describe("instances", () => {
    it("GIVEN two registered schedulers THEN each sees the other, with its last heartbeat", async () => {
      await c.store.registerInstance(instance("i1", 101));
      const other = await c.another();
      await other.registerInstance(instance("i2", 102));
      await other.heartbeat("i2", at(3), LEASE);
      expect(await c.store.otherInstances("i1")).toEqual([{ ...instance("i2", 102), seenAt: at(3) }]);
      expect(await other.otherInstances("i2")).toEqual([instance("i1", 101)]);
      await other.removeInstance("i2");
      expect(await c.store.otherInstances("i1")).toEqual([]);
    });

    it("GIVEN a heartbeat THEN the worker's claims live on; without one THEN they end with their lease", async () => {
      await c.store.registerInstance(instance("i1", 101));
      await enqueue(c.store, ["discord:1", "discord:2"]);
      await c.store.claimNextDelivery("i1", LEASE, at());
      await c.store.claimNextDelivery("i2", LEASE, at());
      await c.store.heartbeat("i1", at(1), LEASE);
      // At minute 2, i2's lease has ended and i1's was renewed to minute 3.
      const taken = await c.store.claimNextDelivery("i3", LEASE, at(2));
      expect(taken).toMatchObject({ claimedBy: "i3", attempts: 2 });
      expect(await c.store.claimNextDelivery("i3", LEASE, at(2))).toBeNull();
      expect(await c.store.claimedBy("i1")).toHaveLength(1);
    });

    it("GIVEN a dead scheduler released THEN its claims are free at once and its registration is gone", async () => {
      await c.store.registerInstance(instance("dead", 101));
      await c.store.registerInstance(instance("live", 102));
      const keys = await enqueue(c.store, ["discord:1", "discord:2"]);
      await c.store.claimNextDelivery("dead", LEASE, at());
      await c.store.claimNextDelivery("dead", LEASE, at());
      await c.store.claimLease("planner", "dead", at(), LEASE);
      expect(await c.store.releaseInstance("dead", at(1))).toBe(2);
      expect(await c.store.claimLease("planner", "live", at(1), LEASE)).toMatchObject({ holder: "live" });
      expect((await c.store.otherInstances("live")).map((i) => i.id)).toEqual([]);
      const first = await c.store.claimNextDelivery("live", LEASE, at(1));
      const second = await c.store.claimNextDelivery("live", LEASE, at(1));
      expect([first?.key, second?.key].sort()).toEqual([...keys].sort());
      expect(await c.store.releaseInstance("dead", at(2))).toBe(0);
    });
  });
}
