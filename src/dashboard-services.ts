import type { Core } from "./core.js";
import type { Actor } from "./domain/schedule.js";
import type { SchedulingReport } from "./domain/scheduling-report.js";
import type { SchedulingService } from "./domain/scheduling-service.js";
import { type ChannelRef, type PlatformName, parseTarget, targetOf } from "./domain/target.js";
import { UserError } from "./framework/errors.js";
import { sharedWords } from "./framework/messages.js";
import type { Platform, PlatformDirectory } from "./framework/platform.js";
import { type WordBook, wordsTranslator } from "./framework/words.js";
import { renderDelivery } from "./schedule/render-posts.js";
import type { DashboardServices, TargetEntry, WebActor } from "./web/services.js";

/** Summary sentences on an article's page: as many as a post shows. */
const SUMMARY_SENTENCES = 3;

/**
 * Wiring: the dashboard's services (src/web/services.ts) from the core the commands use. Reads go
 * to the library, the insights and the scheduling report; changes go through the scheduling
 * service with the web user as actor, so the web has the chat commands' checks and audit log.
 * Channel names and who manages what come from the running platforms' directories.
 */
export function createDashboardServices(
  core: Core,
  platforms: readonly Platform[],
  announceTargets: readonly string[],
): DashboardServices {
  const { library } = core;
  const { insights } = core.services;
  const scheduling = (): SchedulingService => {
    const port = core.services.scheduling;
    if (!port) throw new UserError("schedule.unavailable");
    return port;
  };
  const report = (): SchedulingReport => {
    const found = core.scheduler?.report;
    if (!found) throw new UserError("schedule.unavailable");
    return found;
  };
  const directories = new Map<PlatformName, PlatformDirectory>(
    platforms.flatMap((p) => (p.directory ? [[p.platform, p.directory] as const] : [])),
  );
  const channel = (target: string): ChannelRef => {
    const ref = parseTarget(target);
    if (!ref) throw new UserError("schedule.unavailable");
    return ref;
  };
  const actor = (web: WebActor): Actor => ({ id: web.id, name: web.name, locale: web.language });
  const books: WordBook<string>[] = [...core.commands.values()].flatMap((command) => [
    ...(command.subcommands ?? []).flatMap((leaf) => (leaf.words ? [leaf.words] : [])),
    ...(command.words ? [command.words] : []),
  ]);

  const nameOf = async (target: string): Promise<string> => {
    const ref = parseTarget(target);
    if (!ref) return target;
    if (ref.platform === "console") return "console";
    return (await directories.get(ref.platform)?.nameOf?.(ref.id)) ?? target;
  };

  return {
    async overview() {
      return { articles: library.count() };
    },

    async targets() {
      const known = new Set<string>([...(await core.dashboard.reads.knownTargets()), ...announceTargets]);
      if (directories.has("console")) known.add("console");
      const entries: TargetEntry[] = [];
      for (const [platform, directory] of directories) {
        for (const c of directory.channels?.() ?? []) {
          const target = targetOf({ platform, id: c.id });
          known.delete(target);
          entries.push({ target, name: c.name });
        }
      }
      for (const target of known) entries.push({ target, name: await nameOf(target) });
      return entries.sort((a, b) => a.name.localeCompare(b.name));
    },

    async guildOfChannel(channelId) {
      return directories.get("discord")?.guildOf?.(channelId) ?? null;
    },

    timeZoneOf: (target) => scheduling().timeZoneOf(channel(target)),

    async settingsOf(target) {
      const overview = await scheduling().overview(channel(target));
      return { timeZone: overview.timeZone, language: overview.locale };
    },

    async updateSettings(target, web, change) {
      const ref = channel(target);
      const before = await scheduling().overview(ref);
      // Only what changed: every change is an audit entry.
      if (change.timeZone !== undefined && change.timeZone !== before.timeZone) {
        await scheduling().setTimeZone(ref, actor(web), change.timeZone);
      }
      if (change.language !== undefined && change.language !== before.locale) {
        await scheduling().setLanguage(ref, actor(web), change.language);
      }
    },

    explainError(error, language) {
      if (!(error instanceof UserError)) return null;
      return wordsTranslator([...books, sharedWords], language)(error.code, error.params);
    },

    searchArticles(query, offset, limit) {
      const text = query.trim();
      const found = text === "" ? library.latest(offset + limit) : library.search(text, offset + limit);
      return found.slice(offset);
    },

    resolveArticle(idOrWords) {
      const text = idOrWords.trim();
      if (text === "") return null;
      const match = library.resolve(text);
      return match.article;
    },

    articleTitle: (id) => library.getMeta(id)?.title ?? null,

    async article(id) {
      const article = library.get(id);
      if (!article) return null;
      const [summary, facts] = await Promise.all([
        insights.summary(article, SUMMARY_SENTENCES),
        insights.facts(article),
      ]);
      return { article, summary, facts };
    },

    async postPreview(id, language) {
      const article = library.get(id);
      if (!article) return null;
      return renderDelivery("post", { articles: [id] }, [article], insights, language);
    },

    topics: () => library.topics(),

    channel: (target) => scheduling().overview(channel(target)),
    schedulePost: (target, web, input) => scheduling().schedulePost(channel(target), actor(web), input),
    scheduleDigest: (target, web, input) => scheduling().scheduleDigest(channel(target), actor(web), input),
    async changeSchedule(target, web, id, action) {
      const ref = channel(target);
      if (action === "pause") return scheduling().pause(ref, actor(web), id);
      if (action === "cancel") return scheduling().cancel(ref, actor(web), id);
      return (await scheduling().resume(ref, actor(web), id)).schedule;
    },
    fireTimes: (target, cron, count) => report().fireTimes(channel(target), cron, count),
    subscribe: (target, web, topic) => scheduling().subscribe(channel(target), actor(web), topic),
    unsubscribe: (target, web, topic) => scheduling().unsubscribe(channel(target), actor(web), topic),

    upcoming: (targets, limit) => report().upcoming(targets, limit),
    deliveries: (targets, limit) => report().deliveries(targets, limit),
    disabledTargets: () => report().disabledTargets(),
    explain: (target, articleId) => report().explain(channel(target), articleId),
    audit: (targets, limit) => core.dashboard.reads.auditOf(targets, limit),
    // Null (the page says they are coming) only where no sources runner exists (the CLI).
    async sources() {
      const service = core.services.sources;
      if (!service) return null;
      const { sources } = await service.overview();
      return sources.map((s) => ({
        name: s.name,
        url: s.url,
        state: s.state,
        lastError: s.lastError,
        itemsImported: s.itemsImported,
        lastFetchedAt: s.lastFetchAt,
        failing: s.state === "failing" || s.state === "disabled",
      }));
    },
  };
}
