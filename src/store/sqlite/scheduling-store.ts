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
import { BASELINE_STREAM, planPost, planSlot, recordAnnouncements } from "./scheduling/planning-units.js";
import { type SchedulingTables, schedulingTables } from "./scheduling/tables.js";

/**
 * The scheduling store on SQLite (better-sqlite3). Each unit of work is one IMMEDIATE
 * transaction, run synchronously when the method is called: the write lock makes it atomic
 * across processes sharing the file, and within a process nothing interleaves with it. The
 * planner's units are in scheduling/planning-units.ts. The promises only keep the interface that
 * a networked engine implements too.
 */
export class SqliteSchedulingStore implements SchedulingStore {
  private readonly t: SchedulingTables;

  constructor(private readonly db: Db) {
    this.t = schedulingTables(db);
  }

  /** One unit of work: all or nothing, holding the write lock from its start. */
  private unit<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  // Moderation.

  async createSchedule(schedule: Schedule, audit: AuditEntry): Promise<boolean> {
    return this.unit(() => {
      if (!this.t.schedules.insert(schedule)) return false;
      this.t.audit.record(audit);
      return true;
    });
  }

  async getSchedule(id: string): Promise<Schedule | null> {
    return this.t.schedules.get(id);
  }

  async schedulesOf(target: string): Promise<Schedule[]> {
    return this.t.schedules.listForTarget(target);
  }

  async changeSchedule(
    id: string,
    from: ScheduleState,
    change: ScheduleChange,
    audit: AuditEntry,
  ): Promise<boolean> {
    return this.unit(() => {
      if (!this.t.schedules.setState(id, change, from)) return false;
      if (change.lastSlot) this.t.schedules.setLastSlot(id, change.lastSlot);
      this.t.audit.record(audit);
      return true;
    });
  }

  async subscribe(subscription: Subscription, audit: AuditEntry): Promise<boolean> {
    return this.unit(() => {
      if (!this.t.subscriptions.add(subscription)) return false;
      this.t.audit.record(audit);
      return true;
    });
  }

  async unsubscribe(target: string, topicKey: string, audit: AuditEntry): Promise<boolean> {
    return this.unit(() => {
      if (!this.t.subscriptions.remove(target, topicKey)) return false;
      this.t.audit.record(audit);
      return true;
    });
  }

  async subscriptionsOf(target: string): Promise<Subscription[]> {
    return this.t.subscriptions.forTarget(target);
  }

  async channelSettings(target: string) {
    return this.t.settings.get(target);
  }

  async updateChannelSettings(
    target: string,
    change: { timeZone?: string; locale?: Locale },
    by: string,
    audit: AuditEntry,
  ): Promise<void> {
    this.unit(() => {
      this.t.settings.update(target, change, by, audit.at);
      this.t.audit.record(audit);
    });
  }

  async targetHealth(target: string) {
    return this.t.targets.get(target);
  }

  async enableTarget(target: string, audit: AuditEntry): Promise<boolean> {
    return this.unit(() => {
      if (!this.t.targets.enable(target)) return false;
      this.t.audit.record(audit);
      return true;
    });
  }

  async recentAudit(limit: number, target?: string): Promise<AuditEntry[]> {
    return this.t.audit.recent(limit, target);
  }

  // Planning.

  async streamSlot(stream: string): Promise<string | null> {
    return this.t.schedules.streamSlot(stream);
  }

  async activeDigests() {
    return this.t.schedules.activeDigests();
  }

  async duePosts(now: string): Promise<Schedule[]> {
    return this.t.schedules.duePosts(now);
  }

  async planSlot(
    slot: SlotPlan,
    digests: readonly DigestPlan[],
  ): Promise<PlanOutcome & { planned: boolean }> {
    return this.unit(() => planSlot(this.db, this.t, slot, digests));
  }

  async planPost(
    plan: PostPlan,
  ): Promise<"posted" | "missed" | "targetDisabled" | "articleRemoved" | "stale"> {
    return this.unit(() => planPost(this.t, plan));
  }

  async unseenArticles(ids: readonly string[]): Promise<{ baselineTaken: boolean; unseen: string[] }> {
    const baselineTaken = this.t.schedules.streamSlot(BASELINE_STREAM) !== null;
    return { baselineTaken, unseen: baselineTaken ? this.t.announcements.unknown(ids) : [...ids] };
  }

  async filteredSubscriptions(topicKeys: readonly string[]): Promise<Subscription[]> {
    return this.t.subscriptions.filtered(topicKeys);
  }

  async recordAnnouncements(batch: AnnouncementBatch): Promise<PlanOutcome> {
    return this.unit(() => recordAnnouncements(this.db, this.t, batch));
  }

