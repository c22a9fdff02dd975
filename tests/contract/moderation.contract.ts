import { describe, expect, it } from "vitest";
import { at, audit, digestSchedule, enqueue, post, UNWRITABLE } from "./fixtures.js";
import type { ContractContext } from "./scheduling-store.contract.js";

/** What moderators change: schedules, subscriptions, settings, targets, each with its audit entry. */
export function moderationContract(c: ContractContext): void {
  describe("schedules", () => {
    it("GIVEN a new schedule THEN it is stored with its audit entry, and a taken id writes nothing", async () => {
      expect(await c.store.createSchedule(post("k7q2"), audit("schedule.post"))).toBe(true);
      expect(await c.store.getSchedule("k7q2")).toEqual(post("k7q2"));
      expect(await c.store.createSchedule(post("k7q2", { target: "discord:2" }), audit("again"))).toBe(false);
      expect(await c.store.getSchedule("k7q2")).toEqual(post("k7q2"));
      expect((await c.store.recentAudit(10)).map((e) => e.action)).toEqual(["schedule.post"]);
      expect(await c.store.getSchedule("nope")).toBeNull();
    });

    it("GIVEN an audit entry that cannot be written THEN the schedule is not written either", async () => {
      await expect(
        c.store.createSchedule(post("k7q2"), audit("schedule.post", "discord:1", UNWRITABLE)),
      ).rejects.toThrow();
      expect(await c.store.getSchedule("k7q2")).toBeNull();
      expect(await c.store.recentAudit(10)).toEqual([]);
    });

    it("GIVEN schedules in several states and channels THEN a channel lists its live ones and failures, posts first", async () => {
      const rows = [
        digestSchedule("dig1", { createdAt: at(1) }),
        post("late", { runAt: at(120) }),
        post("soon", { runAt: at(30) }),
        post("gone", { state: "done" }),
        post("stop", { state: "cancelled" }),
        post("fail", { state: "failed", stateReason: "sendFailed", runAt: at(200) }),
        post("miss", { state: "missed", stateReason: "missed", runAt: at(10) }),
        post("else", { target: "discord:2" }),
        digestSchedule("dig0", { state: "paused", stateReason: "paused" }),
      ];
      for (const row of rows) await c.store.createSchedule(row, audit("schedule.post"));
      const listed = (await c.store.schedulesOf("discord:1")).map((s) => s.id);
      expect(listed).toEqual(["miss", "soon", "late", "fail", "dig0", "dig1"]);
    });

    it("GIVEN a change from the state the schedule is in THEN it applies with its audit entry; from another, nothing", async () => {
      await c.store.createSchedule(digestSchedule("dig1"), audit("schedule.digest"));
      const pause = { state: "paused" as const, reason: "paused" as const, by: "Alice", at: at(5) };
      expect(await c.store.changeSchedule("dig1", "active", pause, audit("schedule.pause"))).toBe(true);
      expect(await c.store.getSchedule("dig1")).toMatchObject({
        state: "paused",
        stateReason: "paused",
        stateBy: "Alice",
        stateAt: at(5),
      });
      const resume = { state: "active" as const, reason: null, by: null, at: at(9), lastSlot: at(9) };
      expect(await c.store.changeSchedule("dig1", "active", resume, audit("lost race"))).toBe(false);
      expect(await c.store.changeSchedule("dig1", "paused", resume, audit("schedule.resume"))).toBe(true);
      expect(await c.store.getSchedule("dig1")).toMatchObject({
        state: "active",
        stateReason: null,
        lastSlot: at(9),
      });
      expect((await c.store.recentAudit(10)).map((e) => e.action)).toEqual([
        "schedule.resume",
        "schedule.pause",
        "schedule.digest",
      ]);
    });

    it("GIVEN a change whose audit entry cannot be written THEN the state does not change", async () => {
      await c.store.createSchedule(post("k7q2"), audit("schedule.post"));
      const cancel = { state: "cancelled" as const, reason: null, by: null, at: at(1) };
      await expect(
        c.store.changeSchedule("k7q2", "active", cancel, audit("x", "discord:1", UNWRITABLE)),
      ).rejects.toThrow();
      expect((await c.store.getSchedule("k7q2"))?.state).toBe("active");
    });
  });

  describe("subscriptions and settings", () => {
    const subscription = (topicKey: string, target = "discord:1") => ({
      target,
      topicKey,
      topic: topicKey.toUpperCase(),
      createdById: "u1",
      createdByName: "Alice",
      createdAt: at(),
    });

    it("GIVEN subscribe and unsubscribe, twice each THEN each change once, each audited once", async () => {
      expect(await c.store.subscribe(subscription("sport"), audit("subscribe"))).toBe(true);
      expect(await c.store.subscribe(subscription("bitcoin"), audit("subscribe"))).toBe(true);
      expect(await c.store.subscribe(subscription("sport"), audit("subscribe again"))).toBe(false);
      await c.store.subscribe(subscription("sport", "discord:2"), audit("subscribe"));
      expect((await c.store.subscriptionsOf("discord:1")).map((s) => s.topicKey)).toEqual([
        "bitcoin",
        "sport",
      ]);
      expect((await c.store.subscriptionsOf("discord:1"))[0]).toEqual(subscription("bitcoin"));
      expect(await c.store.unsubscribe("discord:1", "sport", audit("unsubscribe"))).toBe(true);
      expect(await c.store.unsubscribe("discord:1", "sport", audit("unsubscribe again"))).toBe(false);
      expect((await c.store.subscriptionsOf("discord:1")).map((s) => s.topicKey)).toEqual(["bitcoin"]);
      expect((await c.store.subscriptionsOf("discord:2")).map((s) => s.topicKey)).toEqual(["sport"]);
      const actions = (await c.store.recentAudit(10)).map((e) => e.action);
      expect(actions).toEqual(["unsubscribe", "subscribe", "subscribe", "subscribe"]);
    });

    it("GIVEN a time zone then a language THEN each keeps the other", async () => {
      expect(await c.store.channelSettings("discord:1")).toEqual({ timeZone: null, locale: null });
      await c.store.updateChannelSettings("discord:1", { timeZone: "Europe/Paris" }, "Alice", audit("tz"));
      await c.store.updateChannelSettings("discord:1", { locale: "fr" }, "Alice", audit("language"));
      expect(await c.store.channelSettings("discord:1")).toEqual({ timeZone: "Europe/Paris", locale: "fr" });
      await c.store.updateChannelSettings("discord:1", { timeZone: "UTC" }, "Bob", audit("tz"));
      expect(await c.store.channelSettings("discord:1")).toEqual({ timeZone: "UTC", locale: "fr" });
      expect(await c.store.channelSettings("discord:2")).toEqual({ timeZone: null, locale: null });
      expect((await c.store.recentAudit(10)).map((e) => e.action)).toEqual(["tz", "language", "tz"]);
    });

    it("GIVEN an audit log THEN the newest come first, per target or all, up to the limit", async () => {
      await c.store.subscribe(subscription("a"), audit("one", "discord:1", { n: 1 }));
      await c.store.subscribe(subscription("b", "discord:2"), audit("two", "discord:2"));
      await c.store.subscribe(subscription("c"), audit("three", "discord:1", { nested: { list: [1, "x"] } }));
      expect((await c.store.recentAudit(2)).map((e) => e.action)).toEqual(["three", "two"]);
      const mine = await c.store.recentAudit(10, "discord:1");
      expect(mine).toEqual([
        audit("three", "discord:1", { nested: { list: [1, "x"] } }),
        audit("one", "discord:1", { n: 1 }),
      ]);
    });
  });

  describe("target health", () => {
    it("GIVEN a target that was never disabled THEN enabling it writes nothing", async () => {
      expect(await c.store.targetHealth("discord:1")).toBeNull();
      expect(await c.store.enableTarget("discord:1", audit("target.enabled"))).toBe(false);
      expect(await c.store.recentAudit(10)).toEqual([]);
    });

    it("GIVEN a disabled target THEN enabling it clears its record, audited", async () => {
      const [key] = await enqueue(c.store, ["discord:1"]);
      const claimed = await c.store.claimNextDelivery("w1", 60_000, at());
      expect(claimed?.key).toBe(key);
      expect(await c.store.recordPermanentFailure("discord:1", "Missing Access")).toBe(1);
      await c.store.disableTarget(
        "discord:1",
        { delivery: key ?? "", reason: "Missing Access", at: at(1) },
        audit("x"),
      );
      expect(await c.store.targetHealth("discord:1")).toMatchObject({
        disabledAt: at(1),
        reason: "Missing Access",
      });
      expect(await c.store.enableTarget("discord:1", audit("target.enabled"))).toBe(true);
      expect(await c.store.targetHealth("discord:1")).toMatchObject({ disabledAt: null, failures: 0 });
      expect((await c.store.recentAudit(1))[0]?.action).toBe("target.enabled");
    });
  });
}
