import { defineWords } from "../framework/words.js";

/**
 * What the scheduler's own posts say around the article cards: they are no command's words, so
 * they live beside the code that renders the posts (render-posts.ts).
 */
export const postWords = defineWords({
  en: {
    "announce.new": "New article",
    "digest.title": "News digest",
    "digest.titleTopic": "News digest: {topic}",
    "digest.more": "…and {count, plural, one {# more new article} other {# more new articles}}.",
  },
  fr: {
    "announce.new": "Nouvel article",
    "digest.title": "Résumé de l’actualité",
    "digest.titleTopic": "Résumé de l’actualité : {topic}",
    "digest.more": "…et {count, plural, one {# autre nouvel article} other {# autres nouveaux articles}}.",
  },
});
