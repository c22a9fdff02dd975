import { defineCommand } from "../src/framework/command.js";
import { MAX_PAGES, pageButtons, pageOf } from "../src/framework/paginate.js";
import { latestWords } from "./latest.words.js";
import { articleCard } from "./present.js";

const DEFAULT_COUNT = 5;

export default defineCommand({
  name: "latest",
  description: { en: "The newest articles", fr: "Les articles les plus récents" },
  access: "everyone",
  words: latestWords,
  options: [
    {
      name: "count",
      type: "integer",
      placeholder: { en: "count", fr: "nombre" },
      description: { en: "How many (1 to 5)", fr: "Combien (1 à 5)" },
      min: 1,
      max: 5,
    },
    {
      name: "page",
      type: "integer",
      description: { en: "Page: 2 for the next ones", fr: "Page : 2 pour les suivants" },
      min: 1,
      max: MAX_PAGES,
      hidden: true,
    },
  ] as const,
  async run(ctx, { count = DEFAULT_COUNT, page = 1 }) {
    const { items, more } = pageOf((limit) => ctx.services.library.latest(limit), page, count);
    if (items.length === 0) {
      if (page > 1) return { text: ctx.t("latest.noMore", { count: (page - 1) * count }), cards: [] };
      return { text: ctx.t("latest.empty"), cards: [] };
    }
    const first = (page - 1) * count + 1;
    return {
      text:
        page === 1
          ? ctx.t("latest.title", { count: items.length })
          : ctx.t("latest.titlePage", { first, last: first + items.length - 1 }),
      cards: await Promise.all(items.map((meta) => articleCard(ctx, meta, 1))),
      // The default count is left out, so the button's data stays short.
      buttons: pageButtons(ctx.t, page, more, (p) => ({
        command: "latest",
        args: { ...(count === DEFAULT_COUNT ? {} : { count }), page: p },
      })),
    };
  },
});
