import type {
  AnnouncementBatch,
  DigestPlan,
  PlanOutcome,
  PostPlan,
} from "../../../domain/scheduling-store.js";
import type { Db } from "../database.js";
import type { SchedulingTables } from "./tables.js";

/**
 * The planner's units of work on SQLite (src/domain/scheduling-store.ts says what each means).
 * Each runs inside the caller's IMMEDIATE transaction; a part that may fail alone (one digest,
 * one announcement) is a nested transaction, which better-sqlite3 makes a SAVEPOINT.
 */

/** The stream whose slot marks that the first look at the library (the baseline) was taken. */
export const BASELINE_STREAM = "known-articles-baseline";

/** A part of a unit rolled back alone when it throws; the error is collected, the unit goes on. */
function part(db: Db, key: string, outcome: PlanOutcome, work: () => boolean): void {
  try {
    if (db.transaction(work)()) outcome.enqueued.push(key);
  } catch (error) {
    outcome.failed.push({ key, error });
  }
}

export function planSlot(
  db: Db,
  t: SchedulingTables,
  slot: { stream: { schedule: string } | { name: string }; after: string | null; slot: string },
  digests: readonly DigestPlan[],
): PlanOutcome & { planned: boolean } {
  const outcome: PlanOutcome & { planned: boolean } = { planned: false, enqueued: [], failed: [] };
  const advanced =
    "schedule" in slot.stream
      ? t.schedules.advanceSlot(slot.stream.schedule, slot.after, slot.slot)
      : t.schedules.advanceStream(slot.stream.name, slot.after, slot.slot);
  if (!advanced) return outcome;
  outcome.planned = true;
  for (const digest of digests) part(db, digest.key, outcome, () => enqueueDigest(t, digest));
  return outcome;
}

function enqueueDigest(t: SchedulingTables, d: DigestPlan): boolean {
  if (t.targets.isDisabled(d.target)) return false;
  const fresh = t.deliveries.notGiven(d.target, d.articles);
  if (fresh.length === 0) return false;
  const shown = fresh.slice(0, d.size);
  const passed = fresh.slice(d.size);
  const payload = { articles: shown, more: passed.length, ...d.payload };
  const delivery = { key: d.key, target: d.target, kind: "digest" as const, payload, dueAt: d.dueAt };
  if (!t.deliveries.enqueue(delivery, d.dueAt)) return false;
  t.deliveries.recordArticles(d.target, d.key, shown, passed);
  return true;
}

export function planPost(
  t: SchedulingTables,
  plan: PostPlan,
): "posted" | "missed" | "targetDisabled" | "articleRemoved" | "stale" {
  const current = t.schedules.get(plan.scheduleId);
  if (current?.state !== "active" || current.runAt !== plan.runAt) return "stale";
  const { delivery: d, at } = plan;
  const fail = (reason: "missed" | "targetDisabled" | "articleRemoved") => {
    const state = reason === "missed" ? "missed" : "failed";
    t.schedules.setState(plan.scheduleId, { state, reason, by: null, at });
    return reason;
  };
  if (plan.missed) return fail("missed");
  if (t.targets.isDisabled(d.target)) return fail("targetDisabled");
  if (plan.articleRemoved) return fail("articleRemoved");
  const delivery = {
    key: d.key,
    target: d.target,
    kind: "post" as const,
    payload: d.payload,
    dueAt: d.dueAt,
  };
  // A failed delivery of this very post exists when a moderator resumed it: send it again.
  if (t.deliveries.enqueue(delivery, at) || t.deliveries.rearm(d.key, d.dueAt, at)) {
    t.deliveries.recordArticles(d.target, d.key, [d.articleId], []);
  }
  t.schedules.setState(plan.scheduleId, { state: "done", reason: null, by: null, at });
  return "posted";
}

export function recordAnnouncements(db: Db, t: SchedulingTables, batch: AnnouncementBatch): PlanOutcome {
  const outcome: PlanOutcome = { enqueued: [], failed: [] };
  if (batch.baseline) {
    if (t.schedules.advanceStream(BASELINE_STREAM, null, batch.at)) {
      for (const id of batch.passed) t.announcements.markKnown(id, batch.at);
    }
    return outcome;
  }
  for (const id of batch.passed) t.announcements.markKnown(id, batch.at);
  for (const { articleId, topicKeys, filtersPassed = [] } of batch.announce) {
    // Seen already (by another process, or an earlier pass): it was announced then, or passed over.
    if (!t.announcements.markKnown(articleId, batch.at)) continue;
    let wanted: string[] = [];
    part(db, `announce:${articleId}`, outcome, () => {
      // A filtered subscription counts only with the filter the planner matched (it may have changed).
      const filtered = filtersPassed
        .filter((f) => topicKeys.includes(f.topicKey) && t.subscriptions.hasFilter(f))
        .map((f) => f.target);
      wanted = [...new Set([...batch.targets, ...t.subscriptions.targetsFor(topicKeys), ...filtered])];
      return false;
    });
    for (const target of wanted) {
      const key = `announce:${target}:${articleId}`;
      part(db, key, outcome, () => {
        if (t.targets.isDisabled(target) || t.deliveries.notGiven(target, [articleId]).length === 0)
          return false;
        const payload = { articles: [articleId] };
        if (!t.deliveries.enqueue({ key, target, kind: "announce", payload, dueAt: batch.at }, batch.at))
          return false;
        t.deliveries.recordArticles(target, key, [articleId], []);
        return true;
      });
    }
  }
  return outcome;
}