  async setEmbargo(articleId: string, until: string | null): Promise<void> {
    if (until === null) this.t.announcements.removeEmbargo(articleId);
    else this.t.announcements.setEmbargo(articleId, until);
  }

  async dueEmbargoes(now: string): Promise<string[]> {
    return this.t.announcements.dueEmbargoes(now);
  }

  async articleRemoved(articleId: string, now: string): Promise<void> {
    this.unit(() => {
      this.t.announcements.removeEmbargo(articleId);
      for (const key of this.t.deliveries.pendingOfArticle(articleId)) {
        this.t.deliveries.finish(key, "dropped", "article removed", now);
      }
    });
  }

  async nextDue() {
    return {
      post: this.t.schedules.nextPostAt(),
      delivery: this.t.deliveries.nextDueAt(),
      embargo: this.t.announcements.nextEmbargoAt(),
    };
  }

  // The outbox.

  async claimNextDelivery(worker: string, leaseMs: number, now: string): Promise<Delivery | null> {
    const leaseUntil = new Date(Date.parse(now) + leaseMs).toISOString();
    return this.t.deliveries.claimNext(worker, now, leaseUntil);
  }

  async completeDelivery(key: string, messageId: string, now: string): Promise<void> {
    this.unit(() => {
      const delivery = this.t.deliveries.get(key);
      if (this.t.deliveries.markDone(key, messageId, now) && delivery)
        this.t.targets.recordSuccess(delivery.target);
    });
  }

  async retryDelivery(
    key: string,
    worker: string,
    retry: { dueAt: string; error: string; countAttempt: boolean },
    now: string,
  ): Promise<void> {
    this.t.deliveries.retryLater(key, worker, retry, now);
  }

  async failDelivery(key: string, outcome: DeliveryFailure, now: string): Promise<void> {
    this.unit(() => {
      const delivery = this.t.deliveries.get(key);
      if (!delivery || !this.t.deliveries.finish(key, outcome.state, outcome.error, now)) return;
      this.failPost(delivery, outcome, now);
    });
  }

  /** A one-off post that could not be delivered shows as failed in /schedule list. */
  private failPost(delivery: Delivery, outcome: Omit<DeliveryFailure, "state" | "error">, now: string): void {
    const id = delivery.payload.scheduleId;
    if (delivery.kind !== "post" || !id) return;
    this.t.schedules.setState(id, {
      state: "failed",
      reason: outcome.reason,
      by: outcome.detail ?? null,
      at: now,
    });
  }

  async recordPermanentFailure(target: string, reason: string): Promise<number> {
    return this.unit(() => this.t.targets.recordPermanentFailure(target, reason));
  }

  async disableTarget(
    target: string,
    failed: { delivery: string; reason: string; at: string },
    audit: AuditEntry,
  ): Promise<void> {
    this.unit(() => {
      this.t.targets.disable(target, failed.reason, failed.at);
      const unsent = [this.t.deliveries.get(failed.delivery), ...this.t.deliveries.pendingFor(target)];
      for (const delivery of unsent) {
        if (!delivery) continue;
        const error = delivery.key === failed.delivery ? failed.reason : "target disabled";
        if (this.t.deliveries.finish(delivery.key, "failed", error, failed.at)) {
          this.failPost(delivery, { reason: "targetDisabled" }, failed.at);
        }
      }
      this.t.audit.record(audit);
    });
  }

  async moveTarget(from: string, to: string, audit: AuditEntry): Promise<void> {
    if (from === to) return;
    this.unit(() => {
      this.t.schedules.retarget(from, to);
      this.t.subscriptions.retarget(from, to);
      this.t.settings.retarget(from, to);
      this.t.deliveries.retarget(from, to);
      this.t.targets.forget(from);
      this.t.audit.record(audit);
    });
  }

  async claimedBy(worker: string): Promise<string[]> {
    return this.t.deliveries.claimedBy(worker);
  }

  async countDeliveries() {
    return this.t.deliveries.countByState();
  }

  // Instances.

  async registerInstance(instance: SchedulerInstance): Promise<void> {
    this.t.instances.register(instance);
  }

  async heartbeat(id: string, now: string, leaseMs: number): Promise<void> {
    this.unit(() => {
      this.t.instances.heartbeat(id, now);
      this.t.deliveries.renewClaims(id, new Date(Date.parse(now) + leaseMs).toISOString());
    });
  }

  async otherInstances(id: string): Promise<SchedulerInstance[]> {
    return this.t.instances.others(id);
  }

  async releaseInstance(id: string, now: string): Promise<number> {
    return this.unit(() => {
      const released = this.t.deliveries.releaseClaims(id, now);
      this.t.instances.remove(id);
      return released;
    });
  }

  async removeInstance(id: string): Promise<void> {
    this.t.instances.remove(id);
  }
}
