import { defineWords } from "../src/framework/words.js";

/** What the commands that take an article argument say when it names nothing (see present.ts). */
export const lookupWords = defineWords({
  en: {
    "error.articleNotFound": "No article matches “{query}”. Try /news with other words.",
    "error.noArticleWithId":
      "No article matches “{id}”: no article has this id. /news finds articles by their words, /latest lists the newest.",
    "error.noArticleWithIdClosest": "No article matches “{id}”: no article has this id. Closest: {closest}.",
    "error.closestArticle": "{id} (“{title}”)",
  },
  fr: {
    "error.articleNotFound": "Aucun article ne correspond à « {query} ». Essayez /news avec d’autres mots.",
    "error.noArticleWithId":
      "Aucun article ne correspond à « {id} » : aucun article n’a cet identifiant. /news trouve les articles par leurs mots, /latest liste les plus récents.",
    "error.noArticleWithIdClosest":
      "Aucun article ne correspond à « {id} » : aucun article n’a cet identifiant. Les plus proches : {closest}.",
    "error.closestArticle": "{id} (« {title} »)",
  },
});
