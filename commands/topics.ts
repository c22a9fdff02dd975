import type { Block } from "../src/domain/reply.js";
import { defineCommand } from "../src/framework/command.js";
import { topicsWords } from "./topics.words.js";

const SHOWN = 25;

export default defineCommand({
  name: "topics",
  description: {
    en: "Categories and tags, with how many articles each",
    fr: "Catégories et mots-clés, avec le nombre d'articles",
  },
  access: "everyone",
  words: topicsWords,
  options: [] as const,
  run(ctx) {
    const { categories, tags } = ctx.services.library.topics();
    if (categories.length === 0 && tags.length === 0) return { text: ctx.t("topics.empty"), cards: [] };
    const list = (items: { name: string; count: number }[]) =>
      items.slice(0, SHOWN).map(
        (item): Block => ({
          type: "bullet",
          text: ctx.t("topics.item", { name: item.name, count: item.count }),
        }),
      );
    const body: Block[] = [];
    if (categories.length > 0)
      body.push({ type: "heading", text: ctx.t("topics.categories") }, ...list(categories));
    if (tags.length > 0) body.push({ type: "heading", text: ctx.t("topics.tags") }, ...list(tags));
    return { cards: [{ title: ctx.t("topics.title"), body }] };
  },
});
