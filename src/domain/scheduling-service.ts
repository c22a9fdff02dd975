import type { Locale } from "./locale.js";
import type { Actor, ChannelOverview, ScheduleView } from "./schedule.js";
import type { ChannelRef } from "./target.js";

/**
 * What moderators ask of the scheduler, from the chat commands (/schedule, /subscribe,
 * /unsubscribe, /settings) or any other door (a dashboard). src/schedule/scheduling-service.ts
 * implements it. It validates everything once: bad input throws a UserError (a message code and
 * its parameters, turned into words at the edge) and changes nothing. Every change is
 * recorded in the audit log with it, and applies to the running scheduler at once. Ids are per
 * database, but a channel only sees and changes its own schedules.
 */
export interface SchedulingService {
  /** The channel's /settings timezone, else NEWS_TIMEZONE. */
  timeZoneOf(channel: ChannelRef): Promise<string>;
  /**
   * A one-off post of an article. `when` is an instant, or what the moderator typed ("in 2h",
   * "tomorrow 09:00", "2025-07-18 09:00"), read in the channel's zone; it must be to come, and at
   * most a year ahead.
   */
  schedulePost(
    channel: ChannelRef,
    actor: Actor,
    input: { articleId: string; when: Date | string },
  ): Promise<ScheduleView>;
  /** A recurring digest (cron read in the channel's zone, at most every 5 minutes), on a topic or all. */
  scheduleDigest(
    channel: ChannelRef,
    actor: Actor,
    input: { cron: string; topic?: string },
  ): Promise<ScheduleView>;
  overview(channel: ChannelRef): Promise<ChannelOverview>;
  cancel(channel: ChannelRef, actor: Actor, id: string): Promise<ScheduleView>;
  pause(channel: ChannelRef, actor: Actor, id: string): Promise<ScheduleView>;
  /** Also re-enables posting to the channel if it had been disabled. */
  resume(
    channel: ChannelRef,
    actor: Actor,
    id: string,
  ): Promise<{ schedule: ScheduleView; targetEnabled: boolean }>;
  /**
   * Follows a topic here, optionally through a keyword filter (`-etf "el salvador"`: words and
   * quoted phrases that must appear, `-` ones that must not; ADR 0113). Following a topic again
   * with another filter (or none) replaces the filter. `filter` comes back normalised, or null.
   */
  subscribe(
    channel: ChannelRef,
    actor: Actor,
    topic: string,
    filter?: string,
  ): Promise<{ added: boolean; topic: string; known: boolean; filter: string | null }>;
  unsubscribe(
    channel: ChannelRef,
    actor: Actor,
    topic: string,
  ): Promise<{ removed: boolean; topic: string; following: string[] }>;
  /** Returns the zone's canonical name. */
  setTimeZone(channel: ChannelRef, actor: Actor, zone: string): Promise<string>;
  /** The language of posts to the channel. */
  setLanguage(channel: ChannelRef, actor: Actor, locale: Locale): Promise<void>;
}
