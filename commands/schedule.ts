import type { Block, Reply } from "../src/domain/reply.js";
import type { ChannelOverview, ScheduleView } from "../src/domain/schedule.js";
import type { CommandContext } from "../src/framework/command.js";
import { defineGroup, defineSubcommand } from "../src/framework/command.js";
import { consumeCron } from "../src/framework/consume-cron.js";
import { formatInstant } from "../src/framework/format-time.js";
import { textReply } from "../src/framework/reply.js";
import { actorOf, requireScheduling } from "../src/framework/require-scheduling.js";
import { articleMiss } from "./present.js";
import { scheduleWords as words } from "./schedule.words.js";
import { topicOption } from "./topic-option.js";

const MAX_LISTED = 25;

const idOption = {
  name: "id",
  type: "string",
  placeholder: { en: "id", fr: "identifiant" },
  description: { en: "Schedule id, from /schedule list", fr: "Identifiant, voir /schedule list" },
  required: true,
  maxLength: 16,
} as const;

const post = defineSubcommand({
  name: "post",
  words,
  description: {
    en: "Post one article here at a given time",
    fr: "Publier un article ici à une heure donnée",
  },
  options: [
    {
      name: "article",
      type: "article",
      description: { en: "Article id or words from its title", fr: "Identifiant ou mots du titre" },
      required: true,
      maxLength: 200,
    },
    {
      name: "when",
      type: "string",
      placeholder: { en: "when", fr: "quand" },
      description: {
        en: "When: in 2h, tomorrow 09:00, 2025-07-18 09:00",
        fr: "Quand : dans 2h, demain 09:00, 2025-07-18 09:00",
      },
      required: true,
      maxLength: 80,
    },
  ] as const,
  async run(ctx, args) {
    const port = requireScheduling(ctx.services);
    const match = ctx.services.library.resolve(args.article);
    if (!match.article) throw articleMiss(ctx, args.article, match, "schedule.unknownArticle");
    const { article } = match;
    const view = await port.schedulePost(ctx.channel, actorOf(ctx), {
      articleId: article.id,
      when: args.when,
    });
    const zone = view.timeZone;
    const time = view.runAt ? `${formatInstant(view.runAt, zone, ctx.locale)} (${zone})` : "";
    // Chosen by a search, not named by its id: the reply says which article it took.
    const params = { id: view.id, title: article.title, article: article.id, time };
    if (match.by === "id") return textReply(ctx.t("schedule.createdPost", params));
    return textReply(ctx.t("schedule.createdPostMatched", { ...params, query: args.article.slice(0, 80) }));
  },
});

const digest = defineSubcommand({
  name: "digest",
  words,
  description: {
    en: "Post a digest of new articles here on a cron schedule",
    fr: "Publier ici un résumé des nouveaux articles selon un horaire cron",
  },
  options: [
    {
      name: "cron",
      type: "string",
      description: {
        en: "Cron, e.g. 0 9 * * 1-5 (09:00 on weekdays)",
        fr: "Cron, ex. 0 9 * * 1-5 (9 h en semaine)",
      },
      required: true,
      maxLength: 120,
      consume: consumeCron,
    },
    {
      ...topicOption,
      description: { en: "Only this category or tag", fr: "Seulement cette catégorie ou ce mot-clé" },
    },
  ] as const,
  async run(ctx, args) {
    const port = requireScheduling(ctx.services);
    const view = await port.scheduleDigest(ctx.channel, actorOf(ctx), { cron: args.cron, topic: args.topic });
    const zone = view.timeZone;
    const params = {
      id: view.id,
      cron: view.cron ?? args.cron,
      topic: view.topic ?? "",
      zone,
      next: view.nextRun ? formatInstant(view.nextRun, zone, ctx.locale) : ctx.t("schedule.never"),
    };
    return textReply(ctx.t(view.topic ? "schedule.createdDigestTopic" : "schedule.createdDigest", params));
  },
});

const list = defineSubcommand({
  name: "list",
  words,
  description: { en: "What is scheduled here", fr: "Ce qui est programmé ici" },
  options: [] as const,
  async run(ctx) {
    return renderOverview(ctx, await requireScheduling(ctx.services).overview(ctx.channel));
  },
});

const cancel = defineSubcommand({
  name: "cancel",
  words,
  description: { en: "Cancel a schedule", fr: "Annuler une programmation" },
  options: [idOption] as const,
  async run(ctx, args) {
    const view = await requireScheduling(ctx.services).cancel(ctx.channel, actorOf(ctx), args.id);
    return textReply(ctx.t("schedule.cancelled", { id: view.id }));
  },
});

