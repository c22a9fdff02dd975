import type { AuditEntry } from "../../src/domain/channel.js";
import type { Schedule } from "../../src/domain/schedule.js";
import type { DigestPlan, SchedulingStore } from "../../src/domain/scheduling-store.js";

/** Thursday 17 July 2025, 08:00 UTC, plus `minutes`. */
export function at(minutes = 0): string {
  return new Date(Date.parse("2025-07-17T08:00:00.000Z") + minutes * 60_000).toISOString();
}

export function audit(
  action: string,
  target = "discord:1",
  detail: Record<string, unknown> = {},
): AuditEntry {
  return { at: at(), actorId: "u1", actorName: "Alice", target, action, detail };
}

/** Fails to serialize in every engine: a part of a unit of work that cannot be written. */
export const UNWRITABLE = { big: 10n } as unknown as Record<string, unknown>;

export function post(id: string, extra: Partial<Schedule> = {}): Schedule {
  return {
    id,
    kind: "post",
    target: "discord:1",
    articleId: "a1",
    runAt: at(60),
    cron: null,
    topic: null,
    state: "active",
    stateReason: null,
    stateBy: null,
    stateAt: null,
    lastSlot: null,
    createdById: "u1",
    createdByName: "Alice",
    createdAt: at(),
    ...extra,
  };
}

export function digestSchedule(id: string, extra: Partial<Schedule> = {}): Schedule {
  return post(id, {
    kind: "digest",
    articleId: null,
    runAt: null,
    cron: "0 9 * * *",
    lastSlot: at(),
    ...extra,
  });
}

export function digest(target: string, articles: string[], extra: Partial<DigestPlan> = {}): DigestPlan {
  return {
    key: `digest:${target}:${at()}`,
    target,
    articles,
    size: 5,
    payload: { topic: null, slot: at() },
    dueAt: at(),
    ...extra,
  };
}

let streams = 0;

/** Enqueues one single-article delivery per target (a digest of a fresh stream), due at `dueAt`. */
export async function enqueue(
  store: SchedulingStore,
  targets: readonly string[],
  options: { article?: string; dueAt?: string; key?: (target: string) => string } = {},
): Promise<string[]> {
  streams += 1;
  const plans = targets.map((target) =>
    digest(target, [options.article ?? "a1"], {
      key: options.key?.(target) ?? `digest:${target}:s${streams}`,
      dueAt: options.dueAt ?? at(),
    }),
  );
  const outcome = await store.planSlot(
    { stream: { name: `test-${streams}` }, after: null, slot: at() },
    plans,
  );
  return outcome.enqueued;
}

/** A one-off post of `articleId` due now, planned: its delivery is `post:<id>`. */
export async function enqueuePost(store: SchedulingStore, id: string, articleId: string): Promise<void> {
  await store.createSchedule(post(id, { articleId, runAt: at() }), audit("schedule.post"));
  const delivery = {
    key: `post:${id}`,
    target: "discord:1",
    articleId,
    payload: { articles: [articleId], scheduleId: id },
    dueAt: at(),
  };
  await store.planPost({
    scheduleId: id,
    runAt: at(),
    at: at(),
    missed: false,
    articleRemoved: false,
    delivery,
  });
}
