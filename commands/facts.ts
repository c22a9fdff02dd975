import { FACT_KINDS, type Fact } from "../src/domain/fact.js";
import type { Locale } from "../src/domain/locale.js";
import type { Block } from "../src/domain/reply.js";
import { defineCommand } from "../src/framework/command.js";
import { formatDay, formatMonth } from "../src/framework/format-time.js";
import { mergeWords, type Translate } from "../src/framework/words.js";
import { factsWords } from "./facts.words.js";
import { articleOption, requireArticle } from "./present.js";
import { lookupWords } from "./present.words.js";

export default defineCommand({
  name: "facts",
  description: { en: "The key facts of an article", fr: "Les points clés d'un article" },
  access: "everyone",
  words: mergeWords(factsWords, lookupWords),
  options: [articleOption] as const,
  async run(ctx, args) {
    const article = requireArticle(ctx, args.article);
    // Null: the facts could not be worked out (too long or too odd to analyse in time).
    const facts = await ctx.services.insights.facts(article);
    const body: Block[] = [];
    for (const kind of FACT_KINDS) {
      const ofKind = (facts ?? []).filter((f) => f.kind === kind);
      if (ofKind.length === 0) continue;
      body.push({ type: "heading", text: ctx.t(`facts.${kind}`) });
      for (const fact of ofKind) body.push({ type: "bullet", text: factLine(ctx, fact) });
    }
    if (body.length === 0)
      body.push({ type: "paragraph", text: ctx.t(facts === null ? "facts.unavailable" : "facts.none") });
    return {
      cards: [
        {
          title: ctx.t("facts.title", { title: article.title }),
          url: article.source,
          body,
          footer: article.id,
        },
      ],
      buttons: [
        { label: ctx.t("button.fullText"), action: { command: "article", args: { article: article.id } } },
      ],
    };
  },
});

type FactsKey = keyof typeof factsWords.en;
/** What a fact's line needs: the facts' own words and the reader's language. */
type FactsContext = { t: Translate<FactsKey>; locale: Locale };

/** A fact as a line: the article's words, then in brackets what helps beside them, if anything. */
export function factLine(ctx: FactsContext, fact: Fact): string {
  const label = factLabel(ctx, fact);
  return label ? `${fact.text} (${label})` : fact.text;
}

/**
 * The bracket after a fact, in the reader's language: what kind of event it was (none when the
 * extractor could not tell, src/news/facts/events.ts), the day or month a relative date resolves to
 * ("jeudi" -> 17 July 2025; none when the text already says its year), a person's role and an
 * organisation's other name as the article wrote them. A quantity's normal form repeats its text.
 */
function factLabel(ctx: FactsContext, fact: Fact): string | null {
  const detail = fact.detail;
  if (!detail || detail === fact.text) return null;
  switch (fact.kind) {
    case "quantity":
      return null;
    case "event": {
      const key = `event.${detail}`;
      return key in factsWords.en ? ctx.t(key as FactsKey) : null;
    }
    case "date":
      return /\d{4}/.test(fact.text) ? null : dateLabel(ctx, detail);
    default:
      return detail;
  }
}

/** A resolved date (an ISO day, month, year, quarter, half or week) as the reader says it. */
function dateLabel(ctx: FactsContext, detail: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(detail)) return formatDay(detail, ctx.locale);
  if (/^\d{4}-\d{2}$/.test(detail)) return formatMonth(detail, ctx.locale);
  if (/^\d{4}$/.test(detail)) return detail;
  const [year, part] = detail.split("-");
  const n = Number(part?.slice(1));
  if (part?.startsWith("Q")) return ctx.t("facts.quarter", { quarter: n, year: year ?? "" });
  if (part?.startsWith("H")) return ctx.t("facts.half", { half: n, year: year ?? "" });
  if (part?.startsWith("W")) return ctx.t("facts.week", { week: n, year: year ?? "" });
  return null;
}
