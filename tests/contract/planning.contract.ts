import { describe, expect, it } from "vitest";
import type { PostPlan } from "../../src/domain/scheduling-store.js";
import { at, audit, digest, digestSchedule, enqueue, post, UNWRITABLE } from "./fixtures.js";
import type { ContractContext } from "./scheduling-store.contract.js";

/** Slots, posts, announcements and embargoes: each planned unit applies once, or not at all. */
export function planningContract(c: ContractContext): void {
  const claimAll = async () => {
    const keys: string[] = [];
    for (;;) {
      const row = await c.store.claimNextDelivery("w1", 60_000, at(600));
      if (!row) return keys.sort();
      keys.push(row.key);
      await c.store.completeDelivery(row.key, "m", at(600));
    }
  };

  describe("slots", () => {
    it("GIVEN a named stream THEN each slot is planned once, from where the stream was", async () => {
      const stream = { name: "config-digest" };
      expect(await c.store.streamSlot("config-digest")).toBeNull();
      expect(await c.store.planSlot({ stream, after: null, slot: at(0) }, [])).toMatchObject({
        planned: true,
      });
      expect(await c.store.streamSlot("config-digest")).toBe(at(0));
      // Another planner that read the stream before: nothing.
      expect((await c.store.planSlot({ stream, after: null, slot: at(1) }, [])).planned).toBe(false);
      expect((await c.store.planSlot({ stream, after: at(5), slot: at(6) }, [])).planned).toBe(false);
      const next = await c.store.planSlot({ stream, after: at(0), slot: at(60) }, [
        digest("discord:1", ["a1"]),
      ]);
      expect(next).toEqual({ planned: true, enqueued: [`digest:discord:1:${at()}`], failed: [] });
      expect(await c.store.streamSlot("config-digest")).toBe(at(60));
      const again = await c.store.planSlot({ stream, after: at(0), slot: at(60) }, [
        digest("discord:2", ["a1"]),
      ]);
      expect(again.planned).toBe(false);
      expect(await c.store.countDeliveries()).toMatchObject({ pending: 1 });
    });

    it("GIVEN a digest schedule THEN its slot advances only while it is active and where it was planned from", async () => {
      await c.store.createSchedule(digestSchedule("dig1", { lastSlot: null }), audit("schedule.digest"));
      const stream = { schedule: "dig1" };
      expect((await c.store.planSlot({ stream, after: at(0), slot: at(60) }, [])).planned).toBe(false);
      expect((await c.store.planSlot({ stream, after: null, slot: at(60) }, [])).planned).toBe(true);
      expect((await c.store.getSchedule("dig1"))?.lastSlot).toBe(at(60));
      const pause = { state: "paused" as const, reason: "paused" as const, by: "Alice", at: at(61) };
      await c.store.changeSchedule("dig1", "active", pause, audit("schedule.pause"));
      expect((await c.store.planSlot({ stream, after: at(60), slot: at(120) }, [])).planned).toBe(false);
      expect((await c.store.activeDigests()).map((d) => d.id)).toEqual([]);
    });

    it("GIVEN a digest THEN it shows the newest not yet given, counts and consumes the rest, and skips what the target has", async () => {
      await enqueue(c.store, ["discord:1"], { article: "a3" }); // the target has a3 already
      const stream = { name: "s" };
      const plan = digest("discord:1", ["a5", "a4", "a3", "a2", "a1"], {
        size: 2,
        payload: { topic: "eco", slot: at(60) },
      });
      const outcome = await c.store.planSlot({ stream, after: null, slot: at(60) }, [plan]);
      expect(outcome.enqueued).toEqual([plan.key]);
      const keys = await claimAll();
      expect(keys).toContain(plan.key);
      // Nothing new since: the next digest is not even enqueued.
      const later = digest("discord:1", ["a5", "a4", "a3", "a2", "a1"], { key: "digest:discord:1:later" });
      expect((await c.store.planSlot({ stream, after: at(60), slot: at(120) }, [later])).enqueued).toEqual(
        [],
      );
      // One new article: only it.
      const newer = digest("discord:1", ["a6", "a5", "a4"], { key: "digest:discord:1:newer" });
      expect((await c.store.planSlot({ stream, after: at(120), slot: at(180) }, [newer])).enqueued).toEqual([
        newer.key,
      ]);
      const row = await c.store.claimNextDelivery("w1", 60_000, at(600));
      expect(row).toMatchObject({ key: newer.key, kind: "digest", payload: { articles: ["a6"], more: 0 } });
    });

    it("GIVEN a digest's payload THEN it is frozen as planned", async () => {
      const plan = digest("discord:1", ["a3", "a2", "a1"], {
        size: 2,
        payload: { topic: "Économie", slot: at(60), scheduleId: "dig1" },
      });
      await c.store.planSlot({ stream: { name: "s" }, after: null, slot: at(60) }, [plan]);
      const row = await c.store.claimNextDelivery("w1", 60_000, at());
      expect(row?.payload).toEqual({
        articles: ["a3", "a2"],
        more: 1,
        topic: "Économie",
        slot: at(60),
        scheduleId: "dig1",
      });
      expect(row).toMatchObject({ target: "discord:1", kind: "digest", state: "sending", dueAt: at() });
    });

    it("GIVEN one digest of a slot that cannot be written THEN it alone is rolled back, and the slot advances", async () => {
      const bad = digest("discord:2", ["a1"], {
        key: "bad",
        payload: { topic: null, slot: at(), ...UNWRITABLE },
      });
      const good = digest("discord:3", ["a1"], { key: "good" });
      const outcome = await c.store.planSlot({ stream: { name: "s" }, after: null, slot: at(60) }, [
        bad,
        good,
      ]);
      expect(outcome.planned).toBe(true);
      expect(outcome.enqueued).toEqual(["good"]);
      expect(outcome.failed.map((f) => f.key)).toEqual(["bad"]);
      expect(await c.store.streamSlot("s")).toBe(at(60));
      expect(await claimAll()).toEqual(["good"]);
      // The rolled-back digest recorded nothing: its article is still owed to discord:2.
      expect(await enqueue(c.store, ["discord:2"])).toHaveLength(1);
    });

    it("GIVEN a disabled target THEN its digest is not enqueued", async () => {
      const [key] = await enqueue(c.store, ["discord:1"], { article: "a0" });
      await c.store.claimNextDelivery("w1", 60_000, at());
      await c.store.disableTarget("discord:1", { delivery: key ?? "", reason: "gone", at: at() }, audit("x"));
      expect(await enqueue(c.store, ["discord:1"], { article: "a1" })).toEqual([]);
    });

    it("GIVEN active digests THEN each comes with its channel's time zone", async () => {
      await c.store.createSchedule(digestSchedule("dig1"), audit("d"));
      await c.store.createSchedule(digestSchedule("dig2", { target: "discord:2" }), audit("d"));
      await c.store.updateChannelSettings("discord:2", { timeZone: "Asia/Tokyo" }, "Alice", audit("tz"));
      const digests = (await c.store.activeDigests()).sort((a, b) => a.id.localeCompare(b.id));
      expect(digests).toEqual([
        { ...digestSchedule("dig1"), channelTimeZone: null },
        { ...digestSchedule("dig2", { target: "discord:2" }), channelTimeZone: "Asia/Tokyo" },
      ]);
    });
  });

  describe("one-off posts", () => {
    const plan = (extra: Partial<PostPlan> = {}): PostPlan => ({
      scheduleId: "k7q2",
      runAt: at(60),
      at: at(61),
      missed: false,
      articleRemoved: false,
      delivery: {
        key: `post:k7q2:${at(60)}`,
        target: "discord:1",
        articleId: "a1",
        payload: { articles: ["a1"], scheduleId: "k7q2", slot: at(60) },
        dueAt: at(61),
      },
      ...extra,
    });

    it("GIVEN due and future posts THEN only the due active ones, oldest first", async () => {
      await c.store.createSchedule(post("late", { runAt: at(90) }), audit("p"));
      await c.store.createSchedule(post("k7q2", { runAt: at(60) }), audit("p"));
      await c.store.createSchedule(post("old1", { runAt: at(30) }), audit("p"));
      await c.store.createSchedule(post("stop", { runAt: at(10), state: "cancelled" }), audit("p"));
      expect((await c.store.duePosts(at(60))).map((p) => p.id)).toEqual(["old1", "k7q2"]);
      expect((await c.store.nextDue()).post).toBe(at(30));
    });

    it("GIVEN a due post THEN it is enqueued once, its article counts as given, and the schedule is done", async () => {
      await c.store.createSchedule(post("k7q2"), audit("p"));
      expect(await c.store.planPost(plan())).toBe("posted");
      expect(await c.store.getSchedule("k7q2")).toMatchObject({ state: "done", stateAt: at(61) });
      expect(await c.store.planPost(plan())).toBe("stale");
      const row = await c.store.claimNextDelivery("w1", 60_000, at(61));
      expect(row).toMatchObject({ key: plan().delivery.key, kind: "post", payload: plan().delivery.payload });
      expect(await enqueue(c.store, ["discord:1"], { article: "a1" })).toEqual([]);
    });

    it("GIVEN a post moved or cancelled since it was read THEN it is stale and nothing is written", async () => {
      await c.store.createSchedule(post("k7q2", { runAt: at(70) }), audit("p"));
      expect(await c.store.planPost(plan())).toBe("stale");
      expect(await c.store.countDeliveries()).toMatchObject({ pending: 0 });
    });

    it("GIVEN a missed post, a removed article, a disabled target THEN each is marked, missed first, disabled before removed", async () => {
      await c.store.createSchedule(post("k7q2"), audit("p"));
      expect(await c.store.planPost(plan({ missed: true, articleRemoved: true }))).toBe("missed");
      expect(await c.store.getSchedule("k7q2")).toMatchObject({ state: "missed", stateReason: "missed" });

      await c.store.createSchedule(post("gone"), audit("p"));
      const gone = plan({ scheduleId: "gone", articleRemoved: true });
      expect(await c.store.planPost(gone)).toBe("articleRemoved");
      expect(await c.store.getSchedule("gone")).toMatchObject({
        state: "failed",
        stateReason: "articleRemoved",
      });

      const [key] = await enqueue(c.store, ["discord:1"], { article: "a0" });
      await c.store.claimNextDelivery("w1", 60_000, at());
      await c.store.disableTarget("discord:1", { delivery: key ?? "", reason: "gone", at: at() }, audit("x"));
      await c.store.createSchedule(post("dis1"), audit("p"));
      expect(await c.store.planPost(plan({ scheduleId: "dis1", articleRemoved: true }))).toBe(
        "targetDisabled",
      );
      expect(await c.store.getSchedule("dis1")).toMatchObject({
        state: "failed",
        stateReason: "targetDisabled",
      });
      expect(await c.store.countDeliveries()).toMatchObject({ pending: 0 });
    });

    it("GIVEN a post whose delivery failed, resumed THEN the same delivery is sent again", async () => {
      await c.store.createSchedule(post("k7q2"), audit("p"));
      await c.store.planPost(plan());
      const row = await c.store.claimNextDelivery("w1", 60_000, at(61));
      const failure = { state: "failed", error: "boom", reason: "sendFailed", detail: "boom" } as const;
      await c.store.failDelivery(row?.key ?? "", failure, at(62));
      expect(await c.store.getSchedule("k7q2")).toMatchObject({
        state: "failed",
        stateReason: "sendFailed",
        stateBy: "boom",
      });
      const resume = { state: "active" as const, reason: null, by: null, at: at(63) };
      await c.store.changeSchedule("k7q2", "failed", resume, audit("schedule.resume"));
      expect(await c.store.planPost(plan({ at: at(64) }))).toBe("posted");
      const again = await c.store.claimNextDelivery("w1", 60_000, at(64));
      expect(again).toMatchObject({ key: plan().delivery.key, attempts: 1, error: null });
    });
  });

  describe("announcements", () => {
    const targets = ["discord:1", "telegram:-5"];

    it("GIVEN the first look THEN it is a baseline: seen, nothing announced, and only once", async () => {
      expect(await c.store.unseenArticles(["a1", "a2"])).toEqual({
        baselineTaken: false,
        unseen: ["a1", "a2"],
      });
      await c.store.recordAnnouncements({
        at: at(),
        baseline: true,
        passed: ["a1", "a2"],
        announce: [],
        targets,
      });
      await c.store.recordAnnouncements({ at: at(), baseline: true, passed: ["a3"], announce: [], targets });
      expect(await c.store.unseenArticles(["a3", "a1", "a4"])).toEqual({
        baselineTaken: true,
        unseen: ["a3", "a4"],
      });
      expect(await c.store.countDeliveries()).toMatchObject({ pending: 0 });
    });

    it("GIVEN new articles THEN each is announced once to the configured targets and its followers, not twice", async () => {
      await c.store.recordAnnouncements({ at: at(), baseline: true, passed: [], announce: [], targets });
      const follow = { topic: "Sport", createdById: "u1", createdByName: "Alice", createdAt: at() };
      await c.store.subscribe({ ...follow, target: "discord:9", topicKey: "sport" }, audit("s"));
      await c.store.subscribe({ ...follow, target: "discord:1", topicKey: "sport" }, audit("s"));
      const batch = {
        at: at(1),
        passed: ["p1"],
        announce: [
          { articleId: "s1", topicKeys: ["sport"] },
          { articleId: "e1", topicKeys: ["economie"] },
        ],
        targets,
      };
      const outcome = await c.store.recordAnnouncements(batch);
      expect(outcome.failed).toEqual([]);
      expect(outcome.enqueued.sort()).toEqual([
        "announce:discord:1:e1",
        "announce:discord:1:s1",
        "announce:discord:9:s1",
        "announce:telegram:-5:e1",
        "announce:telegram:-5:s1",
      ]);
      expect(await c.store.unseenArticles(["p1", "s1", "e1", "n1"])).toMatchObject({ unseen: ["n1"] });
      expect((await c.store.recordAnnouncements(batch)).enqueued).toEqual([]);
      const row = await c.store.claimNextDelivery("w1", 60_000, at(1));
      expect(row).toMatchObject({ kind: "announce", payload: { articles: [row?.key.split(":").pop()] } });
    });

    it("GIVEN a target that has the article, or is disabled THEN it is not announced there", async () => {
      await c.store.recordAnnouncements({ at: at(), baseline: true, passed: [], announce: [], targets });
      const [key] = await enqueue(c.store, ["telegram:-5"], { article: "x" });
      await c.store.claimNextDelivery("w1", 60_000, at());
      await c.store.disableTarget(
        "telegram:-5",
        { delivery: key ?? "", reason: "gone", at: at() },
        audit("x"),
      );
      await enqueue(c.store, ["discord:1"], { article: "a1" });
      const outcome = await c.store.recordAnnouncements({
        at: at(1),
        passed: [],
        announce: [{ articleId: "a1", topicKeys: [] }],
        targets,
      });
      expect(outcome.enqueued).toEqual([]);
    });
  });

  describe("embargoes and removals", () => {
    it("GIVEN embargoes THEN the due ones come soonest first, and the next one is known", async () => {
      await c.store.setEmbargo("late", at(120));
      await c.store.setEmbargo("soon", at(60));
      await c.store.setEmbargo("moved", at(10));
      await c.store.setEmbargo("moved", at(90));
      await c.store.setEmbargo("none", at(5));
      await c.store.setEmbargo("none", null);
      expect(await c.store.dueEmbargoes(at(100))).toEqual(["soon", "moved"]);
      expect((await c.store.nextDue()).embargo).toBe(at(60));
    });

    it("GIVEN an article removed THEN its embargo and unsent single-article deliveries go, the rest stays", async () => {
      await c.store.setEmbargo("a1", at(60));
      await c.store.recordAnnouncements({ at: at(), baseline: true, passed: [], announce: [], targets: [] });
      await c.store.recordAnnouncements({
        at: at(),
        passed: [],
        announce: [{ articleId: "a1", topicKeys: [] }],
        targets: ["discord:1", "discord:2"],
      });
      await c.store.claimNextDelivery("w1", 60_000, at()); // one is being sent: it stays
      await c.store.planSlot({ stream: { name: "s" }, after: null, slot: at() }, [
        digest("discord:3", ["a1", "a2"]),
      ]);
      await c.store.articleRemoved("a1", at(1));
      expect(await c.store.dueEmbargoes(at(999))).toEqual([]);
      expect(await c.store.countDeliveries()).toMatchObject({ pending: 1, sending: 1, dropped: 1 });
    });

    it("GIVEN nothing THEN nothing is due; GIVEN deliveries THEN the soonest due or lease end", async () => {
      expect(await c.store.nextDue()).toEqual({ post: null, delivery: null, embargo: null });
      await enqueue(c.store, ["discord:1"], { dueAt: at(30) });
      await enqueue(c.store, ["discord:2"], { dueAt: at(0) });
      expect((await c.store.nextDue()).delivery).toBe(at(0));
      await c.store.claimNextDelivery("w1", 5 * 60_000, at(0));
      expect((await c.store.nextDue()).delivery).toBe(at(5));
    });
  });
}
