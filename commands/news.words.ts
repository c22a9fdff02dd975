import { defineWords } from "../src/framework/words.js";

export const newsWords = defineWords({
  en: {
    "news.results": "Results for “{query}”",
    "news.resultsPage": "Results for “{query}”, page {page}",
    "news.latest": "Latest articles",
    "news.latestPage": "Latest articles, page {page}",
    "news.nothingFound": "Nothing found for “{query}”. Try other words, or /topics to see what is covered.",
    "news.noMore": "No more results for “{query}” after page {last}.",
    "news.empty": "There are no articles yet.",
    "news.more": "More results on the next page.",
  },
  fr: {
    "news.results": "Résultats pour « {query} »",
    "news.resultsPage": "Résultats pour « {query} », page {page}",
    "news.latest": "Derniers articles",
    "news.latestPage": "Derniers articles, page {page}",
    "news.nothingFound":
      "Rien trouvé pour « {query} ». Essayez d’autres mots, ou /topics pour voir les sujets couverts.",
    "news.noMore": "Plus de résultats pour « {query} » après la page {last}.",
    "news.empty": "Il n’y a pas encore d’articles.",
    "news.more": "D’autres résultats à la page suivante.",
  },
});
