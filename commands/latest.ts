import { defineCommand } from "../src/framework/command.js";
import { latestWords } from "./latest.words.js";
import { articleCard } from "./present.js";

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
  ] as const,
  async run(ctx, { count }) {
    const results = ctx.services.library.latest(count ?? 5);
    if (results.length === 0) return { text: ctx.t("latest.empty"), cards: [] };
    return {
      text: ctx.t("latest.title", { count: results.length }),
      cards: await Promise.all(results.map((meta) => articleCard(ctx, meta, 1))),
    };
  },
});
