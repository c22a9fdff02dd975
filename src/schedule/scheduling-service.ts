// Over 300 lines on purpose: every method has one shape (validate, write with its audit row, wake) and reads best side by side.

import type { Locale } from "../domain/locale.js";
import type { Actor, ChannelOverview, Schedule, ScheduleView, StateReason } from "../domain/schedule.js";
import type { ChannelRef } from "../domain/target.js";
import { targetOf } from "../domain/target.js";
import { UserError } from "../framework/errors.js";
import type { SchedulingPort } from "../framework/scheduling-port.js";
import { minimumGapMs, nextFire, parseCron } from "./cron.js";
import { formatInstant } from "./render-posts.js";
import { cachedCron, type SchedulerEnv, zoneOf } from "./scheduler-env.js";
import { newShortId, normalizeShortId } from "./short-id.js";
import { canonicalTimeZone } from "./time-zone.js";
import { topicKey } from "./topics.js";

const YEAR_MS = 366 * 86_400_000;
const MAX_TOPIC = 64;

/**
 * The moderator side of scheduling. Every method validates first (bad input throws a UserError
 * and changes nothing), then changes the database and the audit log in one transaction, then
 * wakes the scheduler so new timings apply at once.
 */
export function createSchedulingService(env: SchedulerEnv, wake: () => void): SchedulingPort {
  const { schedules, subscriptions, settings, audit, targets } = env.stores;

  const record = (channel: ChannelRef, actor: Actor, action: string, detail: Record<string, unknown>) =>
    audit.record({
      at: env.clock.now().toISOString(),
      actorId: actor.id,
      actorName: actor.name,
      target: targetOf(channel),
      action,
      detail,
    });

  const view = (row: Schedule): ScheduleView => {
    const now = env.clock.now();
    let nextRun: Date | null = null;
    if (row.state === "active" && row.kind === "post" && row.runAt) nextRun = new Date(row.runAt);
    if (row.state === "active" && row.kind === "digest" && row.cron) {
      const cron = cachedCron(row.cron);
      nextRun = cron ? nextFire(cron, now, zoneOf(env, row.target)) : null;
    }
    const meta = row.articleId
      ? (env.library.getMeta(row.articleId) ?? env.library.get(row.articleId))
      : null;
    return {
      id: row.id,
      kind: row.kind,
      articleId: row.articleId,
      articleTitle: meta?.title ?? null,
      runAt: row.runAt ? new Date(row.runAt) : null,
      cron: row.cron,
      topic: row.topic,
      state: row.state,
      stateReason: row.stateReason as StateReason | null,
      stateDetail: row.stateBy,
      stateAt: row.stateAt ? new Date(row.stateAt) : null,
      nextRun,
      timeZone: zoneOf(env, row.target),
      createdBy: row.createdByName,
      createdAt: new Date(row.createdAt),
    };
  };

  /** A schedule of this channel, by the id the user typed. */
  const find = (channel: ChannelRef, idText: string): Schedule => {
    const id = normalizeShortId(idText);
    const row = id ? schedules.get(id) : null;
    if (!row || row.target !== targetOf(channel))
      throw new UserError("schedule.notFound", { id: idText.slice(0, 20) });
    return row;
  };

  const when = (channel: ChannelRef, at: Date) =>
    formatInstant(at, zoneOf(env, targetOf(channel)), env.config.defaultLocale);

  const insert = (channel: ChannelRef, actor: Actor, row: Omit<Schedule, "id" | "createdAt">) => {
    const now = env.clock.now().toISOString();
    const full: Schedule = { ...row, id: newShortId((id) => schedules.exists(id)), createdAt: now };
    env.db
      .transaction(() => {
        schedules.insert(full);
        record(channel, actor, `schedule.${row.kind}`, {
          id: full.id,
          articleId: row.articleId,
          runAt: row.runAt,
          cron: row.cron,
          topic: row.topic,
        });
      })
      .immediate();
    wake();
    return view(full);
  };

  const base = (channel: ChannelRef, actor: Actor) => ({
    target: targetOf(channel),
    state: "active" as const,
    stateReason: null,
    stateBy: null,
    stateAt: null,
    createdById: actor.id,
    createdByName: actor.name,
  });

  const setState = (
    channel: ChannelRef,
    actor: Actor,
    row: Schedule,
    change: { state: Schedule["state"]; reason: StateReason | null; lastSlot?: string },
    action: string,
  ) => {
    const now = env.clock.now().toISOString();
    env.db
      .transaction(() => {
        schedules.setState(row.id, change.state, change.reason, change.reason ? actor.name : null, now);
        if (change.lastSlot) schedules.setLastSlot(row.id, change.lastSlot);
        record(channel, actor, action, { id: row.id, from: row.state, to: change.state });
      })
      .immediate();
    wake();
    return view(schedules.get(row.id) ?? row);
  };

  return {
    timeZoneOf: (channel) => zoneOf(env, targetOf(channel)),
    localeOf: (channel) => settings.get(targetOf(channel)).locale,

    schedulePost(channel, actor, input) {
      const now = env.clock.now();
      if (input.runAt.getTime() <= now.getTime()) {
        throw new UserError("schedule.pastTime", { time: when(channel, input.runAt) });
      }
      if (input.runAt.getTime() - now.getTime() > YEAR_MS) {
        throw new UserError("schedule.tooFar", { time: when(channel, input.runAt) });
      }
      const article = env.library.get(input.articleId);
      if (!article) throw new UserError("schedule.unknownArticle", { query: input.articleId.slice(0, 80) });
      return insert(channel, actor, {
        ...base(channel, actor),
        kind: "post",
        articleId: article.id,
        runAt: input.runAt.toISOString(),
        cron: null,
        topic: null,
        lastSlot: null,
      });
    },

    scheduleDigest(channel, actor, input) {
      const shown = input.cron.trim().slice(0, 80);
      const cron = parseCron(input.cron);
      if (!cron) throw new UserError("schedule.badCron", { cron: shown });
      const now = env.clock.now();
      const zone = zoneOf(env, targetOf(channel));
      if (!nextFire(cron, now, zone)) throw new UserError("schedule.neverFires", { cron: shown });
      // The gap between consecutive fire times over a year, DST days included, not the syntax.
      const gap = minimumGapMs(cron, zone, now, 400, env.tuning.minDigestGapMs);
      if (gap < env.tuning.minDigestGapMs) {
        throw new UserError("schedule.tooFrequent", { cron: shown, gap: formatGap(gap) });
      }
      const topic = input.topic?.trim() || null;
      if (topic !== null && (topicKey(topic) === "" || topic.length > MAX_TOPIC)) {
        throw new UserError("subscribe.badTopic");
      }
      return insert(channel, actor, {
        ...base(channel, actor),
        kind: "digest",
        articleId: null,
        runAt: null,
        cron: cron.expression,
        topic,
        // Slots from now on: a new digest owes nothing for the past.
        lastSlot: now.toISOString(),
      });
    },

    overview(channel): ChannelOverview {
      const target = targetOf(channel);
      const health = targets.get(target);
      const configured = env.config.targets.includes(target);
      return {
        target,
        timeZone: zoneOf(env, target),
        locale: settings.get(target).locale ?? env.config.defaultLocale,
        schedules: schedules.listForTarget(target).map(view),
        subscriptions: subscriptions.forTarget(target).map((s) => s.topic),
        disabled: health?.disabledAt
          ? { since: new Date(health.disabledAt), reason: health.reason ?? "" }
          : null,
        configured: configured
          ? { digestCron: env.digestCron?.expression ?? null, timeZone: env.config.timeZone }
          : null,
      };
    },

    cancel(channel, actor, id) {
      const row = find(channel, id);
      if (row.state === "done" || row.state === "cancelled")
        throw new UserError("schedule.finished", { id: row.id });
      return setState(channel, actor, row, { state: "cancelled", reason: null }, "schedule.cancel");
    },

    pause(channel, actor, id) {
      const row = find(channel, id);
      if (row.state === "paused") throw new UserError("schedule.alreadyPaused", { id: row.id });
      if (row.state !== "active") throw new UserError("schedule.finished", { id: row.id });
      return setState(channel, actor, row, { state: "paused", reason: "paused" }, "schedule.pause");
    },

    resume(channel, actor, id) {
      const row = find(channel, id);
      const target = targetOf(channel);
      const disabled = targets.isDisabled(target);
      const retryable = row.state === "failed" && row.kind === "post" && row.stateReason !== "articleRemoved";
      if (row.state !== "paused" && !retryable && !(row.state === "active" && disabled)) {
        throw new UserError(row.state === "active" ? "schedule.notPaused" : "schedule.finished", {
          id: row.id,
        });
      }
      let targetEnabled = false;
      if (disabled) {
        env.db
          .transaction(() => {
            targetEnabled = targets.enable(target);
            record(channel, actor, "target.enabled", { id: row.id });
          })
          .immediate();
      }
      if (row.state === "active") {
        wake();
        return { schedule: view(row), targetEnabled };
      }
      // A resumed digest owes nothing for the time it was paused.
      const lastSlot = row.kind === "digest" ? env.clock.now().toISOString() : undefined;
      const schedule = setState(
        channel,
        actor,
        row,
        { state: "active", reason: null, lastSlot },
        "schedule.resume",
      );
      return { schedule, targetEnabled };
    },

    subscribe(channel, actor, topicText) {
      const topic = topicText.trim();
      const key = topicKey(topic);
      if (key === "" || topic.length > MAX_TOPIC) throw new UserError("subscribe.badTopic");
      const now = env.clock.now().toISOString();
      let added = false;
      env.db
        .transaction(() => {
          added = subscriptions.add({
            target: targetOf(channel),
            topicKey: key,
            topic,
            createdById: actor.id,
            createdByName: actor.name,
            createdAt: now,
          });
          if (added) record(channel, actor, "subscribe", { topic });
        })
        .immediate();
      const { categories, tags } = env.library.topics();
      const known = [...categories, ...tags].some((t) => topicKey(t.name) === key);
      return { added, topic, known };
    },

    unsubscribe(channel, actor, topicText) {
      const topic = topicText.trim();
      const target = targetOf(channel);
      let removed = false;
      env.db
        .transaction(() => {
          removed = subscriptions.remove(target, topicKey(topic));
          if (removed) record(channel, actor, "unsubscribe", { topic });
        })
        .immediate();
      return { removed, topic, following: subscriptions.forTarget(target).map((s) => s.topic) };
    },

    setTimeZone(channel, actor, zone) {
      const canonical = canonicalTimeZone(zone);
      if (!canonical) throw new UserError("settings.badTimeZone", { zone: zone.trim().slice(0, 64) });
      const target = targetOf(channel);
      const before = zoneOf(env, target);
      env.db
        .transaction(() => {
          settings.setTimeZone(target, canonical, actor.name, env.clock.now().toISOString());
          record(channel, actor, "settings.timezone", { from: before, to: canonical });
        })
        .immediate();
      wake();
      return canonical;
    },

    setLanguage(channel, actor, locale: Locale) {
      const target = targetOf(channel);
      const before = settings.get(target).locale;
      env.db
        .transaction(() => {
          settings.setLocale(target, locale, actor.name, env.clock.now().toISOString());
          record(channel, actor, "settings.language", { from: before, to: locale });
        })
        .immediate();
    },
  };
}

/** "2 min", "30 s": how often a rejected cron would fire. */
function formatGap(ms: number): string {
  return ms >= 60_000 ? `${Math.round(ms / 60_000)} min` : `${Math.max(1, Math.round(ms / 1000))} s`;
}
