import type { ArticleMeta } from "../domain/article.js";
import type { LibraryChange } from "../domain/library.js";
import type { DigestPlan, PlanOutcome, SubscriptionFilter } from "../domain/scheduling-store.js";
import { nextFire, previousFire } from "./cron.js";
import { readKeywordFilter } from "./keyword-filter.js";
import { cachedCron, type SchedulerEnv } from "./scheduler-env.js";
import { articleTopicKeys, matchesTopic, topicKey } from "./topics.js";

/**
 * Turns what is due into outbox rows. The planner reads, decides, and hands each decision to the
 * store as one unit of work that re-checks what it was planned from (a slot still the stream's
 * next, a post still active at its time): two schedulers on one database cannot both enqueue a
 * slot, and a crash leaves either the whole unit or none of it. Inside a unit, each target's part
 * fails alone (the store reports it) and the others go on. Sending is the worker's job
 * (delivery-worker.ts).
 */

const STREAM_CONFIG_DIGEST = "config-digest";
/** The most articles considered for a digest (newest first). */
const DIGEST_WINDOW = 10_000;

/** One planning pass: the clock read once, the library listed at most once. */
interface Pass {
  now: Date;
  startup: boolean;
  articles(): ArticleMeta[];
}

/** Returns how many steps or parts failed (each was rolled back and logged), so the caller can back off. */
export async function planAll(env: SchedulerEnv, startup: boolean): Promise<number> {
  let listed: ArticleMeta[] | null = null;
  const pass: Pass = {
    now: env.clock.now(),
    startup,
    articles: () => {
      listed ??= env.library.latest(Math.min(Math.max(env.library.count(), 1), DIGEST_WINDOW));
      return listed;
    },
  };
  let failed = 0;
  /** Runs one part of a pass; a failure is logged and does not stop the rest. */
  const step = async (what: string, fn: () => Promise<PlanOutcome | undefined>) => {
    try {
      const outcome = await fn();
      for (const part of outcome?.failed ?? []) {
        env.log.error({ err: part.error, step: what, part: part.key }, "scheduler planning step failed");
      }
      failed += outcome?.failed.length ?? 0;
    } catch (error) {
      env.log.error({ err: error, step: what }, "scheduler planning step failed");
      failed += 1;
    }
  };
  await step("configured digest", () => planConfigDigest(env, pass));
  for (const schedule of await env.store.activeDigests()) {
    await step(`digest ${schedule.id}`, () => planScheduleDigest(env, pass, schedule));
  }
  for (const post of await env.store.duePosts(pass.now.toISOString())) {
    await step(`post ${post.id}`, () => planPost(env, pass, post));
  }
  await step("embargoes", () => releaseEmbargoes(env, pass));
  await step("new articles", () => announceNewArticles(env, pass));
  return failed;
}

/** A slot older than the grace period at start was missed while the bot was down. */
function skipMissed(env: SchedulerEnv, pass: Pass, slot: Date): boolean {
  const missed = pass.startup && pass.now.getTime() - slot.getTime() > env.tuning.catchUpGraceMs;
  return missed && env.config.catchUp === "none";
}

/** The visible articles a digest on `topic` may hold, newest first. */
function candidates(pass: Pass, topic: string | null): string[] {
  const key = topic ? topicKey(topic) : null;
  return pass
    .articles()
    .filter((m) => key === null || matchesTopic(m, key))
    .map((m) => m.id);
}

