import { defineWords } from "../src/framework/words.js";

export const latestWords = defineWords({
  en: {
    "latest.title": "{count, plural, one {The latest article} other {The # latest articles}}",
    "latest.titlePage": "Latest articles, {first} to {last}",
    "latest.noMore": "There are no more articles after the first {count}.",
    "latest.empty": "There are no articles yet.",
  },
  fr: {
    "latest.title": "{count, plural, one {Le dernier article} other {Les # derniers articles}}",
    "latest.titlePage": "Derniers articles, {first} à {last}",
    "latest.noMore": "Il n’y a pas d’autres articles après les {count} premiers.",
    "latest.empty": "Il n’y a pas encore d’articles.",
  },
});
