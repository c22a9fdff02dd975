import { defineCommand } from "../src/framework/command.js";
import { MAX_PAGES, pageButtons, pageOf } from "../src/framework/paginate.js";
import { newsWords } from "./news.words.js";
import { articleCard } from "./present.js";

/** How many results fit one answer on every platform (Discord: 10 embeds, 5 button rows). */
const PAGE_SIZE = 5;

export default defineCommand({
  name: "news",
  description: {
    en: "Search the news: matching articles with short summaries",
    fr: "Chercher dans l'actualité : articles correspondants avec un court résumé",
  },
  access: "everyone",
  words: newsWords,
  options: [
    {
      name: "query",
      type: "string",
      placeholder: { en: "query", fr: "requête" },
      description: {
        en: "Words to look for (empty: the latest articles)",
        fr: "Mots à chercher (vide : les derniers articles)",
      },
      maxLength: 500,
    },
    {
      name: "page",
      type: "integer",
      description: { en: "Page of results", fr: "Page de résultats" },
      min: 1,
      max: MAX_PAGES,
      hidden: true,
    },
  ] as const,
  async run(ctx, { query, page = 1 }) {
    const { library } = ctx.services;
    const text = query?.trim() ?? "";
    const fetch = (limit: number) => (text === "" ? library.latest(limit) : library.search(text, limit));
    const { items, more } = pageOf(fetch, page, PAGE_SIZE);
    if (items.length === 0) {
      if (page > 1) return { text: ctx.t("news.noMore", { query: text, last: page - 1 }), cards: [] };
      return {
        text: text === "" ? ctx.t("news.empty") : ctx.t("news.nothingFound", { query: text }),
        cards: [],
      };
    }
    const heading =
      text === ""
        ? ctx.t(page === 1 ? "news.latest" : "news.latestPage", { page })
        : ctx.t(page === 1 ? "news.results" : "news.resultsPage", { query: text, page });
    return {
      text: heading,
      cards: await Promise.all(items.map((meta) => articleCard(ctx, meta, 1))),
      footer: more ? ctx.t("news.more") : undefined,
      buttons: pageButtons(ctx.t, page, more, (p) => ({
        command: "news",
        args: { ...(text === "" ? {} : { query: text }), page: p },
      })),
    };
  },
});
