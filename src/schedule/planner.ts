import type { ArticleMeta } from "../domain/article.js";
import type { LibraryChange } from "../domain/library.js";
import { nextFire, previousFire } from "./cron.js";
import { cachedCron, type SchedulerEnv, zoneOf } from "./scheduler-env.js";
import { articleTopicKeys, matchesTopic, topicKey } from "./topics.js";

/**
 * Turns what is due into outbox rows. Each step runs in an IMMEDIATE transaction that re-reads
 * its state first, so two schedulers on one database cannot both enqueue a slot, and a crash
 * leaves either the whole step or none of it. Inside a step, each target (or post) is its own
 * savepoint: one that fails is rolled back alone and the others go on. Sending is the worker's job
 * (delivery-worker.ts).
 */

const STREAM_CONFIG_DIGEST = "config-digest";
const STREAM_ARTICLES_BASELINE = "known-articles-baseline";
/** The most articles considered for a digest (newest first). */
const DIGEST_WINDOW = 10_000;

/** One planning pass: the clock read once, the library listed at most once. */
interface Pass {
  now: Date;
  startup: boolean;
  articles(): ArticleMeta[];
}

/** Returns how many steps failed (each was rolled back and logged), so the caller can back off. */
export function planAll(env: SchedulerEnv, startup: boolean): number {
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
  const step = (what: string, fn: () => void) => {
    if (!atomically(env, what, fn)) failed += 1;
  };
  step("configured digest", () => planConfigDigest(env, pass, step));
  for (const schedule of env.stores.schedules.activeDigests()) {
    step(`digest ${schedule.id}`, () => planScheduleDigest(env, pass, schedule.id));
  }
  step("posts", () => planPosts(env, pass, step));
  step("embargoes", () => releaseEmbargoes(env, pass));
  step("new articles", () => announceNewArticles(env, pass, step));
  return failed;
}

/** Runs one part of a pass in its own step; a failure is logged and does not stop the rest. */
type Step = (what: string, fn: () => void) => void;

/**
 * All or nothing. A top-level step opens its own IMMEDIATE transaction, rolled back on error. A
 * part inside it (one target, one post) runs as a nested transaction, which better-sqlite3 makes
 * a SAVEPOINT rolled back on error: no half-written rows (a delivery without its article
 * records), and the outer transaction goes on with the other parts.
 */
function atomically(env: SchedulerEnv, what: string, fn: () => void): boolean {
  try {
    if (env.db.inTransaction) env.db.transaction(fn)();
    else fn();
    return true;
  } catch (error) {
    env.log.error({ err: error, step: what }, "scheduler planning step failed");
    return false;
  }
}

/** A slot older than the grace period at start was missed while the bot was down. */
function skipMissed(env: SchedulerEnv, pass: Pass, slot: Date): boolean {
  const missed = pass.startup && pass.now.getTime() - slot.getTime() > env.tuning.catchUpGraceMs;
  return missed && env.config.catchUp === "none";
}

function planConfigDigest(env: SchedulerEnv, pass: Pass, step: Step): void {
  const cron = env.digestCron;
  if (!cron) return;
  const { schedules } = env.stores;
  env.db
    .transaction(() => {
      const last = schedules.streamSlot(STREAM_CONFIG_DIGEST);
      // The first start is the baseline: slots before it were never owed.
      if (last === null) return schedules.setStreamSlot(STREAM_CONFIG_DIGEST, pass.now.toISOString());
      const slot = previousFire(cron, pass.now, env.config.timeZone, new Date(Date.parse(last) + 1));
      if (!slot) return;
      const iso = slot.toISOString();
      if (skipMissed(env, pass, slot)) {
        env.log.info({ slot: iso }, "configured digest missed while down: skipped (CATCH_UP=none)");
      } else {
        for (const target of env.config.targets) {
          step(`digest for ${target}`, () =>
            enqueueDigest(env, pass, { target, key: `digest:${target}:${iso}`, topic: null, slot: iso }),
          );
        }
      }
      schedules.setStreamSlot(STREAM_CONFIG_DIGEST, iso);
    })
    .immediate();
}

