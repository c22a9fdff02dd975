import { defineWords } from "../src/framework/words.js";

export const articleWords = defineWords({
  en: { "article.part": "Part {index} of {count}" },
  fr: { "article.part": "Partie {index} sur {count}" },
});
