import type { Locale } from "../domain/locale.js";
import type { Actor, ChannelOverview, ScheduleView } from "../domain/schedule.js";
import type { ChannelRef } from "../domain/target.js";
import { UserError } from "./errors.js";

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
