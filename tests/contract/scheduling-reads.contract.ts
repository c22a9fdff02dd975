import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SchedulingReads } from "../../src/domain/scheduling-reads.js";
import type { SchedulingStore } from "../../src/domain/scheduling-store.js";
import { at, audit, digestSchedule, enqueue, enqueuePost, post } from "./fixtures.js";

/**
 * The contract of the SchedulingReads port (src/domain/scheduling-reads.ts): what the dashboard's
 * pages and the metrics read. Written through the SchedulingStore port, read through this one, so
 * every engine runs the same tests (tests/contract/sqlite.test.ts on SQLite).
 */
export interface ReadsFixture {
  store: SchedulingStore;
  reads: SchedulingReads;
  close(): Promise<void>;
}

const LEASE = 60_000;

export function schedulingReadsContract(open: () => Promise<ReadsFixture>): void {
  let fixture: ReadsFixture | null = null;
  const f = () => {
    if (!fixture) throw new Error("no store open");
    return fixture;
  };
  beforeEach(async () => {
    fixture = await open();
  });
  afterEach(async () => {
    await fixture?.close();
    fixture = null;
  });

  describe("deliveries", () => {
    it("GIVEN deliveries to several targets THEN they are listed newest change first, for some targets or all", async () => {
      const { store, reads } = f();
      const [k1] = await enqueue(store, ["discord:1"], { article: "a1" });
      const [k2] = await enqueue(store, ["discord:2"], { article: "a2" });
      const claimed = await store.claimNextDelivery("w1", LEASE, at(1));
      await store.completeDelivery(claimed?.key ?? "", "m1", at(2));
      const all = await reads.recentDeliveries(null, 10);
      expect(all.map((d) => d.key)).toEqual([claimed?.key, claimed?.key === k1 ? k2 : k1]);
      expect(all[0]).toMatchObject({ state: "done", messageId: "m1", attempts: 1, updatedAt: at(2) });
      expect((await reads.recentDeliveries(["discord:2"], 10)).map((d) => d.key)).toEqual([k2]);
      expect(await reads.recentDeliveries([], 10)).toEqual([]);
      expect(await reads.recentDeliveries(null, 1)).toHaveLength(1);
    });

    it("GIVEN an article in some deliveries THEN those of one target that carry it are found, with their payload", async () => {
      const { store, reads } = f();
      await enqueue(store, ["discord:1", "discord:2"], { article: "a1" });
      await enqueue(store, ["discord:1"], { article: "a10" });
      const found = await reads.deliveriesOfArticle("discord:1", "a1");
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ target: "discord:1", payload: { articles: ["a1"] } });
      expect(await reads.deliveriesOfArticle("discord:3", "a1")).toEqual([]);
    });

    it("GIVEN a digest that shows some articles and counts the rest THEN each is known as given, shown or not", async () => {
      const { store, reads } = f();
      await store.planSlot({ stream: { name: "s" }, after: null, slot: at() }, [
        {
          key: "digest:discord:1:x",
          target: "discord:1",
          articles: ["a1", "a2"],
          size: 1,
          payload: { topic: null, slot: at() },
          dueAt: at(),
        },
      ]);
      expect(await reads.articleGiven("discord:1", "a1")).toEqual({
        deliveryKey: "digest:discord:1:x",
        shown: true,
      });
      expect(await reads.articleGiven("discord:1", "a2")).toEqual({
        deliveryKey: "digest:discord:1:x",
        shown: false,
      });
      expect(await reads.articleGiven("discord:2", "a1")).toBeNull();
    });

    it("GIVEN deliveries pending, due and done THEN the backlog counts the unsent and dates the oldest due", async () => {
      const { store, reads } = f();
      expect(await reads.outboxBacklog(at())).toEqual({ pending: 0, oldestDueAt: null });
      await enqueue(store, ["discord:1"], { dueAt: at(5) });
      await enqueue(store, ["discord:2"], { dueAt: at(1) });
      const [done] = await enqueue(store, ["discord:3"], { dueAt: at(0) });
      const claimed = await store.claimNextDelivery("w", LEASE, at(0));
      expect(claimed?.key).toBe(done);
      await store.completeDelivery(done ?? "", "m", at(0));
      expect(await reads.outboxBacklog(at(0))).toEqual({ pending: 2, oldestDueAt: null });
      expect(await reads.outboxBacklog(at(10))).toEqual({ pending: 2, oldestDueAt: at(1) });
    });
  });

  describe("schedules, targets, audit", () => {
    it("GIVEN posts and digests THEN active posts come soonest first and digests active or paused by id", async () => {
      const { store, reads } = f();
      await store.createSchedule(post("p2", { runAt: at(120) }), audit("schedule.post"));
      await store.createSchedule(post("p1", { runAt: at(60), target: "discord:2" }), audit("schedule.post"));
      await store.createSchedule(post("p3", { runAt: at(30), state: "cancelled" }), audit("schedule.post"));
      await store.createSchedule(digestSchedule("d2"), audit("schedule.digest"));
      await store.createSchedule(digestSchedule("d1", { state: "paused" }), audit("schedule.digest"));
      await store.createSchedule(digestSchedule("d3", { state: "cancelled" }), audit("schedule.digest"));
      expect((await reads.upcomingPosts(null, 10)).map((s) => s.id)).toEqual(["p1", "p2"]);
      expect((await reads.upcomingPosts(["discord:1"], 10)).map((s) => s.id)).toEqual(["p2"]);
      expect((await reads.upcomingPosts(null, 1)).map((s) => s.id)).toEqual(["p1"]);
      expect((await reads.digestsOf(null)).map((s) => s.id)).toEqual(["d1", "d2"]);
      expect(await reads.digestsOf(["discord:9"])).toEqual([]);
    });

    it("GIVEN a target disabled THEN it is listed with its reason; the known targets include every table's", async () => {
      const { store, reads } = f();
      await enqueuePost(store, "p1", "a1");
      await store.subscribe(
        {
          target: "telegram:-5",
          topicKey: "eco",
          topic: "Eco",
          createdById: "u",
          createdByName: "U",
          createdAt: at(),
        },
        audit("subscribe", "telegram:-5"),
      );
      await store.updateChannelSettings("console", { timeZone: "UTC" }, "u", audit("settings", "console"));
      const claimed = await store.claimNextDelivery("w", LEASE, at());
      await store.disableTarget(
        "discord:1",
        { delivery: claimed?.key ?? "", reason: "Missing Access", at: at(1) },
        audit("target.disabled"),
      );
      expect(await reads.disabledTargets()).toEqual([
        { target: "discord:1", failures: 0, disabledAt: at(1), reason: "Missing Access" },
      ]);
      expect(await reads.knownTargets()).toEqual(["console", "discord:1", "telegram:-5"]);
    });

    it("GIVEN audit entries for several targets THEN they are read newest first, for some targets or all", async () => {
      const { store, reads } = f();
      await store.createSchedule(post("p1"), audit("schedule.post", "discord:1"));
      await store.createSchedule(
        post("p2", { target: "discord:2" }),
        audit("schedule.post", "discord:2", { n: 2 }),
      );
      await store.createSchedule(post("p3"), audit("schedule.post", "discord:1", { n: 3 }));
      expect((await reads.auditOf(null, 10)).map((e) => e.target)).toEqual([
        "discord:1",
        "discord:2",
        "discord:1",
      ]);
      const mine = await reads.auditOf(["discord:2"], 10);
      expect(mine).toEqual([
        {
          at: at(),
          actorId: "u1",
          actorName: "Alice",
          target: "discord:2",
          action: "schedule.post",
          detail: { n: 2 },
        },
      ]);
      expect(await reads.auditOf(null, 1)).toHaveLength(1);
    });

    it("GIVEN the library looked at THEN an article's first sighting is known, an unseen one's is not", async () => {
      const { store, reads } = f();
      await store.recordAnnouncements({
        at: at(3),
        baseline: true,
        passed: ["a1"],
        announce: [],
        targets: [],
      });
      expect(await reads.articleSeenAt("a1")).toBe(at(3));
      expect(await reads.articleSeenAt("a2")).toBeNull();
    });
  });
}
