import { FACT_KINDS } from "../src/domain/fact.js";
import type { Block } from "../src/domain/reply.js";
import { defineCommand } from "../src/framework/command.js";
import { articleOption, requireArticle } from "./present.js";

export default defineCommand({
  name: "facts",
  description: { en: "The key facts of an article", fr: "Les points clés d'un article" },
  access: "everyone",
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
      for (const fact of ofKind) {
        // A normalised quantity ("2000 MW") repeats the text; a resolved date ("jeudi" -> 2025-07-17) helps.
        const detail =
          fact.detail && kind !== "quantity" && fact.detail !== fact.text ? ` (${fact.detail})` : "";
        body.push({ type: "bullet", text: `${fact.text}${detail}` });
      }
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
