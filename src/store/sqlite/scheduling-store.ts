import type { AuditEntry, Subscription } from "../../domain/channel.js";
import type { Delivery } from "../../domain/delivery.js";
import type { Locale } from "../../domain/locale.js";
import type { Schedule, ScheduleState } from "../../domain/schedule.js";
import type {
  AnnouncementBatch,
  DeliveryFailure,
  DigestPlan,
  PlanOutcome,
  PostPlan,
  ScheduleChange,
  SchedulerInstance,
  SchedulingStore,
  SlotPlan,
} from "../../domain/scheduling-store.js";
import type { Db } from "./database.js";
import { AnnouncementTable } from "./scheduling/announcements.js";
import { AuditTable } from "./scheduling/audit.js";
import { DeliveryTable } from "./scheduling/deliveries.js";
import { InstanceTable } from "./scheduling/instances.js";
import { ScheduleTable } from "./scheduling/schedules.js";
import { SettingsTable } from "./scheduling/settings.js";
import { SubscriptionTable } from "./scheduling/subscriptions.js";
import { TargetTable } from "./scheduling/targets.js";

// Over 300 lines on purpose: every unit of work of the port, side by side, each one transaction.

/** The stream whose slot marks that the first look at the library (the baseline) was taken. */
const BASELINE_STREAM = "known-articles-baseline";

/**
 * The scheduling store on SQLite (better-sqlite3). Each unit of work is one IMMEDIATE
 * transaction, run synchronously when the method is called: the write lock makes it atomic
 * across processes sharing the file, and within a process nothing interleaves with it. Parts of
 * a unit that may fail alone (one digest, one announcement) are nested transactions, which
 * better-sqlite3 makes SAVEPOINTs. The promises only keep the interface that a networked engine
 * implements too.
 */
export class SqliteSchedulingStore implements SchedulingStore {
  private readonly schedules: ScheduleTable;
  private readonly deliveries: DeliveryTable;
  private readonly subscriptions: SubscriptionTable;
  private readonly settings: SettingsTable;
  private readonly targets: TargetTable;
  private readonly audit: AuditTable;
  private readonly announcements: AnnouncementTable;
  private readonly instances: InstanceTable;

  constructor(private readonly db: Db) {
    this.schedules = new ScheduleTable(db);
    this.deliveries = new DeliveryTable(db);
    this.subscriptions = new SubscriptionTable(db);
    this.settings = new SettingsTable(db);
    this.targets = new TargetTable(db);
    this.audit = new AuditTable(db);
    this.announcements = new AnnouncementTable(db);
    this.instances = new InstanceTable(db);
  }

  /** One unit of work: all or nothing, holding the write lock from its start. */
  private unit<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  /** A part of a unit rolled back alone when it throws; the error is collected, the unit goes on. */
  private part(key: string, outcome: PlanOutcome, work: () => boolean): void {
    try {
      if (this.db.transaction(work)()) outcome.enqueued.push(key);
    } catch (error) {
      outcome.failed.push({ key, error });
    }
  }

  // Moderation.

  async createSchedule(schedule: Schedule, audit: AuditEntry): Promise<boolean> {
    return this.unit(() => {
      if (!this.schedules.insert(schedule)) return false;
      this.audit.record(audit);
      return true;
    });
  }

  async getSchedule(id: string): Promise<Schedule | null> {
    return this.schedules.get(id);
  }

  async schedulesOf(target: string): Promise<Schedule[]> {
    return this.schedules.listForTarget(target);
  }

  async changeSchedule(
    id: string,
    from: ScheduleState,
    change: ScheduleChange,
    audit: AuditEntry,
  ): Promise<boolean> {
    return this.unit(() => {
      if (!this.schedules.setState(id, change, from)) return false;
      if (change.lastSlot) this.schedules.setLastSlot(id, change.lastSlot);
      this.audit.record(audit);
      return true;
    });
  }

  async subscribe(subscription: Subscription, audit: AuditEntry): Promise<boolean> {
    return this.unit(() => {
      if (!this.subscriptions.add(subscription)) return false;
      this.audit.record(audit);
      return true;
    });
  }

  async unsubscribe(target: string, topicKey: string, audit: AuditEntry): Promise<boolean> {
    return this.unit(() => {
      if (!this.subscriptions.remove(target, topicKey)) return false;
      this.audit.record(audit);
      return true;
    });
  }

  async subscriptionsOf(target: string): Promise<Subscription[]> {
    return this.subscriptions.forTarget(target);
  }

  async channelSettings(target: string) {
    return this.settings.get(target);
  }

  async updateChannelSettings(
    target: string,
    change: { timeZone?: string; locale?: Locale },
    by: string,
    audit: AuditEntry,
  ): Promise<void> {
    this.unit(() => {
      this.settings.update(target, change, by, audit.at);
      this.audit.record(audit);
    });
  }

  async targetHealth(target: string) {
    return this.targets.get(target);
  }

