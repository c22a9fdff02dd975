import { describe, expect, it } from "vitest";
import type { Subscription } from "../../src/domain/channel.js";
import { at, audit } from "./fixtures.js";
import type { ContractContext } from "./scheduling-store.contract.js";

/** Subscriptions with a keyword filter (ADR 0113): stored, replaced, and counted only when matched. */
export function subscriptionFiltersContract(c: ContractContext): void {
  const follow = (target: string, filter?: string | null): Subscription => ({
    target,
    topicKey: "bitcoin",
    topic: "Bitcoin",
    ...(filter === undefined ? {} : { filter }),
    createdById: "u1",
    createdByName: "Alice",
    createdAt: at(),
  });

  describe("subscription filters", () => {
    it("GIVEN a topic followed again with another filter THEN the filter is replaced; with the same one THEN nothing changes", async () => {
      expect(await c.store.subscribe(follow("discord:1", "-etf"), audit("subscribe"))).toBe(true);
      expect(await c.store.subscribe(follow("discord:1", "-etf"), audit("subscribe"))).toBe(false);
      expect(await c.store.subscribe(follow("discord:1", '"el salvador"'), audit("subscribe"))).toBe(true);
      expect(await c.store.subscriptionsOf("discord:1")).toMatchObject([{ filter: '"el salvador"' }]);
      expect(await c.store.subscribe(follow("discord:1", null), audit("subscribe"))).toBe(true);
      const [plain] = await c.store.subscriptionsOf("discord:1");
      expect(plain?.filter ?? null).toBeNull();
    });

    it("GIVEN filtered and plain subscriptions THEN only the filtered ones on the asked topics are listed", async () => {
      await c.store.subscribe(follow("discord:1", "-etf"), audit("s"));
      await c.store.subscribe(follow("discord:2"), audit("s"));
      await c.store.subscribe({ ...follow("discord:3", "mining"), topicKey: "energy" }, audit("s"));
      const listed = await c.store.filteredSubscriptions(["bitcoin"]);
      expect(listed.map((s) => [s.target, s.filter])).toEqual([["discord:1", "-etf"]]);
      expect(await c.store.filteredSubscriptions([])).toEqual([]);
    });

    it("GIVEN a filtered subscription THEN it is announced an article only when the planner matched its current filter", async () => {
      await c.store.recordAnnouncements({ at: at(), baseline: true, passed: [], announce: [], targets: [] });
      await c.store.subscribe(follow("discord:1", "-etf"), audit("s"));
      await c.store.subscribe(follow("discord:2"), audit("s"));
      await c.store.subscribe(follow("discord:3", "mining"), audit("s"));
      const outcome = await c.store.recordAnnouncements({
        at: at(1),
        passed: [],
        announce: [
          // Matched discord:1's filter; discord:3's not.
          {
            articleId: "a1",
            topicKeys: ["bitcoin"],
            filtersPassed: [{ target: "discord:1", topicKey: "bitcoin", filter: "-etf" }],
          },
          // Matched by a filter discord:3 no longer has.
          {
            articleId: "a2",
            topicKeys: ["bitcoin"],
            filtersPassed: [{ target: "discord:3", topicKey: "bitcoin", filter: "old" }],
          },
        ],
        targets: [],
      });
      expect(outcome.enqueued.sort()).toEqual([
        "announce:discord:1:a1",
        "announce:discord:2:a1",
        "announce:discord:2:a2",
      ]);
    });
  });
}