const pause = defineSubcommand({
  name: "pause",
  words,
  description: { en: "Pause a schedule", fr: "Mettre une programmation en pause" },
  options: [idOption] as const,
  async run(ctx, args) {
    const view = await requireScheduling(ctx.services).pause(ctx.channel, actorOf(ctx), args.id);
    return textReply(ctx.t("schedule.paused", { id: view.id }));
  },
});

const resume = defineSubcommand({
  name: "resume",
  words,
  description: {
    en: "Resume a paused schedule (and posting here, if it was disabled)",
    fr: "Relancer une programmation (et les publications ici, si elles étaient désactivées)",
  },
  options: [idOption] as const,
  async run(ctx, args) {
    const port = requireScheduling(ctx.services);
    const { schedule, targetEnabled } = await port.resume(ctx.channel, actorOf(ctx), args.id);
    const zone = schedule.timeZone;
    const next = schedule.nextRun
      ? formatInstant(schedule.nextRun, zone, ctx.locale)
      : ctx.t("schedule.never");
    const lines = [ctx.t("schedule.resumed", { id: schedule.id, next })];
    if (targetEnabled) lines.push(ctx.t("schedule.targetEnabled"));
    return textReply(lines.join("\n"));
  },
});

export default defineGroup({
  name: "schedule",
  description: {
    en: "Scheduled posts and digests (moderators)",
    fr: "Publications et résumés programmés (modérateurs)",
  },
  access: "moderator",
  subcommands: [post, digest, list, cancel, pause, resume],
});

type Ctx = CommandContext<keyof typeof words.en>;

function renderOverview(ctx: Ctx, overview: ChannelOverview): Reply {
  const { timeZone } = overview;
  const at = (date: Date) => formatInstant(date, timeZone, ctx.locale);
  const body: Block[] = [];
  if (overview.disabled) {
    const { since, reason } = overview.disabled;
    body.push({ type: "paragraph", text: ctx.t("schedule.channelDisabled", { date: at(since), reason }) });
  }
  if (overview.configured) {
    const { digestCron, timeZone: zone } = overview.configured;
    body.push({
      type: "paragraph",
      text: digestCron
        ? ctx.t("schedule.configured", { cron: digestCron, zone })
        : ctx.t("schedule.configuredNoDigest"),
    });
  }
  if (overview.schedules.length === 0) body.push({ type: "paragraph", text: ctx.t("schedule.listEmpty") });
  for (const view of overview.schedules.slice(0, MAX_LISTED)) {
    body.push({ type: "bullet", text: describe(ctx, view, at, overview.disabled !== null) });
  }
  const language = ctx.t(overview.locale === "fr" ? "settings.language.fr" : "settings.language.en");
  return {
    cards: [
      {
        title: ctx.t("schedule.listTitle"),
        body,
        fields: [
          { name: ctx.t("schedule.fieldTimeZone"), value: timeZone, inline: true },
          { name: ctx.t("schedule.fieldLanguage"), value: language, inline: true },
          {
            name: ctx.t("schedule.fieldSubscriptions"),
            value: overview.subscriptions.join(", ") || ctx.t("schedule.none"),
          },
        ],
      },
    ],
  };
}

function describe(ctx: Ctx, view: ScheduleView, at: (d: Date) => string, disabled: boolean): string {
  const next = view.nextRun ? at(view.nextRun) : "—";
  const line =
    view.kind === "post"
      ? ctx.t("schedule.itemPost", {
          id: view.id,
          title: view.articleTitle ?? view.articleId ?? "?",
          time: view.runAt ? at(view.runAt) : "—",
          by: view.createdBy,
        })
      : ctx.t(view.topic ? "schedule.itemDigestTopic" : "schedule.itemDigest", {
          id: view.id,
          cron: view.cron ?? "",
          topic: view.topic ?? "",
          next,
          by: view.createdBy,
        });
  const state = stateText(ctx, view, at, disabled);
  return state ? `${line} · ${state}` : line;
}

function stateText(ctx: Ctx, view: ScheduleView, at: (d: Date) => string, disabled: boolean): string {
  switch (view.state) {
    case "paused":
      return ctx.t("schedule.statePaused", {
        by: view.stateDetail ?? "?",
        date: view.stateAt ? at(view.stateAt) : "?",
      });
    case "missed":
      return ctx.t("schedule.stateMissed");
    case "failed": {
      const reason =
        view.stateReason === "articleRemoved"
          ? ctx.t("schedule.reasonArticleRemoved")
          : view.stateReason === "targetDisabled"
            ? ctx.t("schedule.reasonTargetDisabled")
            : ctx.t("schedule.reasonSendFailed", { error: view.stateDetail ?? "?" });
      return ctx.t("schedule.stateFailed", { reason });
    }
    default:
      return disabled ? ctx.t("schedule.stateDisabled") : "";
  }
}