  async enableTarget(target: string, audit: AuditEntry): Promise<boolean> {
    return this.unit(() => {
      if (!this.targets.enable(target)) return false;
      this.audit.record(audit);
      return true;
    });
  }

  async recentAudit(limit: number, target?: string): Promise<AuditEntry[]> {
    return this.audit.recent(limit, target);
  }

  // Planning.

  async streamSlot(stream: string): Promise<string | null> {
    return this.schedules.streamSlot(stream);
  }

  async activeDigests() {
    return this.schedules.activeDigests();
  }

  async duePosts(now: string): Promise<Schedule[]> {
    return this.schedules.duePosts(now);
  }

  async planSlot(
    slot: SlotPlan,
    digests: readonly DigestPlan[],
  ): Promise<PlanOutcome & { planned: boolean }> {
    return this.unit(() => {
      const outcome: PlanOutcome & { planned: boolean } = { planned: false, enqueued: [], failed: [] };
      const advanced =
        "schedule" in slot.stream
          ? this.schedules.advanceSlot(slot.stream.schedule, slot.after, slot.slot)
          : this.schedules.advanceStream(slot.stream.name, slot.after, slot.slot);
      if (!advanced) return outcome;
      outcome.planned = true;
      for (const digest of digests) this.part(digest.key, outcome, () => this.enqueueDigest(digest));
      return outcome;
    });
  }

  private enqueueDigest(d: DigestPlan): boolean {
    if (this.targets.isDisabled(d.target)) return false;
    const fresh = this.deliveries.notGiven(d.target, d.articles);
    if (fresh.length === 0) return false;
    const shown = fresh.slice(0, d.size);
    const passed = fresh.slice(d.size);
    const payload = { articles: shown, more: passed.length, ...d.payload };
    const delivery = { key: d.key, target: d.target, kind: "digest" as const, payload, dueAt: d.dueAt };
    if (!this.deliveries.enqueue(delivery, d.dueAt)) return false;
    this.deliveries.recordArticles(d.target, d.key, shown, passed);
    return true;
  }

  async planPost(
    plan: PostPlan,
  ): Promise<"posted" | "missed" | "targetDisabled" | "articleRemoved" | "stale"> {
    return this.unit(() => {
      const current = this.schedules.get(plan.scheduleId);
      if (current?.state !== "active" || current.runAt !== plan.runAt) return "stale";
      const { delivery: d, at } = plan;
      const fail = (reason: "missed" | "targetDisabled" | "articleRemoved") => {
        const state = reason === "missed" ? "missed" : "failed";
        this.schedules.setState(plan.scheduleId, { state, reason, by: null, at });
        return reason;
      };
      if (plan.missed) return fail("missed");
      if (this.targets.isDisabled(d.target)) return fail("targetDisabled");
      if (plan.articleRemoved) return fail("articleRemoved");
      const delivery = {
        key: d.key,
        target: d.target,
        kind: "post" as const,
        payload: d.payload,
        dueAt: d.dueAt,
      };
      // A failed delivery of this very post exists when a moderator resumed it: send it again.
      if (this.deliveries.enqueue(delivery, at) || this.deliveries.rearm(d.key, d.dueAt, at)) {
        this.deliveries.recordArticles(d.target, d.key, [d.articleId], []);
      }
      this.schedules.setState(plan.scheduleId, { state: "done", reason: null, by: null, at });
      return "posted";
    });
  }

  async unseenArticles(ids: readonly string[]): Promise<{ baselineTaken: boolean; unseen: string[] }> {
    const baselineTaken = this.schedules.streamSlot(BASELINE_STREAM) !== null;
    return { baselineTaken, unseen: baselineTaken ? this.announcements.unknown(ids) : [...ids] };
  }

  async recordAnnouncements(batch: AnnouncementBatch): Promise<PlanOutcome> {
    return this.unit(() => {
      const outcome: PlanOutcome = { enqueued: [], failed: [] };
      if (batch.baseline) {
        if (this.schedules.advanceStream(BASELINE_STREAM, null, batch.at)) {
          for (const id of batch.passed) this.announcements.markKnown(id, batch.at);
        }
        return outcome;
      }
      for (const id of batch.passed) this.announcements.markKnown(id, batch.at);
      for (const { articleId, topicKeys } of batch.announce) {
        if (!this.announcements.markKnown(articleId, batch.at)) continue;
        let wanted: string[] = [];
        this.part(`announce:${articleId}`, outcome, () => {
          wanted = [...new Set([...batch.targets, ...this.subscriptions.targetsFor(topicKeys)])];
          return false;
        });
        for (const target of wanted) {
          const key = `announce:${target}:${articleId}`;
          this.part(key, outcome, () => {
            if (this.targets.isDisabled(target) || this.deliveries.notGiven(target, [articleId]).length === 0)
              return false;
            const payload = { articles: [articleId] };
            if (
              !this.deliveries.enqueue({ key, target, kind: "announce", payload, dueAt: batch.at }, batch.at)
            )
              return false;
            this.deliveries.recordArticles(target, key, [articleId], []);
            return true;
          });
        }
      }
      return outcome;
    });
  }

