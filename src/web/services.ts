import type { Article, ArticleMeta, TopicCount } from "../domain/article.js";
import type { AuditEntry, TargetHealth } from "../domain/channel.js";
import type { Delivery } from "../domain/delivery.js";
import type { Fact } from "../domain/fact.js";
import type { Reply } from "../domain/reply.js";
import type { ChannelOverview, ScheduleView } from "../domain/schedule.js";
import type { ArticleExplanation, UpcomingPost } from "../domain/scheduling-report.js";
import type { UiLanguage } from "./i18n.js";

/**
 * What the dashboard's pages ask of the bot: the same services the chat commands call (the
 * library, the insights, the scheduling service, the scheduling report), seen through this one
 * interface so that the web never reaches into the store or writes SQL of its own. main.ts builds
 * it from the core (src/dashboard-services.ts); tests pass a fake (tests/unit/web/fake-services.ts).
 *
 * Targets are spelled as everywhere else: "discord:<channel id>", "telegram:<chat id>", "console".
 * Every method that changes something goes through the scheduling service, which validates it and
 * records it in the audit log with the web user as actor; bad input throws its user error, which
 * `explainError` words. `targets` lists, where a method takes one, limit the answer to a reader's
 * channels (null: an operator, every channel).
 */
export interface DashboardServices {
  /** The overview's figures. */
  overview(): Promise<OverviewFigures>;
  /** The channels the bot knows (configured, scheduled, subscribed, set up, or the platform's), with a name to show. */
  targets(): Promise<TargetEntry[]>;
  /** The guild of a Discord channel (from the adapter's cache), null when unknown. */
  guildOfChannel(channelId: string): Promise<string | null>;
  /** The time zone a channel's times are read and shown in (its own, else NEWS_TIMEZONE). */
  timeZoneOf(target: string): Promise<string>;
  /** A channel's settings as /settings shows them (its own or the defaults). */
  settingsOf(target: string): Promise<TargetSettings>;
  /** Changes a channel's settings through the scheduling service. */
  updateSettings(target: string, actor: WebActor, change: Partial<TargetSettings>): Promise<void>;
  /** The words for an error the services threw on bad input, in the reader's language; null when it is not a user error. */
  explainError(error: unknown, language: UiLanguage): string | null;

  /** The same search as /news (the latest first for an empty query): `limit` results from `offset`. */
  searchArticles(query: string, offset: number, limit: number): ArticleMeta[];
  /** An id, else the best match of some words (as /schedule post reads its article), or null. */
  resolveArticle(idOrWords: string): ArticleMeta | null;
  /** The title of a visible or embargoed article, null when the library does not know the id. */
  articleTitle(id: string): string | null;
  /** An article with its summary and key facts (facts null: they could not be worked out in time). */
  article(id: string): Promise<ArticleDetail | null>;
  /** The post the scheduler sends of this article, in `language`: what both previews render. */
  postPreview(id: string, language: UiLanguage): Promise<Reply | null>;
  /** Categories and tags with their article counts (what channels can follow). */
  topics(): { categories: TopicCount[]; tags: TopicCount[] };

  /** A channel's schedules, subscriptions, zone, language, and whether posting there is disabled. */
  channel(target: string): Promise<ChannelOverview>;
  /** A one-off post; `when` is read in the channel's zone ("2025-07-18 09:00"). */
  schedulePost(
    target: string,
    actor: WebActor,
    input: { articleId: string; when: string },
  ): Promise<ScheduleView>;
  /** A digest by cron, read in the channel's zone, on a topic or on everything. */
  scheduleDigest(
    target: string,
    actor: WebActor,
    input: { cron: string; topic?: string },
  ): Promise<ScheduleView>;
  changeSchedule(target: string, actor: WebActor, id: string, action: ScheduleAction): Promise<ScheduleView>;
  /** The next fire times of a cron in the channel's zone; the service's own error when it would refuse it. */
  fireTimes(target: string, cron: string, count: number): Promise<Date[]>;
  subscribe(
    target: string,
    actor: WebActor,
    topic: string,
  ): Promise<{ added: boolean; topic: string; known: boolean }>;
  unsubscribe(target: string, actor: WebActor, topic: string): Promise<{ removed: boolean; topic: string }>;

  /** Posts to come, soonest first. */
  upcoming(targets: readonly string[] | null, limit: number): Promise<UpcomingPost[]>;
  /** Deliveries, most recently changed first. */
  deliveries(targets: readonly string[] | null, limit: number): Promise<Delivery[]>;
  /** Channels posting to is turned off for, with why. */
  disabledTargets(): Promise<TargetHealth[]>;
  /** Why an article was or was not posted in a channel. */
  explain(target: string, articleId: string): Promise<ArticleExplanation>;
  /** The audit log, newest first. */
  audit(targets: readonly string[] | null, limit: number): Promise<AuditEntry[]>;
  /** The content sources, when this build has them; null shows the page as coming. */
  sources(): Promise<SourceEntry[] | null>;
}

export type ScheduleAction = "pause" | "resume" | "cancel";

export interface OverviewFigures {
  articles: number;
}

export interface ArticleDetail {
  article: Article;
  summary: string[];
  facts: Fact[] | null;
}

export interface TargetEntry {
  target: string;
  /** "#news (Example Server)", "Crypto Chat", "console". */
  name: string;
}

export interface TargetSettings {
  timeZone: string;
  language: UiLanguage;
}

/** A content source as the operator's page lists it. */
export interface SourceEntry {
  name: string;
  url: string;
  /** new: never read yet; ok; failing: its last poll failed (backing off); disabled. */
  state: "new" | "ok" | "failing" | "disabled";
  /** What went wrong last, as the fetcher said it (null when the last poll worked). */
  lastError: string | null;
  itemsImported: number;
  lastFetchedAt: Date | null;
  failing: boolean;
}

/** Who changed something from the web, for the audit log: "discord:<user id>" and a display name. */
export interface WebActor {
  id: string;
  name: string;
  language: UiLanguage;
}
