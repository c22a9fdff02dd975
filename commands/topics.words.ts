import { defineWords } from "../src/framework/words.js";

export const topicsWords = defineWords({
  en: {
    "topics.title": "Topics",
    "topics.categories": "Categories",
    "topics.tags": "Tags",
    "topics.empty": "No topics yet.",
    "topics.item": "{name} ({count, plural, one {# article} other {# articles}})",
  },
  fr: {
    "topics.title": "Sujets",
    "topics.categories": "Catégories",
    "topics.tags": "Mots-clés",
    "topics.empty": "Aucun sujet pour l’instant.",
    "topics.item": "{name} ({count, plural, one {# article} other {# articles}})",
  },
});
