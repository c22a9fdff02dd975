import type { ChannelRef } from "./command.js";
import { UserError } from "./errors.js";
import type { Locale } from "./locale.js";

/**
 * What commands ask of the scheduler, defined here so that the framework (and the commands) do
 * not depend on src/schedule; src/schedule implements it.
 */

export type ScheduleKind = "post" | "digest";
export type ScheduleState = "active" | "paused" | "done" | "cancelled" | "failed" | "missed";

/** Who made a change, for the audit log and /schedule list. */
export interface Actor {
  id: string;
  name: string;
}

/** Why a schedule is not running, as stored; the commands turn it into words. */
export type StateReason = "paused" | "articleRemoved" | "targetDisabled" | "sendFailed" | "missed";

export interface ScheduleView {
  id: string;
  kind: ScheduleKind;
  articleId: string | null;
  articleTitle: string | null;
  runAt: Date | null;
  cron: string | null;
  topic: string | null;
  state: ScheduleState;
  stateReason: StateReason | null;
  /** Who paused it, or the error text of a failed send. */
  stateDetail: string | null;
  stateAt: Date | null;
  /** The next time it will post, or null (paused, done, never). */
  nextRun: Date | null;
  createdBy: string;
  createdAt: Date;
}

/** Everything /schedule list shows about one channel. */
export interface ChannelOverview {
  target: string;
  timeZone: string;
  locale: Locale;
  schedules: ScheduleView[];
  subscriptions: string[];
  /** Set when posting here failed permanently and was turned off. */
  disabled: { since: Date; reason: string } | null;
  /** The channel is in ANNOUNCE_TARGETS: every new article, and the configured digest if any. */
  configured: { digestCron: string | null; timeZone: string } | null;
}

/**
 * What the moderator commands (/schedule, /subscribe, /unsubscribe, /settings) ask of the
 * scheduler. Every change is checked (bad input throws UserError and changes nothing) and
 * recorded in the audit log. Ids are per database, but a channel only sees its own.
 */
export interface SchedulingPort {
  /** The channel's /settings timezone, else NEWS_TIMEZONE. */
  timeZoneOf(channel: ChannelRef): string;
  /** The channel's /settings language, or null for the default (adapters may use it). */
  localeOf(channel: ChannelRef): Locale | null;
  schedulePost(channel: ChannelRef, actor: Actor, input: { articleId: string; runAt: Date }): ScheduleView;
  scheduleDigest(channel: ChannelRef, actor: Actor, input: { cron: string; topic?: string }): ScheduleView;
  overview(channel: ChannelRef): ChannelOverview;
  cancel(channel: ChannelRef, actor: Actor, id: string): ScheduleView;
  pause(channel: ChannelRef, actor: Actor, id: string): ScheduleView;
  /** Also re-enables posting to the channel if it had been disabled. */
  resume(channel: ChannelRef, actor: Actor, id: string): { schedule: ScheduleView; targetEnabled: boolean };
  subscribe(
    channel: ChannelRef,
    actor: Actor,
    topic: string,
  ): { added: boolean; topic: string; known: boolean };
  unsubscribe(
    channel: ChannelRef,
    actor: Actor,
    topic: string,
  ): { removed: boolean; topic: string; following: string[] };
  setTimeZone(channel: ChannelRef, actor: Actor, zone: string): string;
  setLanguage(channel: ChannelRef, actor: Actor, locale: Locale): void;
}

/** The port, or a clear "not available here" (the CLI runs without a scheduler). */
export function requireScheduling(services: { scheduling?: SchedulingPort }): SchedulingPort {
  if (!services.scheduling) throw new UserError("schedule.unavailable");
  return services.scheduling;
}

/** Who runs a command, as the audit log records them. */
export function actorOf(ctx: { user: { id: string; name: string } }): Actor {
  return { id: ctx.user.id, name: ctx.user.name };
}