function planScheduleDigest(env: SchedulerEnv, pass: Pass, id: string): void {
  const { schedules } = env.stores;
  env.db
    .transaction(() => {
      const s = schedules.get(id);
      if (s?.state !== "active" || !s.cron) return;
      const cron = cachedCron(s.cron);
      if (!cron) return;
      const last = s.lastSlot ?? s.createdAt;
      const slot = previousFire(cron, pass.now, zoneOf(env, s.target), new Date(Date.parse(last) + 1));
      if (!slot) return;
      const iso = slot.toISOString();
      if (skipMissed(env, pass, slot)) {
        env.log.info({ schedule: id, slot: iso }, "digest missed while down: skipped (CATCH_UP=none)");
      } else {
        const key = `digest:${s.id}:${iso}`;
        enqueueDigest(env, pass, { target: s.target, key, topic: s.topic, slot: iso, scheduleId: s.id });
      }
      schedules.setLastSlot(id, iso);
    })
    .immediate();
}

/**
 * A digest holds the newest articles (on its topic) not yet posted to the target. It consumes
 * all of them: those beyond the digest size are counted ("…and 3 more") and recorded as passed
 * over, so the next digest holds only what arrived since. Nothing new: nothing is enqueued.
 */
function enqueueDigest(
  env: SchedulerEnv,
  pass: Pass,
  d: { target: string; key: string; topic: string | null; slot: string; scheduleId?: string },
): void {
  const { deliveries, targets } = env.stores;
  if (targets.isDisabled(d.target)) return;
  const given = deliveries.deliveredTo(d.target);
  const key = d.topic ? topicKey(d.topic) : null;
  const fresh = pass.articles().filter((m) => !given.has(m.id) && (key === null || matchesTopic(m, key)));
  if (fresh.length === 0) return;
  const shown = fresh.slice(0, env.config.digestSize).map((m) => m.id);
  const passed = fresh.slice(env.config.digestSize).map((m) => m.id);
  const payload = {
    articles: shown,
    more: passed.length,
    topic: d.topic,
    slot: d.slot,
    scheduleId: d.scheduleId,
  };
  const now = pass.now.toISOString();
  if (!deliveries.enqueue({ key: d.key, target: d.target, kind: "digest", payload, dueAt: now }, now)) return;
  deliveries.recordArticles(d.target, d.key, shown, passed);
}

function planPosts(env: SchedulerEnv, pass: Pass, step: Step): void {
  const { schedules, deliveries, targets } = env.stores;
  const now = pass.now.toISOString();
  env.db
    .transaction(() => {
      for (const s of schedules.duePosts(now)) {
        if (!s.runAt || !s.articleId) continue;
        const { runAt, articleId } = s;
        step(`post ${s.id}`, () => {
          if (skipMissed(env, pass, new Date(runAt))) {
            schedules.setState(s.id, "missed", "missed", null, now);
            env.log.info({ schedule: s.id }, "post missed while down: skipped (CATCH_UP=none)");
          } else if (targets.isDisabled(s.target)) {
            schedules.setState(s.id, "failed", "targetDisabled", null, now);
          } else if (!env.library.get(articleId) && !env.library.getMeta(articleId)) {
            schedules.setState(s.id, "failed", "articleRemoved", null, now);
          } else {
            const key = `post:${s.id}:${runAt}`;
            const payload = { articles: [articleId], scheduleId: s.id, slot: runAt };
            // A failed delivery of this very post exists when a moderator resumed it: send it again.
            const delivery = { key, target: s.target, kind: "post" as const, payload, dueAt: now };
            if (deliveries.enqueue(delivery, now) || deliveries.rearm(key, now, now)) {
              deliveries.recordArticles(s.target, key, [articleId], []);
            }
            schedules.setState(s.id, "done", null, null, now);
          }
        });
      }
    })
    .immediate();
}

/** Library events: embargoes are noted, removals drop unsent posts; the pass does the rest. */
export function onLibraryChange(env: SchedulerEnv, event: LibraryChange): void {
  const { announcements, deliveries } = env.stores;
  const now = env.clock.now();
  if (event.type === "removed") {
    announcements.removeEmbargo(event.id);
    deliveries.dropPendingForArticle(event.id, now.toISOString());
    return;
  }
  const meta = env.library.getMeta(event.id);
  const until = meta?.publishAt ? Date.parse(meta.publishAt) : Number.NaN;
  if (until > now.getTime()) announcements.setEmbargo(event.id, new Date(until).toISOString());
  else if (announcements.hasEmbargo(event.id)) announcements.removeEmbargo(event.id);
}

