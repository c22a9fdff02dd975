import { defineWords } from "../../framework/words.js";

/** What the console itself says, beside the replies of the commands. */
export const consoleWords = defineWords({
  en: {
    "console.notACommand": "Commands start with a slash, for example /news bitcoin. Type /help for the list.",
    "console.ready":
      "Newsdesk console: {count, plural, one {# article} other {# articles}} loaded. Type /help, or /news bitcoin.",
    "console.nothingMore": "Nothing more to show: /more pages through the last list that had more.",
    "console.dashboard":
      "Dashboard: open {url} to sign in (once, within 10 minutes; npm run -s cli -- dashboard-link makes another).",
  },
  fr: {
    "console.notACommand":
      "Les commandes commencent par une barre oblique, par exemple /news bitcoin. Tapez /help pour la liste.",
    "console.ready":
      "Console Newsdesk : {count, plural, one {# article chargé} other {# articles chargés}}. Tapez /help, ou /news bitcoin.",
    "console.nothingMore":
      "Rien de plus à afficher : /more tourne les pages de la dernière liste qui en avait d’autres.",
    "console.dashboard":
      "Tableau de bord : ouvrez {url} pour vous connecter (une fois, dans les 10 minutes ; npm run -s cli -- dashboard-link en crée un autre).",
  },
});
