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
import { PgCoordinationStore } from "./coordination-store.js";
import type { PgDatabase, Sql } from "./database.js";
import { watchOutbox } from "./outbox-watch.js";
import { announcements, instances } from "./scheduling/announcements.js";
import { audit, settings, subscriptions, targets } from "./scheduling/channels.js";
import { deliveries } from "./scheduling/deliveries.js";
import { BASELINE_STREAM, planPost, planSlot, recordAnnouncements } from "./scheduling/planning-units.js";
import { schedules } from "./scheduling/schedules.js";

const later = (now: string, ms: number) => new Date(Date.parse(now) + ms).toISOString();

/**
 * The scheduling store on PostgreSQL, shared by every process of a deployment (ADR 0100). Each
 * unit of work is one transaction on a pooled connection; compare-and-set units re-check in their
 * UPDATE's WHERE what they were planned from, and claims go through claim_delivery (FOR UPDATE
 * SKIP LOCKED under a per-target advisory lock, migrations/001-scheduling.ts). The coordination
 * methods (leases, budgets, seen updates) come from PgCoordinationStore.
 */
export class PostgresSchedulingStore extends PgCoordinationStore implements SchedulingStore {
  constructor(private readonly pg: PgDatabase) {
    super(pg);
  }

  private unit<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    return this.pg.unit(work);
  }

  private get read() {
    return this.pg.pool;
  }

  // Moderation.

  async createSchedule(schedule: Schedule, entry: AuditEntry): Promise<boolean> {
    return this.unit(async (sql) => {
      if (!(await schedules.insert(sql, schedule))) return false;
      await audit.record(sql, entry);
      return true;
    });
  }

  getSchedule(id: string): Promise<Schedule | null> {
    return schedules.get(this.read, id);
  }

  schedulesOf(target: string): Promise<Schedule[]> {
    return schedules.listForTarget(this.read, target);
  }

  async changeSchedule(
    id: string,
    from: ScheduleState,
    change: ScheduleChange,
    entry: AuditEntry,
  ): Promise<boolean> {
    return this.unit(async (sql) => {
      if (!(await schedules.setState(sql, id, change, from))) return false;
      if (change.lastSlot) await schedules.setLastSlot(sql, id, change.lastSlot);
      await audit.record(sql, entry);
      return true;
    });
  }

  async subscribe(subscription: Subscription, entry: AuditEntry): Promise<boolean> {
    return this.unit(async (sql) => {
      if (!(await subscriptions.add(sql, subscription))) return false;
      await audit.record(sql, entry);
      return true;
    });
  }

  async unsubscribe(target: string, topicKey: string, entry: AuditEntry): Promise<boolean> {
    return this.unit(async (sql) => {
      if (!(await subscriptions.remove(sql, target, topicKey))) return false;
      await audit.record(sql, entry);
      return true;
    });
  }

  subscriptionsOf(target: string): Promise<Subscription[]> {
    return subscriptions.forTarget(this.read, target);
  }

  channelSettings(target: string) {
    return settings.get(this.read, target);
  }

  async updateChannelSettings(
    target: string,
    change: { timeZone?: string; locale?: Locale },
    by: string,
    entry: AuditEntry,
  ): Promise<void> {
    await this.unit(async (sql) => {
      await settings.update(sql, target, change, by, entry.at);
      await audit.record(sql, entry);
    });
  }

  targetHealth(target: string) {
    return targets.get(this.read, target);
  }

  async enableTarget(target: string, entry: AuditEntry): Promise<boolean> {
    return this.unit(async (sql) => {
      if (!(await targets.enable(sql, target))) return false;
      await audit.record(sql, entry);
      return true;
    });
  }

  recentAudit(limit: number, target?: string): Promise<AuditEntry[]> {
    return audit.recent(this.read, limit, target);
  }

  // Planning.

  streamSlot(stream: string): Promise<string | null> {
    return schedules.streamSlot(this.read, stream);
  }

  activeDigests() {
    return schedules.activeDigests(this.read);
  }

  duePosts(now: string): Promise<Schedule[]> {
    return schedules.duePosts(this.read, now);
  }

  planSlot(slot: SlotPlan, digests: readonly DigestPlan[]): Promise<PlanOutcome & { planned: boolean }> {
    return this.unit((sql) => planSlot(sql, slot, digests));
  }

  planPost(plan: PostPlan): Promise<"posted" | "missed" | "targetDisabled" | "articleRemoved" | "stale"> {
    return this.unit((sql) => planPost(sql, plan));
  }

  async unseenArticles(ids: readonly string[]): Promise<{ baselineTaken: boolean; unseen: string[] }> {
    const baselineTaken = (await schedules.streamSlot(this.read, BASELINE_STREAM)) !== null;
    return { baselineTaken, unseen: baselineTaken ? await announcements.unknown(this.read, ids) : [...ids] };
  }

  filteredSubscriptions(topicKeys: readonly string[]): Promise<Subscription[]> {
    return subscriptions.filtered(this.read, topicKeys);
  }

  recordAnnouncements(batch: AnnouncementBatch): Promise<PlanOutcome> {
    return this.unit((sql) => recordAnnouncements(sql, batch));
  }

  setEmbargo(articleId: string, until: string | null): Promise<void> {
    return announcements.setEmbargo(this.read, articleId, until);
  }

  dueEmbargoes(now: string): Promise<string[]> {
    return announcements.dueEmbargoes(this.read, now);
  }

  async articleRemoved(articleId: string, now: string): Promise<void> {
    await this.unit(async (sql) => {
      await announcements.setEmbargo(sql, articleId, null);
      for (const key of await deliveries.pendingOfArticle(sql, articleId)) {
        await deliveries.finish(sql, key, "dropped", "article removed", now);
      }
    });
  }

  async nextDue() {
    const [post, delivery, embargo] = await Promise.all([
      schedules.nextPostAt(this.read),
      deliveries.nextDueAt(this.read),
      announcements.nextEmbargoAt(this.read),
    ]);
    return { post, delivery, embargo };
  }

  // The outbox.

  claimNextDelivery(worker: string, leaseMs: number, now: string): Promise<Delivery | null> {
    return deliveries.claimNext(this.read, worker, now, later(now, leaseMs));
  }

  async completeDelivery(key: string, messageId: string, now: string): Promise<void> {
    await deliveries.complete(this.read, key, messageId, now);
  }

  async retryDelivery(
    key: string,
    worker: string,
    retry: { dueAt: string; error: string; countAttempt: boolean },
    now: string,
  ): Promise<void> {
    await deliveries.retryLater(this.read, key, worker, retry, now);
  }

  async failDelivery(key: string, outcome: DeliveryFailure, now: string): Promise<void> {
    await this.unit(async (sql) => {
      const delivery = await deliveries.get(sql, key);
      if (!delivery || !(await deliveries.finish(sql, key, outcome.state, outcome.error, now))) return;
      await failPost(sql, delivery, outcome, now);
    });
  }

  recordPermanentFailure(target: string, reason: string): Promise<number> {
    return targets.recordPermanentFailure(this.read, target, reason);
  }

  async disableTarget(
    target: string,
    failed: { delivery: string; reason: string; at: string },
    entry: AuditEntry,
  ): Promise<void> {
    await this.unit(async (sql) => {
      await targets.disable(sql, target, failed.reason, failed.at);
      const unsent = [
        await deliveries.get(sql, failed.delivery),
        ...(await deliveries.pendingFor(sql, target)),
      ];
      for (const delivery of unsent) {
        if (!delivery) continue;
        const error = delivery.key === failed.delivery ? failed.reason : "target disabled";
        if (await deliveries.finish(sql, delivery.key, "failed", error, failed.at)) {
          await failPost(sql, delivery, { reason: "targetDisabled" }, failed.at);
        }
      }
      await audit.record(sql, entry);
    });
  }

  async moveTarget(from: string, to: string, entry: AuditEntry): Promise<void> {
    if (from === to) return;
    await this.unit(async (sql) => {
      await schedules.retarget(sql, from, to);
      await subscriptions.retarget(sql, from, to);
      await settings.retarget(sql, from, to);
      await deliveries.retarget(sql, from, to);
      await targets.forget(sql, from);
      await audit.record(sql, entry);
    });
  }

  watchOutbox(listener: () => void): Promise<() => Promise<void>> {
    return watchOutbox(this.pg.pool.options, listener);
  }

  claimedBy(worker: string): Promise<string[]> {
    return deliveries.claimedBy(this.read, worker);
  }

  countDeliveries() {
    return deliveries.countByState(this.read);
  }

  // Instances.

  registerInstance(instance: SchedulerInstance): Promise<void> {
    return instances.register(this.read, instance);
  }

  async heartbeat(id: string, now: string, leaseMs: number): Promise<void> {
    await this.unit(async (sql) => {
      await instances.heartbeat(sql, id, now);
      await deliveries.renewClaims(sql, id, later(now, leaseMs));
    });
  }

  otherInstances(id: string): Promise<SchedulerInstance[]> {
    return instances.others(this.read, id);
  }

  releaseInstance(id: string, now: string): Promise<number> {
    return this.unit(async (sql) => {
      const released = await deliveries.releaseClaims(sql, id, now);
      await instances.remove(sql, id);
      // Its leases (the planner's) end too: another process takes them at its next look.
      await sql.query("DELETE FROM leases WHERE holder = $1", [id]);
      return released;
    });
  }

  removeInstance(id: string): Promise<void> {
    return instances.remove(this.read, id);
  }
}

/** A one-off post that could not be delivered shows as failed in /schedule list. */
async function failPost(
  sql: Sql,
  delivery: Delivery,
  outcome: Omit<DeliveryFailure, "state" | "error">,
  now: string,
): Promise<void> {
  const id = delivery.payload.scheduleId;
  if (delivery.kind !== "post" || !id) return;
  await schedules.setState(sql, id, {
    state: "failed",
    reason: outcome.reason,
    by: outcome.detail ?? null,
    at: now,
  });
}