  async setEmbargo(articleId: string, until: string | null): Promise<void> {
    if (until === null) this.announcements.removeEmbargo(articleId);
    else this.announcements.setEmbargo(articleId, until);
  }

  async dueEmbargoes(now: string): Promise<string[]> {
    return this.announcements.dueEmbargoes(now);
  }

  async articleRemoved(articleId: string, now: string): Promise<void> {
    this.unit(() => {
      this.announcements.removeEmbargo(articleId);
      for (const key of this.deliveries.pendingOfArticle(articleId)) {
        this.deliveries.finish(key, "dropped", "article removed", now);
      }
    });
  }

  async nextDue() {
    return {
      post: this.schedules.nextPostAt(),
      delivery: this.deliveries.nextDueAt(),
      embargo: this.announcements.nextEmbargoAt(),
    };
  }

  // The outbox.

  async claimNextDelivery(worker: string, leaseMs: number, now: string): Promise<Delivery | null> {
    const leaseUntil = new Date(Date.parse(now) + leaseMs).toISOString();
    return this.deliveries.claimNext(worker, now, leaseUntil);
  }

  async completeDelivery(key: string, messageId: string, now: string): Promise<void> {
    this.unit(() => {
      const delivery = this.deliveries.get(key);
      if (this.deliveries.markDone(key, messageId, now) && delivery)
        this.targets.recordSuccess(delivery.target);
    });
  }

  async retryDelivery(
    key: string,
    worker: string,
    retry: { dueAt: string; error: string; countAttempt: boolean },
    now: string,
  ): Promise<void> {
    this.deliveries.retryLater(key, worker, retry, now);
  }

  async failDelivery(key: string, outcome: DeliveryFailure, now: string): Promise<void> {
    this.unit(() => {
      const delivery = this.deliveries.get(key);
      if (!delivery || !this.deliveries.finish(key, outcome.state, outcome.error, now)) return;
      this.failPost(delivery, outcome, now);
    });
  }

  /** A one-off post that could not be delivered shows as failed in /schedule list. */
  private failPost(delivery: Delivery, outcome: Omit<DeliveryFailure, "state" | "error">, now: string): void {
    const id = delivery.payload.scheduleId;
    if (delivery.kind !== "post" || !id) return;
    this.schedules.setState(id, {
      state: "failed",
      reason: outcome.reason,
      by: outcome.detail ?? null,
      at: now,
    });
  }

  async recordPermanentFailure(target: string, reason: string): Promise<number> {
    return this.unit(() => this.targets.recordPermanentFailure(target, reason));
  }

  async disableTarget(
    target: string,
    failed: { delivery: string; reason: string; at: string },
    audit: AuditEntry,
  ): Promise<void> {
    this.unit(() => {
      this.targets.disable(target, failed.reason, failed.at);
      const unsent = [this.deliveries.get(failed.delivery), ...this.deliveries.pendingFor(target)];
      for (const delivery of unsent) {
        if (!delivery) continue;
        const error = delivery.key === failed.delivery ? failed.reason : "target disabled";
        if (this.deliveries.finish(delivery.key, "failed", error, failed.at)) {
          this.failPost(delivery, { reason: "targetDisabled" }, failed.at);
        }
      }
      this.audit.record(audit);
    });
  }

  async moveTarget(from: string, to: string, audit: AuditEntry): Promise<void> {
    if (from === to) return;
    this.unit(() => {
      this.schedules.retarget(from, to);
      this.subscriptions.retarget(from, to);
      this.settings.retarget(from, to);
      this.deliveries.retarget(from, to);
      this.targets.forget(from);
      this.audit.record(audit);
    });
  }

  async claimedBy(worker: string): Promise<string[]> {
    return this.deliveries.claimedBy(worker);
  }

  async countDeliveries() {
    return this.deliveries.countByState();
  }

  // Instances.

  async registerInstance(instance: SchedulerInstance): Promise<void> {
    this.instances.register(instance);
  }

  async heartbeat(id: string, now: string, leaseMs: number): Promise<void> {
    this.unit(() => {
      this.instances.heartbeat(id, now);
      this.deliveries.renewClaims(id, new Date(Date.parse(now) + leaseMs).toISOString());
    });
  }

  async otherInstances(id: string): Promise<SchedulerInstance[]> {
    return this.instances.others(id);
  }

  async releaseInstance(id: string, now: string): Promise<number> {
    return this.unit(() => {
      const released = this.deliveries.releaseClaims(id, now);
      this.instances.remove(id);
      return released;
    });
  }

  async removeInstance(id: string): Promise<void> {
    this.instances.remove(id);
  }
}
