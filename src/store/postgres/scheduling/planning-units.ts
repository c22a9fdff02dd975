import type {
  AnnouncementBatch,
  DigestPlan,
  PlanOutcome,
  PostPlan,
  SlotPlan,
} from "../../../domain/scheduling-store.js";
import type { Sql } from "../database.js";
import { announcements } from "./announcements.js";
import { subscriptions, targets } from "./channels.js";
import { deliveries } from "./deliveries.js";
import { schedules } from "./schedules.js";

/**
 * The planner's units of work on PostgreSQL (src/domain/scheduling-store.ts says what each means;
 * src/store/sqlite/scheduling/planning-units.ts is the same logic on SQLite). Each runs inside the
 * caller's transaction; a part that may fail alone is a SAVEPOINT.
 */

/** The stream whose slot marks that the first look at the library (the baseline) was taken. */
export const BASELINE_STREAM = "known-articles-baseline";

/** A part of a unit rolled back alone when it throws; the error is collected, the unit goes on. */
async function part(
  sql: Sql,
  key: string,
  outcome: PlanOutcome,
  work: () => Promise<boolean>,
): Promise<void> {
  await sql.query("SAVEPOINT part");
  try {
    const enqueued = await work();
    await sql.query("RELEASE SAVEPOINT part");
    if (enqueued) outcome.enqueued.push(key);
  } catch (error) {
    await sql.query("ROLLBACK TO SAVEPOINT part");
    outcome.failed.push({ key, error });
  }
}

export async function planSlot(
  sql: Sql,
  slot: SlotPlan,
  digests: readonly DigestPlan[],
): Promise<PlanOutcome & { planned: boolean }> {
  const outcome: PlanOutcome & { planned: boolean } = { planned: false, enqueued: [], failed: [] };
  const advanced =
    "schedule" in slot.stream
      ? await schedules.advanceSlot(sql, slot.stream.schedule, slot.after, slot.slot)
      : await schedules.advanceStream(sql, slot.stream.name, slot.after, slot.slot);
  if (!advanced) return outcome;
  outcome.planned = true;
  for (const digest of digests) await part(sql, digest.key, outcome, () => enqueueDigest(sql, digest));
  return outcome;
}

async function enqueueDigest(sql: Sql, d: DigestPlan): Promise<boolean> {
  if (await targets.isDisabled(sql, d.target)) return false;
  const fresh = await deliveries.notGiven(sql, d.target, d.articles);
  if (fresh.length === 0) return false;
  const shown = fresh.slice(0, d.size);
  const passed = fresh.slice(d.size);
  const payload = { articles: shown, more: passed.length, ...d.payload };
  const delivery = { key: d.key, target: d.target, kind: "digest" as const, payload, dueAt: d.dueAt };
  if (!(await deliveries.enqueue(sql, delivery, d.dueAt))) return false;
  await deliveries.recordArticles(sql, d.target, d.key, shown, passed);
  return true;
}

export async function planPost(
  sql: Sql,
  plan: PostPlan,
): Promise<"posted" | "missed" | "targetDisabled" | "articleRemoved" | "stale"> {
  // Locked: a moderator's change to this post waits for the plan, or the plan sees it.
  const { rows } = await sql.query<{ state: string; run_at: string | null }>(
    "SELECT state, run_at FROM schedules WHERE id = $1 FOR UPDATE",
    [plan.scheduleId],
  );
  const current = rows[0];
  if (current?.state !== "active" || current.run_at !== plan.runAt) return "stale";
  const { delivery: d, at } = plan;
  const fail = async (reason: "missed" | "targetDisabled" | "articleRemoved") => {
    const state = reason === "missed" ? "missed" : "failed";
    await schedules.setState(sql, plan.scheduleId, { state, reason, by: null, at });
    return reason;
  };
  if (plan.missed) return fail("missed");
  if (await targets.isDisabled(sql, d.target)) return fail("targetDisabled");
  if (plan.articleRemoved) return fail("articleRemoved");
  const delivery = {
    key: d.key,
    target: d.target,
    kind: "post" as const,
    payload: d.payload,
    dueAt: d.dueAt,
  };
  // A failed delivery of this very post exists when a moderator resumed it: send it again.
  if ((await deliveries.enqueue(sql, delivery, at)) || (await deliveries.rearm(sql, d.key, d.dueAt, at))) {
    await deliveries.recordArticles(sql, d.target, d.key, [d.articleId], []);
  }
  await schedules.setState(sql, plan.scheduleId, { state: "done", reason: null, by: null, at });
  return "posted";
}

export async function recordAnnouncements(sql: Sql, batch: AnnouncementBatch): Promise<PlanOutcome> {
  const outcome: PlanOutcome = { enqueued: [], failed: [] };
  if (batch.baseline) {
    if (await schedules.advanceStream(sql, BASELINE_STREAM, null, batch.at)) {
      await announcements.markKnown(sql, batch.passed, batch.at);
    }
    return outcome;
  }
  await announcements.markKnown(sql, batch.passed, batch.at);
  for (const { articleId, topicKeys, filtersPassed = [] } of batch.announce) {
    // Seen already (by another process, or an earlier pass): it was announced then, or passed over.
    if (!(await announcements.markOneKnown(sql, articleId, batch.at))) continue;
    let wanted: string[] = [];
    await part(sql, `announce:${articleId}`, outcome, async () => {
      // A filtered subscription counts only with the filter the planner matched (it may have changed).
      const filtered: string[] = [];
      for (const f of filtersPassed) {
        if (topicKeys.includes(f.topicKey) && (await subscriptions.hasFilter(sql, f)))
          filtered.push(f.target);
      }
      wanted = [
        ...new Set([...batch.targets, ...(await subscriptions.targetsFor(sql, topicKeys)), ...filtered]),
      ];
      return false;
    });
    for (const target of wanted) {
      const key = `announce:${target}:${articleId}`;
      await part(sql, key, outcome, async () => {
        if (await targets.isDisabled(sql, target)) return false;
        if ((await deliveries.notGiven(sql, target, [articleId])).length === 0) return false;
        const payload = { articles: [articleId] };
        const row = { key, target, kind: "announce" as const, payload, dueAt: batch.at };
        if (!(await deliveries.enqueue(sql, row, batch.at))) return false;
        await deliveries.recordArticles(sql, target, key, [articleId], []);
        return true;
      });
    }
  }
  return outcome;
}