/** Embargoes whose time has come are lifted; the article is then new to announce. */
function releaseEmbargoes(env: SchedulerEnv, pass: Pass): void {
  const { announcements } = env.stores;
  for (const id of announcements.dueEmbargoes(pass.now.toISOString())) {
    const publishAt = env.library.getMeta(id)?.publishAt;
    const until = publishAt ? Date.parse(publishAt) : Number.NaN;
    // Moved later by an edit we did not hear about: wait again.
    if (until > pass.now.getTime()) announcements.setEmbargo(id, new Date(until).toISOString());
    else announcements.removeEmbargo(id);
  }
}

/**
 * New articles are those visible now and never seen before by the scheduler: this finds them
 * whether or not the library's "added" event reached us (wiring order, a crash in between, an
 * embargo lifted while down). Each is announced to every configured target and every target
 * subscribed to one of its topics, once (the delivery key), and never to a target that already
 * has it. The first look at a library is the baseline: nothing in it is announced.
 */
function announceNewArticles(env: SchedulerEnv, pass: Pass, step: Step): void {
  const { announcements, schedules } = env.stores;
  const now = pass.now.toISOString();
  const visible = pass.articles();
  if (schedules.streamSlot(STREAM_ARTICLES_BASELINE) === null) {
    env.db
      .transaction(() => {
        announcements.markKnown(
          visible.map((m) => m.id),
          now,
        );
        schedules.setStreamSlot(STREAM_ARTICLES_BASELINE, now);
      })
      .immediate();
    return;
  }
  const fresh = announcements.unknown(visible.map((m) => m.id));
  if (fresh.length === 0) return;
  const byId = new Map(visible.map((m) => [m.id, m]));
  const announced = fresh.slice(0, env.config.announceBurst);
  const leftToDigests = fresh.slice(env.config.announceBurst);
  if (leftToDigests.length > 0) {
    env.log.warn(
      { count: fresh.length, announced: announced.length },
      "many new articles at once: announcing the newest, leaving the rest to digests",
    );
  }
  env.db
    .transaction(() => {
      announcements.markKnown(leftToDigests, now);
      // Oldest first, so channels read them in order.
      for (const id of [...announced].reverse()) {
        announcements.markKnown([id], now);
        const meta = byId.get(id);
        if (meta) enqueueAnnouncement(env, meta, now, step);
      }
    })
    .immediate();
}

function enqueueAnnouncement(env: SchedulerEnv, meta: ArticleMeta, now: string, step: Step): void {
  const { deliveries, subscriptions, targets } = env.stores;
  let wanted: Set<string> = new Set();
  step(`announce ${meta.id}`, () => {
    wanted = new Set([...env.config.targets, ...subscriptions.targetsFor(articleTopicKeys(meta))]);
  });
  for (const target of wanted) {
    step(`announce ${meta.id} to ${target}`, () => {
      if (targets.isDisabled(target) || deliveries.wasDelivered(target, meta.id)) return;
      const key = `announce:${target}:${meta.id}`;
      const payload = { articles: [meta.id] };
      if (deliveries.enqueue({ key, target, kind: "announce", payload, dueAt: now }, now)) {
        deliveries.recordArticles(target, key, [meta.id], []);
      }
    });
  }
}

/** When the next thing falls due: a slot, a post, a retry, an embargo; capped by maxSleep. */
export function nextWakeAt(env: SchedulerEnv): number {
  const now = env.clock.now();
  const times: number[] = [now.getTime() + env.tuning.maxSleepMs];
  const add = (t: Date | string | null | undefined) => {
    if (t) times.push(new Date(t).getTime());
  };
  if (env.digestCron) add(nextFire(env.digestCron, now, env.config.timeZone));
  for (const s of env.stores.schedules.activeDigests()) {
    const cron = s.cron ? cachedCron(s.cron) : null;
    if (cron) add(nextFire(cron, now, zoneOf(env, s.target)));
  }
  add(env.stores.schedules.nextPostAt());
  add(env.stores.deliveries.nextDueAt());
  add(env.stores.announcements.nextEmbargoAt());
  return Math.min(...times);
}
