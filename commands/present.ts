import type { Article } from "../src/content/article.js";
import type { CommandContext } from "../src/framework/command.js";
import { UserError } from "../src/framework/errors.js";
import type { ArticleMeta } from "../src/framework/ports.js";
import type { Button, Card, Field } from "../src/framework/reply.js";

/**
 * How articles look in replies, shared by the commands that list them (/news, /latest) and
 * by scheduled posts: one card per article, summary as body, date and category as fields.
 */

export function metaFields(ctx: Pick<CommandContext, "t" | "locale">, meta: ArticleMeta): Field[] {
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

export function articleButtons(ctx: Pick<CommandContext, "t">, id: string): Button[] {
  return [
    { label: ctx.t("button.fullText"), action: { command: "article", args: { article: id } } },
    { label: ctx.t("button.keyFacts"), action: { command: "facts", args: { article: id } } },
  ];
}

/** A result card: title, link, date and category, the summary, and the two buttons. */
export function articleCard(ctx: CommandContext, meta: ArticleMeta, sentences: number): Card {
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

/** Resolves an article option (an id or a query) or explains that nothing matched. */
export function requireArticle(ctx: CommandContext, idOrQuery: string): Article {
  const article = ctx.services.library.resolve(idOrQuery);
  if (!article) throw new UserError("error.articleNotFound", { query: idOrQuery.slice(0, 80) });
  return article;
}

/** "17 July 2025" / "17 juillet 2025"; ISO date-times keep their day only. */
export function formatDate(iso: string | null, locale: string): string | null {
  if (!iso) return null;
  const day = /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0];
  if (!day) return iso;
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
}
