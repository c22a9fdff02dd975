import { defineWords, mergeWords } from "../src/framework/words.js";
import { schedulingWords } from "./scheduling.words.js";

/**
 * The words of /sources: the status of the feeds and pages polled into the library. It reads the
 * channel's time zone from the scheduling service, so it carries that service's words too.
 */
const own = defineWords({
  en: {
    "sources.title": "Sources ({count})",
    "sources.unavailable": "Sources are not polled here.",
    "sources.none": "No sources yet: the operator lists feeds and pages in {file}.",
    "sources.state":
      "{state, select, new {not fetched yet} ok {ok} failing {failing} disabled {disabled} other {#}}",
    "sources.heading": "{name} · {state}",
    "sources.lastFetch": "Last fetch: {time}",
    "sources.lastSuccess": "last success: {time}",
    "sources.never": "never",
    "sources.items": "{count, plural, one {# article} other {# articles}} imported",
    "sources.every": "every {minutes} min",
    "sources.failing": "{count, plural, one {# failure} other {# failures}} in a row; next try {time}",
    "sources.disabled":
      "Disabled since {time}: the operator edits its entry in the sources file to try again.",
    "sources.error": "Last error: {error}",
    "sources.more": "…and {count} more.",
    "sources.problems":
      "{count, plural, one {# problem} other {# problems}} in {file} (the log has each): {first}",
    "sources.problemAt": "line {line}: {message}",
  },
  fr: {
    "sources.title": "Sources ({count})",
    "sources.unavailable": "Aucune source n’est relevée ici.",
    "sources.none": "Aucune source pour l’instant : l’opérateur liste les flux et les pages dans {file}.",
    "sources.state":
      "{state, select, new {pas encore relevée} ok {en service} failing {en échec} disabled {désactivée} other {#}}",
    "sources.heading": "{name} · {state}",
    "sources.lastFetch": "Dernier relevé : {time}",
    "sources.lastSuccess": "dernier succès : {time}",
    "sources.never": "jamais",
    "sources.items": "{count, plural, one {# article importé} other {# articles importés}}",
    "sources.every": "toutes les {minutes} min",
    "sources.failing": "{count, plural, one {# échec} other {# échecs}} d’affilée ; prochain essai {time}",
    "sources.disabled":
      "Désactivée depuis {time} : l’opérateur modifie son entrée dans le fichier des sources pour la relancer.",
    "sources.error": "Dernière erreur : {error}",
    "sources.more": "…et {count} de plus.",
    "sources.problems":
      "{count, plural, one {# problème} other {# problèmes}} dans {file} (le journal donne chacun) : {first}",
    "sources.problemAt": "ligne {line} : {message}",
  },
});

export const sourcesWords = mergeWords(own, schedulingWords);
