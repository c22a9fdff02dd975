import type { Block, Button } from "../src/domain/reply.js";
import { defineCommand } from "../src/framework/command.js";
import { paginate } from "../src/framework/paginate.js";
import { metaFields } from "../src/framework/present-article.js";
import { mergeWords } from "../src/framework/words.js";
import { articleWords } from "./article.words.js";
import { articleOption, requireArticle } from "./present.js";
import { lookupWords } from "./present.words.js";

export default defineCommand({
  name: "article",
  description: { en: "Read an article in full", fr: "Lire un article en entier" },
  access: "everyone",
  words: mergeWords(articleWords, lookupWords),
  options: [
    articleOption,
    {
      name: "part",
      type: "integer",
      description: { en: "Part to show", fr: "Partie à afficher" },
      min: 1,
      max: 1000,
      hidden: true,
    },
  ] as const,
  run(ctx, args) {
    const article = requireArticle(ctx, args.article);
    const blocks: Block[] = article.sections.flatMap((section) => [
      ...(section.heading ? [{ type: "heading" as const, text: section.heading }] : []),
      ...section.text
        .split(/\n{2,}/)
        .filter((p) => p.trim() !== "")
        .map((text) => ({ type: "paragraph" as const, text })),
    ]);
    const pages = paginate(blocks, ctx.limits.text);
    const count = Math.max(pages.length, 1);
    const index = Math.min(args.part ?? 1, count);
    const buttons: Button[] = [];
    const paging = (part: number, label: string): Button => ({
      label,
      action: { command: "article", args: { article: article.id, part } },
    });
    if (index > 1) buttons.push(paging(index - 1, ctx.t("button.previous")));
    if (index < count)
      buttons.push(paging(index + 1, ctx.t(index === 1 ? "button.nextPart" : "button.next")));
    buttons.push({
      label: ctx.t("button.keyFacts"),
      action: { command: "facts", args: { article: article.id } },
    });
    return {
      cards: [
        {
          title: article.title,
          url: article.source,
          fields: index === 1 ? metaFields(ctx, article) : [],
          body: pages[index - 1] ?? [],
          footer: count > 1 ? `${article.id} · ${ctx.t("article.part", { index, count })}` : article.id,
        },
      ],
      buttons,
      // Paging through an article replaces the page on platforms that can edit messages.
      replacesOriginal: args.part !== undefined,
    };
  },
});
