// Over 300 lines on purpose: every method has one shape (validate, one unit of work with its audit entry, wake) and reads best side by side.
import { type AuditEntry, MAX_TOPIC_LENGTH } from "../domain/channel.js";
import type { Locale } from "../domain/locale.js";
import type {
  Actor,
  ChannelOverview,
  Schedule,
  ScheduleState,
  ScheduleView,
  StateReason,
} from "../domain/schedule.js";
import type { SchedulingService } from "../domain/scheduling-service.js";
import { type ChannelRef, targetOf } from "../domain/target.js";
import { UserError } from "../framework/errors.js";
import { formatInstant } from "../framework/format-time.js";
import { nextFire } from "./cron.js";
import { readDigestCron } from "./digest-cron.js";
import { MAX_FILTER_CHARS, readKeywordFilter } from "./keyword-filter.js";
import { parseWhen } from "./parse-when.js";
import { cachedCron, type SchedulerEnv, zoneOf } from "./scheduler-env.js";
import { newShortId, normalizeShortId } from "./short-id.js";
import { canonicalTimeZone } from "./time-zone.js";
import { topicKey } from "./topics.js";

/** A year ahead at most: further is more likely a typo than a plan. */
const MAX_AHEAD_MS = 366 * 86_400_000;
/** A change that lost a race with another (a planner, another moderator) is checked again this often. */
const ATTEMPTS = 3;

/**
 * The moderator side of scheduling (the SchedulingService port). Every method validates first
 * (bad input throws a UserError and changes nothing), then changes the store and the audit log in
 * one unit of work, then wakes the scheduler so new timings apply at once.
 */