async function planConfigDigest(env: SchedulerEnv, pass: Pass): Promise<PlanOutcome | undefined> {
  const cron = env.digestCron;
  if (!cron) return;
  const stream = { name: STREAM_CONFIG_DIGEST };
  const now = pass.now.toISOString();
  const last = await env.store.streamSlot(STREAM_CONFIG_DIGEST);
  // The first start is the baseline: slots before it were never owed.
  if (last === null) return env.store.planSlot({ stream, after: null, slot: now }, []);
  const slot = previousFire(cron, pass.now, env.config.timeZone, new Date(Date.parse(last) + 1));
  if (!slot) return;
  const iso = slot.toISOString();
  const skipped = skipMissed(env, pass, slot);
  const digests: DigestPlan[] = skipped
    ? []
    : env.config.targets.map((target) => ({
        key: `digest:${target}:${iso}`,
        target,
        articles: candidates(pass, null),
        size: env.config.digestSize,
        payload: { topic: null, slot: iso },
        dueAt: now,
      }));
  const outcome = await env.store.planSlot({ stream, after: last, slot: iso }, digests);
  if (skipped && outcome.planned) {
    env.log.info({ slot: iso }, "configured digest missed while down: skipped (CATCH_UP=none)");
  }
  return outcome;
}

/**
 * A digest holds the newest articles (on its topic) not yet posted to the target. It consumes
 * all of them: those beyond the digest size are counted ("…and 3 more") and recorded as passed
 * over, so the next digest holds only what arrived since. Nothing new: nothing is enqueued.
 */
async function planScheduleDigest(
  env: SchedulerEnv,
  pass: Pass,
  s: Awaited<ReturnType<SchedulerEnv["store"]["activeDigests"]>>[number],
): Promise<PlanOutcome | undefined> {
  const cron = s.cron ? cachedCron(s.cron) : null;
  if (!cron) return;
  const zone = s.channelTimeZone ?? env.config.timeZone;
  const last = s.lastSlot ?? s.createdAt;
  const slot = previousFire(cron, pass.now, zone, new Date(Date.parse(last) + 1));
  if (!slot) return;
  const iso = slot.toISOString();
  const skipped = skipMissed(env, pass, slot);
  const digest: DigestPlan = {
    key: `digest:${s.id}:${iso}`,
    target: s.target,
    articles: candidates(pass, s.topic),
    size: env.config.digestSize,
    payload: { topic: s.topic, slot: iso, scheduleId: s.id },
    dueAt: pass.now.toISOString(),
  };
  const outcome = await env.store.planSlot(
    { stream: { schedule: s.id }, after: s.lastSlot, slot: iso },
    skipped ? [] : [digest],
  );
  if (skipped && outcome.planned) {
    env.log.info({ schedule: s.id, slot: iso }, "digest missed while down: skipped (CATCH_UP=none)");
  }
  return outcome;
}

async function planPost(
  env: SchedulerEnv,
  pass: Pass,
  s: { id: string; target: string; runAt: string | null; articleId: string | null },
): Promise<undefined> {
  if (!s.runAt || !s.articleId) return;
  const now = pass.now.toISOString();
  const key = `post:${s.id}:${s.runAt}`;
  const outcome = await env.store.planPost({
    scheduleId: s.id,
    runAt: s.runAt,
    at: now,
    missed: skipMissed(env, pass, new Date(s.runAt)),
    articleRemoved: !env.library.get(s.articleId) && !env.library.getMeta(s.articleId),
    delivery: {
      key,
      target: s.target,
      articleId: s.articleId,
      payload: { articles: [s.articleId], scheduleId: s.id, slot: s.runAt },
      dueAt: now,
    },
  });
  if (outcome === "missed")
    env.log.info({ schedule: s.id }, "post missed while down: skipped (CATCH_UP=none)");
}

/** Library events: embargoes are noted, removals drop unsent posts; the pass does the rest. */
export async function onLibraryChange(env: SchedulerEnv, event: LibraryChange): Promise<void> {
  const now = env.clock.now();
  if (event.type === "removed") {
    await env.store.articleRemoved(event.id, now.toISOString());
    return;
  }
  const meta = env.library.getMeta(event.id);
  const until = meta?.publishAt ? Date.parse(meta.publishAt) : Number.NaN;
  await env.store.setEmbargo(event.id, until > now.getTime() ? new Date(until).toISOString() : null);
}

