import type { Delivery } from "../domain/delivery.js";
import type { SchedulingReads } from "../domain/scheduling-reads.js";
import type {
  ArticleExplanation,
  DeliveryFinding,
  SchedulingReport,
  UpcomingPost,
} from "../domain/scheduling-report.js";
import { type Target, targetOf } from "../domain/target.js";
import type { Cron } from "../framework/cron-syntax.js";
import { nextFire } from "./cron.js";
import { readDigestCron } from "./digest-cron.js";
import { cachedCron, type SchedulerEnv, zoneOf } from "./scheduler-env.js";
import { articleTopicKeys, topicKey } from "./topics.js";

/** Next fire times by expression and zone: many digests share a cron, and the overview lists them all. */
const nextFires = new Map<string, Date>();

/**
 * The next fire after `now`, kept until it passes: for any later `now` before it, it is still the
 * next one (no fire lies between the time it was computed from and it).
 */
function keptNextFire(cron: Cron, now: Date, zone: string): Date | null {
  const key = `${cron.expression}\u0000${zone}`;
  const kept = nextFires.get(key);
  if (kept && kept.getTime() > now.getTime()) return kept;
  const next = nextFire(cron, now, zone);
  if (nextFires.size >= 1_000) nextFires.clear();
  if (next) nextFires.set(key, next);
  return next;
}

/** The most fire times a preview computes: a page shows five. */
const MAX_FIRE_TIMES = 20;

/**
 * What the scheduler can tell about what it did and will do (the SchedulingReport port): the
 * planner's own rules, read back. It changes nothing. `explain` answers MonitoRSS's most common
 * question, "why was this article not posted here?", with every reason that applies (ADR 0117).
 */
