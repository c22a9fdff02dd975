import type { Block } from "../src/domain/reply.js";
import type { SourceStatus } from "../src/domain/sources.js";
import { type CommandContext, defineCommand } from "../src/framework/command.js";
import { formatInstant } from "../src/framework/format-time.js";
import { textReply } from "../src/framework/reply.js";
import { sourcesWords } from "./sources.words.js";

/** Sources listed in one answer; a reply has room for about this many with their details. */
const MAX_LISTED = 15;
const MAX_ERROR = 200;

type Ctx = CommandContext<keyof typeof sourcesWords.en>;

export default defineCommand({
  name: "sources",
  description: {
    en: "The feeds and pages articles come from, and how each is doing (moderators)",
    fr: "Les flux et pages d’où viennent les articles, et l’état de chacun (modérateurs)",
  },
  access: "moderator",
  words: sourcesWords,
  options: [] as const,
  async run(ctx) {
    const service = ctx.services.sources;
    if (!service) return textReply(ctx.t("sources.unavailable"), { private: true });
    const overview = await service.overview();
    const zone = (await ctx.services.scheduling?.timeZoneOf(ctx.channel)) ?? "UTC";
    const at = (date: Date) => `${formatInstant(date, zone, ctx.locale)} (${zone})`;
    const body: Block[] = [];
    const [first] = overview.problems;
    if (first) {
      const said =
        first.line === null
          ? first.message
          : ctx.t("sources.problemAt", { line: first.line, message: first.message });
      body.push({
        type: "paragraph",
        text: ctx.t("sources.problems", {
          count: overview.problems.length,
          file: overview.file,
          first: said,
        }),
      });
    }
    if (overview.sources.length === 0)
      body.push({ type: "paragraph", text: ctx.t("sources.none", { file: overview.file }) });
    for (const source of overview.sources.slice(0, MAX_LISTED)) body.push(...describe(ctx, source, at));
    const more = overview.sources.length - MAX_LISTED;
    return {
      cards: [{ title: ctx.t("sources.title", { count: overview.sources.length }), body }],
      footer: more > 0 ? ctx.t("sources.more", { count: more }) : undefined,
    };
  },
});

function describe(ctx: Ctx, source: SourceStatus, at: (date: Date) => string): Block[] {
  const blocks: Block[] = [
    {
      type: "heading",
      text: ctx.t("sources.heading", {
        name: source.name,
        state: ctx.t("sources.state", { state: source.state }),
      }),
    },
    {
      type: "paragraph",
      text: `${source.url} · ${ctx.t("sources.every", { minutes: Math.round(source.intervalMs / 60_000) })}`,
    },
  ];
  const fetched = ctx.t("sources.lastFetch", {
    time: source.lastFetchAt ? at(source.lastFetchAt) : ctx.t("sources.never"),
  });
  const success =
    source.state === "failing" || source.state === "disabled"
      ? ` · ${ctx.t("sources.lastSuccess", { time: source.lastSuccessAt ? at(source.lastSuccessAt) : ctx.t("sources.never") })}`
      : "";
  blocks.push({ type: "bullet", text: `${fetched}${success}` });
  blocks.push({ type: "bullet", text: ctx.t("sources.items", { count: source.itemsImported }) });
  if (source.state === "disabled" && source.disabledAt) {
    blocks.push({ type: "bullet", text: ctx.t("sources.disabled", { time: at(source.disabledAt) }) });
  } else if (source.state === "failing") {
    const time = source.nextPollAt ? at(source.nextPollAt) : "—";
    blocks.push({
      type: "bullet",
      text: ctx.t("sources.failing", { count: source.consecutiveFailures, time }),
    });
  }
  if (source.lastError) {
    const error =
      source.lastError.length > MAX_ERROR ? `${source.lastError.slice(0, MAX_ERROR)}…` : source.lastError;
    blocks.push({ type: "bullet", text: ctx.t("sources.error", { error }) });
  }
  return blocks;
}
