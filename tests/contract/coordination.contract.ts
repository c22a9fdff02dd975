import { describe, expect, it } from "vitest";
import { at } from "./fixtures.js";
import type { ContractContext } from "./scheduling-store.contract.js";

const TTL = 60_000;

/** Leases, shared budgets and seen updates (CoordinationStore): what processes agree on. */
export function coordinationContract(c: ContractContext): void {
  describe("leases", () => {
    it("GIVEN a free lease THEN the first asker holds it, renews it, and others see it until it ends", async () => {
      expect(await c.store.claimLease("planner", "p1", at(0), TTL)).toEqual({ holder: "p1", until: at(1) });
      const other = await c.another();
      expect(await other.claimLease("planner", "p2", at(0.5), TTL)).toEqual({ holder: "p1", until: at(1) });
      expect(await c.store.claimLease("planner", "p1", at(0.5), TTL)).toEqual({
        holder: "p1",
        until: at(1.5),
      });
      // Ended: the next asker takes it.
      expect(await other.claimLease("planner", "p2", at(1.5), TTL)).toEqual({ holder: "p2", until: at(2.5) });
      expect(await c.store.claimLease("planner", "p1", at(1.6), TTL)).toMatchObject({ holder: "p2" });
      // Leases are independent by name.
      expect(await c.store.claimLease("telegram-polling", "p1", at(1.6), TTL)).toMatchObject({
        holder: "p1",
      });
    });

    it("GIVEN a holder that releases THEN another takes it at once; a release by a non-holder changes nothing", async () => {
      await c.store.claimLease("planner", "p1", at(0), TTL);
      await c.store.releaseLease("planner", "p2");
      expect(await c.store.claimLease("planner", "p2", at(0), TTL)).toMatchObject({ holder: "p1" });
      await c.store.releaseLease("planner", "p1");
      expect(await c.store.claimLease("planner", "p2", at(0), TTL)).toMatchObject({ holder: "p2" });
    });

    it("GIVEN many processes asking at once THEN exactly one holds the lease", async () => {
      const stores = [c.store, await c.another(), await c.another()];
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          (stores[i % stores.length] ?? c.store).claimLease("planner", `p${i}`, at(0), TTL),
        ),
      );
      const holders = new Set(answers.map((a) => a.holder));
      expect(holders.size).toBe(1);
      const [winner] = holders;
      expect(answers.filter((a) => a.holder === winner)).toHaveLength(12);
    });
  });

  describe("shared budgets", () => {
    it("GIVEN members joining THEN each sees every live member sorted, with when it joined; an ended one is dropped", async () => {
      expect(await c.store.joinBudget("discord", "m2", at(0), TTL)).toEqual([{ member: "m2", since: at(0) }]);
      const other = await c.another();
      expect(await other.joinBudget("discord", "m1", at(0.5), TTL)).toEqual([
        { member: "m1", since: at(0.5) },
        { member: "m2", since: at(0) },
      ]);
      // m2 renews, m1 does not: at minute 1.6 m1's time has ended.
      await c.store.joinBudget("discord", "m2", at(0.9), TTL);
      expect(await c.store.joinBudget("discord", "m2", at(1.6), TTL)).toEqual([
        { member: "m2", since: at(0) },
      ]);
      expect(await c.store.joinBudget("telegram", "m3", at(1.6), TTL)).toHaveLength(1);
    });

    it("GIVEN a member leaving THEN the others no longer count it", async () => {
      await c.store.joinBudget("discord", "m1", at(0), TTL);
      await c.store.joinBudget("discord", "m2", at(0), TTL);
      await c.store.leaveBudget("discord", "m1");
      expect((await c.store.joinBudget("discord", "m2", at(0.1), TTL)).map((m) => m.member)).toEqual(["m2"]);
    });
  });

  describe("seen updates", () => {
    it("GIVEN one update offered to several processes at once THEN exactly one takes it", async () => {
      const other = await c.another();
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          (i % 2 ? other : c.store).firstSight("telegram", "1001", at(0), 60 * TTL),
        ),
      );
      expect(answers.filter(Boolean)).toHaveLength(1);
      expect(await c.store.firstSight("telegram", "1002", at(0), 60 * TTL)).toBe(true);
      expect(await c.store.firstSight("other-bot", "1001", at(0), 60 * TTL)).toBe(true);
    });

    it("GIVEN an update older than the keeping time THEN it is forgotten", async () => {
      await c.store.firstSight("telegram", "7", at(0), TTL);
      expect(await c.store.firstSight("telegram", "7", at(0.5), TTL)).toBe(false);
      await c.store.firstSight("telegram", "8", at(5), TTL);
      expect(await c.store.firstSight("telegram", "7", at(5), TTL)).toBe(true);
    });
  });
}