export function createSchedulingReport(env: SchedulerEnv, reads: SchedulingReads): SchedulingReport {
  const { store } = env;

  const nextOf = async (cron: string | null, target: Target, now: Date): Promise<Date | null> => {
    const parsed = cron ? cachedCron(cron) : null;
    return parsed ? keptNextFire(parsed, now, await zoneOf(env, target)) : null;
  };

  /** The configured digest (DIGEST_CRON to ANNOUNCE_TARGETS), in NEWS_TIMEZONE. */
  const configuredNext = (now: Date): Date | null =>
    env.digestCron ? nextFire(env.digestCron, now, env.config.timeZone) : null;

  return {
    async upcoming(targets, limit) {
      const now = env.clock.now();
      const posts = await reads.upcomingPosts(targets, limit);
      const digests = (await reads.digestsOf(targets)).filter((d) => d.state === "active");
      const out: UpcomingPost[] = posts.flatMap((p) =>
        p.runAt
          ? [
              {
                target: p.target,
                scheduleId: p.id,
                kind: "post" as const,
                at: new Date(p.runAt),
                articleId: p.articleId,
                topic: null,
              },
            ]
          : [],
      );
      for (const d of digests) {
        const at = await nextOf(d.cron, d.target, now);
        if (at)
          out.push({
            target: d.target,
            scheduleId: d.id,
            kind: "digest",
            at,
            articleId: null,
            topic: d.topic,
          });
      }
      return out.sort((a, b) => a.at.getTime() - b.at.getTime()).slice(0, limit);
    },

    deliveries: (targets, limit) => reads.recentDeliveries(targets, limit),

    disabledTargets: () => reads.disabledTargets(),

    async fireTimes(channel, text, count) {
      const now = env.clock.now();
      const zone = await zoneOf(env, targetOf(channel));
      const cron = readDigestCron(env, text, zone, now);
      const times: Date[] = [];
      let after = now;
      while (times.length < Math.min(count, MAX_FIRE_TIMES)) {
        const next = nextFire(cron, after, zone);
        if (!next) break;
        times.push(next);
        after = next;
      }
      return times;
    },

    async explain(channel, articleId): Promise<ArticleExplanation> {
      const target = targetOf(channel);
      const now = env.clock.now();
      const meta = env.library.getMeta(articleId);
      const findings: DeliveryFinding[] = meta ? [] : [{ kind: "unknownArticle" }];
      const [deliveries, given, health, schedules] = await Promise.all([
        reads.deliveriesOfArticle(target, articleId),
        reads.articleGiven(target, articleId),
        store.targetHealth(target),
        store.schedulesOf(target),
      ]);
      findings.push(...deliveries.map(deliveryFinding));
      if (given && !given.shown) findings.push({ kind: "passedOver", deliveryKey: given.deliveryKey });
      if (health?.disabledAt) {
        findings.push({
          kind: "targetDisabled",
          since: new Date(health.disabledAt),
          reason: health.reason ?? "",
        });
      }
      if (meta?.publishAt && Date.parse(meta.publishAt) > now.getTime()) {
        findings.push({ kind: "embargo", until: new Date(meta.publishAt) });
      }
      const posts = schedules.filter((s) => s.kind === "post" && s.articleId === articleId);
      for (const s of posts) {
        findings.push({
          kind: "scheduled",
          scheduleId: s.id,
          runAt: s.runAt ? new Date(s.runAt) : null,
          state: s.state,
          detail: s.stateBy,
        });
      }
      // What follows here: the rest only matters while nothing carries the article to the channel.
      if (!meta || given || deliveries.some((d) => d.state !== "failed" && d.state !== "dropped")) {
        return { target, articleId, title: meta?.title ?? null, findings };
      }
      const keys = articleTopicKeys(meta);
      const configured = env.config.targets.includes(target);
      const digests = schedules.filter((s) => s.kind === "digest" && s.state === "active");
      const subscriptions = await store.subscriptionsOf(target);
      const matches = (topic: string | null) => topic === null || keys.includes(topicKey(topic));
      for (const d of digests.filter((d) => matches(d.topic))) {
        findings.push({
          kind: "nextDigest",
          scheduleId: d.id,
          at: await nextOf(d.cron, target, now),
          topic: d.topic,
        });
      }
      if (configured && env.digestCron) {
        findings.push({ kind: "nextDigest", scheduleId: null, at: configuredNext(now), topic: null });
      }
      const following = subscriptions.filter((s) => keys.includes(s.topicKey));
      if (configured || following.length > 0) {
        // Announcements go to the channels following an article when it first appears, not later.
        const seenAt = await reads.articleSeenAt(articleId);
        const since = configured ? null : (following.map((s) => s.createdAt).sort()[0] ?? null);
        if (seenAt && (since === null || seenAt < since)) {
          findings.push({
            kind: "arrivedBefore",
            seenAt: new Date(seenAt),
            followingSince: since ? new Date(since) : null,
          });
        }
      }
      const topics = [
        ...subscriptions.map((s) => s.topic),
        ...digests.flatMap((d) => (d.topic ? [d.topic] : [])),
      ];
      const digestForAll = digests.some((d) => d.topic === null);
      if (!configured && !digestForAll && following.length === 0 && topics.length > 0) {
        const articleTopics = [meta.category, ...meta.tags].filter((t): t is string => Boolean(t));
        if (!digests.some((d) => matches(d.topic)))
          findings.push({ kind: "topicMismatch", following: topics, articleTopics });
      }
      if (!configured && topics.length === 0 && !digestForAll && posts.length === 0) {
        findings.push({ kind: "nothingAsks" });
      }
      return { target, articleId, title: meta.title, findings };
    },
  };
}

function deliveryFinding(d: Delivery): DeliveryFinding {
  const via = d.kind;
  const key = d.key;
  switch (d.state) {
    case "done":
      return { kind: "delivered", via, deliveryKey: key, at: new Date(d.updatedAt), messageId: d.messageId };
    case "pending":
      return {
        kind: "pending",
        via,
        deliveryKey: key,
        dueAt: new Date(d.dueAt),
        attempts: d.attempts,
        error: d.error,
      };
    case "sending":
      return { kind: "sending", via, deliveryKey: key, attempts: d.attempts };
    case "failed":
      return {
        kind: "failed",
        via,
        deliveryKey: key,
        at: new Date(d.updatedAt),
        attempts: d.attempts,
        error: d.error ?? "",
      };
    default:
      return { kind: "dropped", via, deliveryKey: key, at: new Date(d.updatedAt), error: d.error };
  }
}