/** Embargoes whose time has come are lifted; the article is then new to announce. */
async function releaseEmbargoes(env: SchedulerEnv, pass: Pass): Promise<undefined> {
  for (const id of await env.store.dueEmbargoes(pass.now.toISOString())) {
    const publishAt = env.library.getMeta(id)?.publishAt;
    const until = publishAt ? Date.parse(publishAt) : Number.NaN;
    // Moved later by an edit we did not hear about: wait again.
    await env.store.setEmbargo(id, until > pass.now.getTime() ? new Date(until).toISOString() : null);
  }
}

/**
 * New articles are those visible now and never seen before by the scheduler: this finds them
 * whether or not the library's "added" event reached us (wiring order, a crash in between, an
 * embargo lifted while down). Each is announced to every configured target and every target
 * subscribed to one of its topics, once (the delivery key), and never to a target that already
 * has it. The first look at a library is the baseline: nothing in it is announced.
 */
async function announceNewArticles(env: SchedulerEnv, pass: Pass): Promise<PlanOutcome | undefined> {
  const at = pass.now.toISOString();
  const visible = pass.articles();
  const ids = visible.map((m) => m.id);
  const { baselineTaken, unseen } = await env.store.unseenArticles(ids);
  if (!baselineTaken) {
    return env.store.recordAnnouncements({ at, baseline: true, passed: ids, announce: [], targets: [] });
  }
  if (unseen.length === 0) return;
  const byId = new Map(visible.map((m) => [m.id, m]));
  const announced = unseen.slice(0, env.config.announceBurst);
  const passed = unseen.slice(env.config.announceBurst);
  if (passed.length > 0) {
    env.log.warn(
      { count: unseen.length, announced: announced.length },
      "many new articles at once: announcing the newest, leaving the rest to digests",
    );
  }
  // Oldest first, so channels read them in order.
  const entries = [...announced].reverse().flatMap((id) => {
    const meta = byId.get(id);
    return meta ? [{ articleId: id, topicKeys: articleTopicKeys(meta) }] : [];
  });
  const announce = await withFilters(env, entries);
  return env.store.recordAnnouncements({ at, passed, announce, targets: env.config.targets });
}

/**
 * The filtered subscriptions each article passes: its keyword filter, matched by the search index
 * (ADR 0113). The store counts a filtered subscription only when it is listed here.
 */
async function withFilters(
  env: SchedulerEnv,
  entries: { articleId: string; topicKeys: string[] }[],
): Promise<{ articleId: string; topicKeys: string[]; filtersPassed: SubscriptionFilter[] }[]> {
  const keys = [...new Set(entries.flatMap((e) => e.topicKeys))];
  const subscriptions = env.matcher && keys.length > 0 ? await env.store.filteredSubscriptions(keys) : [];
  return entries.map((entry) => {
    const filtersPassed: SubscriptionFilter[] = [];
    for (const s of subscriptions) {
      if (!s.filter || !entry.topicKeys.includes(s.topicKey)) continue;
      const reading = readKeywordFilter(s.filter);
      if (reading.ok && env.matcher?.matches(entry.articleId, reading.filter))
        filtersPassed.push({ target: s.target, topicKey: s.topicKey, filter: s.filter });
    }
    return { ...entry, filtersPassed };
  });
}

/** When the next thing falls due: a slot, a post, a retry, an embargo; capped by maxSleep. */
export async function nextWakeAt(env: SchedulerEnv): Promise<number> {
  const now = env.clock.now();
  const times: number[] = [now.getTime() + env.tuning.maxSleepMs];
  const add = (t: Date | string | null | undefined) => {
    if (t) times.push(new Date(t).getTime());
  };
  if (env.digestCron) add(nextFire(env.digestCron, now, env.config.timeZone));
  for (const s of await env.store.activeDigests()) {
    const cron = s.cron ? cachedCron(s.cron) : null;
    if (cron) add(nextFire(cron, now, s.channelTimeZone ?? env.config.timeZone));
  }
  const due = await env.store.nextDue();
  add(due.post);
  add(due.delivery);
  add(due.embargo);
  // A loop, not Math.min(...times): a spread of very many schedules would overflow the stack.
  return times.reduce((a, b) => Math.min(a, b));
}
