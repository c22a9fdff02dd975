/**
 * BENCH VARIANT of /news and its card (commands/news.ts, and formatDate, metaFields, articleButtons
 * and articleCard, now in src/framework/present-article.ts), self-contained so the measurement
 * survives those files moving, to measure a proposed fix: formatDate builds a new
 * Intl.DateTimeFormat for every card (7% of the handler's profile); one per locale is enough.
 */

import news from "../../commands/news.js";
import type { Command, CommandContext } from "../../src/framework/command.js";
import type { ArticleMeta } from "../../src/framework/ports.js";
import type { Button, Card, Field } from "../../src/framework/reply.js";

function articleButtons(ctx: Pick<CommandContext, "t">, id: string): Button[] {
  return [
    { label: ctx.t("button.fullText"), action: { command: "article", args: { article: id } } },
    { label: ctx.t("button.keyFacts"), action: { command: "facts", args: { article: id } } },
  ];
}

const DAY_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** One formatter per locale: building an Intl.DateTimeFormat costs far more than using one. */
function dayFormat(locale: string): Intl.DateTimeFormat {
  const key = locale === "fr" ? "fr-FR" : "en-GB";
  let format = DAY_FORMATS.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(key, {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    DAY_FORMATS.set(key, format);
  }
  return format;
}

export function formatDate(iso: string | null, locale: string): string | null {
  if (!iso) return null;
  const day = /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0];
  if (!day) return iso;
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return dayFormat(locale).format(date);
}

function metaFields(ctx: Pick<CommandContext, "t" | "locale">, meta: ArticleMeta): Field[] {
  const fields: Field[] = [
    {
      name: ctx.t("field.date"),
      value: formatDate(meta.date, ctx.locale) ?? ctx.t("field.undated"),
      inline: true,
    },
  ];
  if (meta.category) fields.push({ name: ctx.t("field.category"), value: meta.category, inline: true });
  return fields;
}

function articleCard(ctx: CommandContext, meta: ArticleMeta, sentences: number): Card {
  const article = ctx.services.library.get(meta.id);
  const summary = article ? ctx.services.insights.summary(article, sentences).join(" ") : "";
  return {
    title: meta.title,
    url: meta.source,
    fields: metaFields(ctx, meta),
    body: summary ? [{ type: "paragraph", text: summary }] : [],
    footer: meta.id,
    buttons: articleButtons(ctx, meta.id),
  };
}

const MAX_RESULTS = 5;

/** /news as in commands/news.ts, with the cards above. */
export const variantNews: Command = {
  ...news,
  run(ctx, args) {
    const { library } = ctx.services;
    const text = typeof args.query === "string" ? args.query.trim() : "";
    const results = text === "" ? library.latest(MAX_RESULTS) : library.search(text, MAX_RESULTS);
    if (results.length === 0) {
      return {
        text: text === "" ? ctx.t("news.empty") : ctx.t("news.nothingFound", { query: text }),
        cards: [],
      };
    }
    return {
      text: text === "" ? ctx.t("news.latest") : ctx.t("news.results", { query: text }),
      cards: results.map((meta) => articleCard(ctx, meta, 1)),
    };
  },
};
