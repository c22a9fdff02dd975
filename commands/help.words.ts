import { defineWords } from "../src/framework/words.js";

export const helpWords = defineWords({
  en: {
    "help.title": "Newsdesk: what I can do",
    "help.moderators": "For moderators",
    "help.moderators@discord": "For moderators (members with the “Manage Server” permission)",
    "help.moderators@telegram": "For the group’s administrators",
    "help.moderators@console": "For moderators (at the console: you)",
    "help.footer": "Articles come from the newsroom’s library; summaries are computed locally.",
  },
  fr: {
    "help.title": "Newsdesk : ce que je sais faire",
    "help.moderators": "Pour les modérateurs",
    "help.moderators@discord": "Pour les modérateurs (membres qui ont la permission « Gérer le serveur »)",
    "help.moderators@telegram": "Pour les administrateurs du groupe",
    "help.moderators@console": "Pour les modérateurs (à la console : vous)",
    "help.footer":
      "Les articles viennent de la bibliothèque de la rédaction ; les résumés sont calculés localement.",
  },
});
