import { describe, expect, it } from "vitest";
import type { SchedulingStore } from "../../src/domain/scheduling-store.js";
import { at, audit, digest, enqueue, enqueuePost, post, UNWRITABLE } from "./fixtures.js";
import type { ContractContext } from "./scheduling-store.contract.js";

const LEASE = 2 * 60_000;

/** Claims under a lease, one send at a time per target, and what a send's outcome writes. */
export function outboxContract(c: ContractContext): void {
  describe("claims", () => {
    it("GIVEN nothing due THEN no claim; GIVEN a due delivery THEN it is claimed under the worker's lease", async () => {
      expect(await c.store.claimNextDelivery("w1", LEASE, at())).toBeNull();
      const [key] = await enqueue(c.store, ["discord:1"], { dueAt: at(10) });
      expect(await c.store.claimNextDelivery("w1", LEASE, at(9))).toBeNull();
      const row = await c.store.claimNextDelivery("w1", LEASE, at(10));
      expect(row).toMatchObject({
        key,
        target: "discord:1",
        state: "sending",
        attempts: 1,
        claimedBy: "w1",
        claimUntil: at(12),
      });
      expect(await c.store.claimedBy("w1")).toEqual([key]);
      expect(await c.store.countDeliveries()).toEqual({
        pending: 0,
        sending: 1,
        done: 0,
        failed: 0,
        dropped: 0,
      });
    });

    it("GIVEN two deliveries to one target THEN the second waits until the first is done", async () => {
      await enqueue(c.store, ["discord:1"], { article: "a1" });
      await enqueue(c.store, ["discord:1"], { article: "a2" });
      await enqueue(c.store, ["discord:2"], { article: "a1" });
      const first = await c.store.claimNextDelivery("w1", LEASE, at());
      const second = await c.store.claimNextDelivery("w2", LEASE, at());
      expect([first?.target, second?.target].sort()).toEqual(["discord:1", "discord:2"]);
      expect(await c.store.claimNextDelivery("w3", LEASE, at())).toBeNull();
      const onOne = first?.target === "discord:1" ? first : second;
      await c.store.completeDelivery(onOne?.key ?? "", "m1", at(1));
      expect(await c.store.claimNextDelivery("w3", LEASE, at(1))).toMatchObject({ target: "discord:1" });
    });

    it("GIVEN a claim whose lease ended THEN another worker takes it over, as a new attempt", async () => {
      const [key] = await enqueue(c.store, ["discord:1"]);
      await c.store.claimNextDelivery("w1", LEASE, at());
      expect(await c.store.claimNextDelivery("w2", LEASE, at(1))).toBeNull();
      const taken = await c.store.claimNextDelivery("w2", LEASE, at(2));
      expect(taken).toMatchObject({ key, claimedBy: "w2", attempts: 2, claimUntil: at(4) });
      // The first worker's late answer still counts: the post was made.
      await c.store.completeDelivery(key ?? "", "m1", at(3));
      expect(await c.store.countDeliveries()).toMatchObject({ done: 1, sending: 0 });
    });

    it("GIVEN two stores on one database claiming at once THEN every delivery is claimed exactly once", async () => {
      const targets = Array.from({ length: 60 }, (_, i) => `telegram:-${1000 + i}`);
      const keys = await enqueue(c.store, targets);
      expect(keys).toHaveLength(60);
      const other = await c.another();
      const drain = async (store: SchedulingStore, worker: string) => {
        const got: string[] = [];
        for (;;) {
          const row = await store.claimNextDelivery(worker, LEASE, at());
          if (!row) return got;
          got.push(row.key);
        }
      };
      const results = await Promise.all([
        drain(c.store, "w1"),
        drain(other, "w2"),
        drain(c.store, "w3"),
        drain(other, "w4"),
      ]);
      const all = results.flat();
      expect(all.sort()).toEqual([...keys].sort());
      expect(new Set(all).size).toBe(60);
      expect((await other.countDeliveries()).sending).toBe(60);
    });
    it("GIVEN several deliveries per target and workers of two stores claiming at once THEN never two sends to one target", async () => {
      const targets = Array.from({ length: 20 }, (_, i) => `discord:${100 + i}`);
      for (const article of ["a1", "a2", "a3"]) await enqueue(c.store, targets, { article });
      const other = await c.another();
      const drain = async (store: SchedulingStore, worker: string) => {
        const got: string[] = [];
        for (;;) {
          const row = await store.claimNextDelivery(worker, LEASE, at());
          if (!row) return got;
          got.push(row.target);
        }
      };
      const claimed = (
        await Promise.all(Array.from({ length: 8 }, (_, i) => drain(i % 2 ? other : c.store, `w${i}`)))
      ).flat();
      // One send under way per target, whichever worker or store took it.
      expect(claimed.sort()).toEqual([...targets].sort());
      expect((await c.store.countDeliveries()).sending).toBe(20);
    });
  });

  describe("outcomes", () => {
    it("GIVEN a send that succeeded THEN done with its message id, and the target's failures reset", async () => {
      const [key] = await enqueue(c.store, ["discord:1"]);
      await c.store.claimNextDelivery("w1", LEASE, at());
      expect(await c.store.recordPermanentFailure("discord:1", "Missing Access")).toBe(1);
      expect(await c.store.recordPermanentFailure("discord:1", "Missing Access")).toBe(2);
      await c.store.completeDelivery(key ?? "", "m42", at(1));
      await c.store.completeDelivery(key ?? "", "m43", at(2));
      expect(await c.store.targetHealth("discord:1")).toMatchObject({ failures: 0, disabledAt: null });
      expect(await c.store.countDeliveries()).toMatchObject({ done: 1, sending: 0 });
      expect(await c.store.claimedBy("w1")).toEqual([]);
      expect(await c.store.recordPermanentFailure("discord:1", "Missing Access")).toBe(1);
    });

    it("GIVEN a retry THEN pending again when asked, counting the attempt or not; a worker that lost its claim changes nothing", async () => {
      const [key = ""] = await enqueue(c.store, ["discord:1"]);
      await c.store.claimNextDelivery("w1", LEASE, at());
      await c.store.retryDelivery(
        key,
        "w1",
        { dueAt: at(5), error: "rate limited", countAttempt: false },
        at(1),
      );
      expect(await c.store.claimNextDelivery("w1", LEASE, at(4))).toBeNull();
      expect(await c.store.claimNextDelivery("w1", LEASE, at(5))).toMatchObject({
        attempts: 1,
        error: "rate limited",
      });
      await c.store.retryDelivery(key, "w1", { dueAt: at(6), error: "timeout", countAttempt: true }, at(5));
      expect(await c.store.claimNextDelivery("w1", LEASE, at(6))).toMatchObject({
        attempts: 2,
        error: "timeout",
      });
      await c.store.retryDelivery(
        key,
        "someone else",
        { dueAt: at(99), error: "x", countAttempt: true },
        at(7),
      );
      expect(await c.store.claimedBy("w1")).toEqual([key]);
      expect((await c.store.nextDue()).delivery).toBe(at(8));
    });

    it("GIVEN a failed delivery THEN its articles are owed again; GIVEN a dropped one THEN they are not", async () => {
      const [failedKey = ""] = await enqueue(c.store, ["discord:1"], { article: "a1" });
      const [droppedKey = ""] = await enqueue(c.store, ["discord:2"], { article: "a1" });
      await c.store.claimNextDelivery("w1", LEASE, at());
      await c.store.claimNextDelivery("w1", LEASE, at());
      await c.store.failDelivery(failedKey, { state: "failed", error: "boom", reason: "sendFailed" }, at(1));
      await c.store.failDelivery(
        droppedKey,
        { state: "dropped", error: "gone", reason: "articleRemoved" },
        at(1),
      );
      expect(await c.store.countDeliveries()).toMatchObject({ failed: 1, dropped: 1, sending: 0 });
      expect(await enqueue(c.store, ["discord:1", "discord:2"], { article: "a1" })).toHaveLength(1);
    });

    it("GIVEN a post's delivery given up THEN its schedule shows why", async () => {
      await enqueuePost(c.store, "k7q2", "a1");
      await c.store.claimNextDelivery("w1", LEASE, at());
      const failure = { state: "dropped", error: "nothing left", reason: "articleRemoved" } as const;
      await c.store.failDelivery("post:k7q2", failure, at(1));
      expect(await c.store.getSchedule("k7q2")).toMatchObject({
        state: "failed",
        stateReason: "articleRemoved",
      });
    });
  });

  describe("targets", () => {
    it("GIVEN a target disabled THEN the failed send and its pending ones fail, their posts too, audited, others untouched", async () => {
      await enqueuePost(c.store, "k7q2", "p1");
      const [sending = ""] = await enqueue(c.store, ["discord:1"], { article: "a1", dueAt: at(-1) });
      await enqueue(c.store, ["discord:2"], { article: "a1" });
      expect(await c.store.claimNextDelivery("w1", LEASE, at())).toMatchObject({ key: sending });
      await c.store.disableTarget(
        "discord:1",
        { delivery: sending, reason: "Missing Access", at: at(1) },
        audit("target.disabled", "discord:1", { reason: "Missing Access" }),
      );
      expect(await c.store.targetHealth("discord:1")).toMatchObject({
        disabledAt: at(1),
        reason: "Missing Access",
      });
      expect(await c.store.countDeliveries()).toMatchObject({ failed: 2, pending: 1, sending: 0 });
      expect(await c.store.getSchedule("k7q2")).toMatchObject({
        state: "failed",
        stateReason: "targetDisabled",
      });
      expect((await c.store.recentAudit(1, "discord:1"))[0]?.action).toBe("target.disabled");
      expect(await c.store.claimNextDelivery("w1", LEASE, at(2))).toMatchObject({ target: "discord:2" });
    });

    it("GIVEN a disable whose audit entry cannot be written THEN the target stays enabled and its deliveries as they were", async () => {
      const [key = ""] = await enqueue(c.store, ["discord:1"]);
      await c.store.claimNextDelivery("w1", LEASE, at());
      await expect(
        c.store.disableTarget(
          "discord:1",
          { delivery: key, reason: "x", at: at() },
          audit("x", "discord:1", UNWRITABLE),
        ),
      ).rejects.toThrow();
      expect((await c.store.targetHealth("discord:1"))?.disabledAt ?? null).toBeNull();
      expect(await c.store.countDeliveries()).toMatchObject({ sending: 1, failed: 0 });
    });

    it("GIVEN a chat that moved THEN its schedules, subscriptions, settings, deliveries and history follow it", async () => {
      const from = "telegram:-5";
      const to = "telegram:-1005";
      await c.store.createSchedule(post("k7q2", { target: from }), audit("p", from));
      const follow = {
        target: from,
        topicKey: "sport",
        topic: "sport",
        createdById: "u1",
        createdByName: "A",
        createdAt: at(),
      };
      await c.store.subscribe(follow, audit("s", from));
      await c.store.updateChannelSettings(from, { locale: "fr" }, "A", audit("l", from));
      await enqueue(c.store, [from], { article: "a1" });
      await enqueue(c.store, [from], { article: "a2", dueAt: at(30) });
      await c.store.recordPermanentFailure(from, "moved");
      await c.store.moveTarget(from, to, audit("target.moved", from, { to }));
      expect((await c.store.getSchedule("k7q2"))?.target).toBe(to);
      expect(await c.store.subscriptionsOf(to)).toEqual([{ ...follow, target: to }]);
      expect(await c.store.subscriptionsOf(from)).toEqual([]);
      expect(await c.store.channelSettings(to)).toEqual({ timeZone: null, locale: "fr" });
      expect(await c.store.targetHealth(from)).toBeNull();
      expect(await c.store.claimNextDelivery("w1", LEASE, at())).toMatchObject({ target: to });
      // What the chat was given follows it too: a1 is not owed again under the new id.
      const again = await c.store.planSlot({ stream: { name: "s" }, after: null, slot: at() }, [
        digest(to, ["a2", "a1"], { key: "d" }),
      ]);
      expect(again.enqueued).toEqual([]);
      expect((await c.store.recentAudit(1))[0]).toMatchObject({ action: "target.moved", detail: { to } });
    });
  });
}
