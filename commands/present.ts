import type { Article, ArticleMatch, ArticleMeta } from "../src/domain/article.js";
import type { Card } from "../src/domain/reply.js";
import type { CommandContext } from "../src/framework/command.js";
import { UserError } from "../src/framework/errors.js";
import { articleCard as card } from "../src/framework/present-article.js";
import type { lookupWords } from "./present.words.js";

type LookupKey = keyof typeof lookupWords.en;

/**
 * What the article commands share. The card itself (fields, buttons, dates) is defined once in
 * src/framework/present-article.ts, for these commands and scheduled posts alike.
 */

/** The "article" option of /article and /facts: an id, or words from the title. */
export const articleOption = {
  name: "article",
  type: "article",
  description: {
    en: "Article id or words from its title",
    fr: "Identifiant de l'article ou mots de son titre",
  },
  required: true,
  maxLength: 500,
} as const;

/** A result card with a summary of `sentences` sentences. */
export async function articleCard(ctx: CommandContext, meta: ArticleMeta, sentences: number): Promise<Card> {
  // A summary computed before is found by the version hash, without reading the whole article.
  const known = meta.hash ? ctx.services.insights.cachedSummary(meta.hash, sentences) : null;
  if (known) return card(ctx, meta, known);
  const article = ctx.services.library.get(meta.id);
  return card(ctx, meta, article ? await ctx.services.insights.summary(article, sentences) : []);
}

/** Resolves an article option (an id or a query) or explains that nothing matched. */
export function requireArticle(ctx: CommandContext<LookupKey>, idOrQuery: string): Article {
  const match = ctx.services.library.resolve(idOrQuery);
  if (!match.article) throw articleMiss(ctx, idOrQuery, match, "error.articleNotFound");
  return match.article;
}

/**
 * Why an article argument named nothing: words that found nothing (`wordsKey`), or an id that no
 * article has, with the closest ids and titles when there are some.
 */
export function articleMiss(
  ctx: CommandContext<LookupKey>,
  idOrQuery: string,
  miss: Extract<ArticleMatch, { article: null }>,
  wordsKey: "error.articleNotFound" | "schedule.unknownArticle",
): UserError {
  const query = idOrQuery.trim().slice(0, 80);
  if (!miss.idShaped) return new UserError(wordsKey, { query });
  if (miss.closest.length === 0) return new UserError("error.noArticleWithId", { id: query });
  const closest = miss.closest.map((c) => ctx.t("error.closestArticle", c)).join("; ");
  return new UserError("error.noArticleWithIdClosest", { id: query, closest });
}
