import { defineCommand } from "../src/framework/command.js";
import { newsWords } from "./news.words.js";
import { articleCard } from "./present.js";

/** How many results fit one answer on every platform (Discord: 10 embeds, 5 button rows). */
const MAX_RESULTS = 5;

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
  ] as const,
  async run(ctx, { query }) {
    const { library } = ctx.services;
    const text = query?.trim() ?? "";
    const results = text === "" ? library.latest(MAX_RESULTS) : library.search(text, MAX_RESULTS);
    if (results.length === 0) {
      return {
        text: text === "" ? ctx.t("news.empty") : ctx.t("news.nothingFound", { query: text }),
        cards: [],
      };
    }
    return {
      text: text === "" ? ctx.t("news.latest") : ctx.t("news.results", { query: text }),
      cards: await Promise.all(results.map((meta) => articleCard(ctx, meta, 1))),
    };
  },
});