export function createSchedulingService(env: SchedulerEnv, wake: () => void): SchedulingService {
  const { store } = env;

  const entry = (channel: ChannelRef, actor: Actor, action: string, detail: Record<string, unknown>) =>
    ({
      at: env.clock.now().toISOString(),
      actorId: actor.id,
      actorName: actor.name,
      target: targetOf(channel),
      action,
      detail,
    }) satisfies AuditEntry;

  const view = async (row: Schedule, zone?: string): Promise<ScheduleView> => {
    const now = env.clock.now();
    const timeZone = zone ?? (await zoneOf(env, row.target));
    let nextRun: Date | null = null;
    if (row.state === "active" && row.kind === "post" && row.runAt) nextRun = new Date(row.runAt);
    if (row.state === "active" && row.kind === "digest" && row.cron) {
      const cron = cachedCron(row.cron);
      nextRun = cron ? nextFire(cron, now, timeZone) : null;
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
      stateReason: row.stateReason,
      stateDetail: row.stateBy,
      stateAt: row.stateAt ? new Date(row.stateAt) : null,
      nextRun,
      timeZone,
      createdBy: row.createdByName,
      createdAt: new Date(row.createdAt),
    };
  };

  /** A schedule of this channel, by the id the user typed. */
  const find = async (channel: ChannelRef, idText: string): Promise<Schedule> => {
    const id = normalizeShortId(idText);
    const row = id ? await store.getSchedule(id) : null;
    if (!row || row.target !== targetOf(channel))
      throw new UserError("schedule.notFound", { id: idText.slice(0, 20) });
    return row;
  };

  /** "Fri 18 Jul 2025, 09:00 (Europe/Paris)" in the actor's language. */
  const when = (actor: Actor, at: Date, zone: string) =>
    `${formatInstant(at, zone, actor.locale ?? env.config.defaultLocale)} (${zone})`;

  const insert = async (
    channel: ChannelRef,
    actor: Actor,
    row: Omit<Schedule, "id" | "createdAt">,
  ): Promise<ScheduleView> => {
    const createdAt = env.clock.now().toISOString();
    const audit = (id: string) =>
      entry(channel, actor, `schedule.${row.kind}`, {
        id,
        articleId: row.articleId,
        runAt: row.runAt,
        cron: row.cron,
        topic: row.topic,
      });
    // An id taken (by this process or another) is simply not written: the next one is tried.
    const id = await newShortId((id) => store.createSchedule({ ...row, id, createdAt }, audit(id)));
    wake();
    return view({ ...row, id, createdAt });
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

  /**
   * Checks a schedule of the channel and moves it to a new state, with its audit entry. `decide`
   * throws when the change does not apply; it runs again if the schedule changed meanwhile.
   */
  const change = async (
    channel: ChannelRef,
    actor: Actor,
    id: string,
    action: string,
    decide: (row: Schedule) => { state: ScheduleState; reason: StateReason | null; lastSlot?: string },
  ): Promise<ScheduleView> => {
    for (let attempt = 1; ; attempt++) {
      const row = await find(channel, id);
      const next = decide(row);
      const at = env.clock.now().toISOString();
      const changed = await store.changeSchedule(
        row.id,
        row.state,
        { ...next, by: next.reason ? actor.name : null, at },
        entry(channel, actor, action, { id: row.id, from: row.state, to: next.state }),
      );
      if (changed || attempt === ATTEMPTS) {
        wake();
        return view((await store.getSchedule(row.id)) ?? row);
      }
    }
  };

  return {
    timeZoneOf: (channel) => zoneOf(env, targetOf(channel)),

    async schedulePost(channel, actor, input) {
      const now = env.clock.now();
      const zone = await zoneOf(env, targetOf(channel));
      const at = typeof input.when === "string" ? parseWhen(input.when, { now, timeZone: zone }) : input.when;
      if (!at) throw new UserError("schedule.badWhen", { when: String(input.when).slice(0, 80) });
      if (at.getTime() <= now.getTime())
        throw new UserError("schedule.pastTime", { time: when(actor, at, zone) });
      if (at.getTime() - now.getTime() > MAX_AHEAD_MS) {
        throw new UserError("schedule.tooFar", { time: when(actor, at, zone) });
      }
      const article = env.library.get(input.articleId);
      if (!article) throw new UserError("schedule.unknownArticle", { query: input.articleId.slice(0, 80) });
      return insert(channel, actor, {
        ...base(channel, actor),
        kind: "post",
        articleId: article.id,
        runAt: at.toISOString(),
        cron: null,
        topic: null,
        lastSlot: null,
      });
    },

    async scheduleDigest(channel, actor, input) {
      const now = env.clock.now();
      const zone = await zoneOf(env, targetOf(channel));
      const cron = readDigestCron(env, input.cron, zone, now);
      const topic = input.topic?.trim() || null;
      if (topic !== null && (topicKey(topic) === "" || topic.length > MAX_TOPIC_LENGTH)) {
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

    async overview(channel): Promise<ChannelOverview> {
      const target = targetOf(channel);
      const [health, settings, rows, subscriptions] = await Promise.all([
        store.targetHealth(target),
        store.channelSettings(target),
        store.schedulesOf(target),
        store.subscriptionsOf(target),
      ]);
      const timeZone = settings.timeZone ?? env.config.timeZone;
      const configured = env.config.targets.includes(target);
      return {
        target,
        timeZone,
        locale: settings.locale ?? env.config.defaultLocale,
        schedules: await Promise.all(rows.map((row) => view(row, timeZone))),
        subscriptions: subscriptions.map(followed),
        disabled: health?.disabledAt
          ? { since: new Date(health.disabledAt), reason: health.reason ?? "" }
          : null,
        configured: configured
          ? { digestCron: env.digestCron?.expression ?? null, timeZone: env.config.timeZone }
          : null,
      };
    },

    cancel(channel, actor, id) {
      return change(channel, actor, id, "schedule.cancel", (row) => {
        if (row.state === "done" || row.state === "cancelled")
          throw new UserError("schedule.finished", { id: row.id });
        return { state: "cancelled", reason: null };
      });
    },

    pause(channel, actor, id) {
      return change(channel, actor, id, "schedule.pause", (row) => {
        if (row.state === "paused") throw new UserError("schedule.alreadyPaused", { id: row.id });
        if (row.state !== "active") throw new UserError("schedule.finished", { id: row.id });
        return { state: "paused", reason: "paused" };
      });
    },

    async resume(channel, actor, id) {
      const row = await find(channel, id);
      const target = targetOf(channel);
      const disabled = Boolean((await store.targetHealth(target))?.disabledAt);
      const retryable = row.state === "failed" && row.kind === "post" && row.stateReason !== "articleRemoved";
      if (row.state !== "paused" && !retryable && !(row.state === "active" && disabled)) {
        throw new UserError(row.state === "active" ? "schedule.notPaused" : "schedule.finished", {
          id: row.id,
        });
      }
      const targetEnabled = disabled
        ? await store.enableTarget(target, entry(channel, actor, "target.enabled", { id: row.id }))
        : false;
      if (row.state === "active") {
        wake();
        return { schedule: await view(row), targetEnabled };
      }
      const schedule = await change(channel, actor, id, "schedule.resume", (current) => {
        if (current.state !== row.state) throw new UserError("schedule.finished", { id: current.id });
        // A resumed digest owes nothing for the time it was paused.
        const lastSlot = current.kind === "digest" ? env.clock.now().toISOString() : undefined;
        return { state: "active", reason: null, lastSlot };
      });
      return { schedule, targetEnabled };
    },

    async subscribe(channel, actor, topicText, filterText) {
      const topic = topicText.trim();
      const key = topicKey(topic);
      if (key === "" || topic.length > MAX_TOPIC_LENGTH) throw new UserError("subscribe.badTopic");
      let filter: string | null = null;
      if (filterText !== undefined && filterText.trim() !== "") {
        const reading = readKeywordFilter(filterText);
        if (!reading.ok)
          throw new UserError("subscribe.badFilter", { problem: reading.problem, max: MAX_FILTER_CHARS });
        filter = reading.text;
      }
      const subscription = {
        target: targetOf(channel),
        topicKey: key,
        topic,
        filter,
        createdById: actor.id,
        createdByName: actor.name,
        createdAt: env.clock.now().toISOString(),
      };
      const audit = entry(channel, actor, "subscribe", filter === null ? { topic } : { topic, filter });
      const added = await store.subscribe(subscription, audit);
      const { categories, tags } = env.library.topics();
      const known = [...categories, ...tags].some((t) => topicKey(t.name) === key);
      return { added, topic, known, filter };
    },

    async unsubscribe(channel, actor, topicText) {
      const topic = topicText.trim();
      const target = targetOf(channel);
      const audit = entry(channel, actor, "unsubscribe", { topic });
      const removed = await store.unsubscribe(target, topicKey(topic), audit);
      const following = (await store.subscriptionsOf(target)).map(followed);
      return { removed, topic, following };
    },

    async setTimeZone(channel, actor, zone) {
      const canonical = canonicalTimeZone(zone);
      if (!canonical) throw new UserError("settings.badTimeZone", { zone: zone.trim().slice(0, 64) });
      const target = targetOf(channel);
      const before = await zoneOf(env, target);
      const audit = entry(channel, actor, "settings.timezone", { from: before, to: canonical });
      await store.updateChannelSettings(target, { timeZone: canonical }, actor.name, audit);
      wake();
      return canonical;
    },

    async setLanguage(channel, actor, locale: Locale) {
      const target = targetOf(channel);
      const before = (await store.channelSettings(target)).locale;
      const audit = entry(channel, actor, "settings.language", { from: before, to: locale });
      await store.updateChannelSettings(target, { locale }, actor.name, audit);
    },
  };
}

/** A followed topic as lists show it: with its keyword filter, if any. */
function followed(s: { topic: string; filter?: string | null }): string {
  return s.filter ? `${s.topic} (${s.filter})` : s.topic;
}
