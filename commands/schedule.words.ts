import { defineWords, mergeWords } from "../src/framework/words.js";
import { lookupWords } from "./present.words.js";
import { schedulingWords } from "./scheduling.words.js";

/** /schedule's own words; it also says the scheduling service's errors and the article lookup's. */
const own = defineWords({
  en: {
    "schedule.createdPost": "Scheduled {id}: “{title}” will be posted here on {time}.",
    "schedule.createdPostMatched":
      "Scheduled {id}: “{title}” ({article}), the best match for “{query}”, will be posted here on {time}. Not the one? /schedule cancel {id}",
    "schedule.createdDigest":
      "Scheduled {id}: a digest of new articles here at “{cron}” ({zone}). Next: {next}.",
    "schedule.createdDigestTopic":
      "Scheduled {id}: a digest of new articles on “{topic}” here at “{cron}” ({zone}). Next: {next}.",
    "schedule.cancelled": "Cancelled {id}.",
    "schedule.paused": "Paused {id}. /schedule resume {id} starts it again.",
    "schedule.resumed": "Resumed {id}. Next: {next}.",
    "schedule.targetEnabled": "Posting here is enabled again.",
    "schedule.listTitle": "Scheduled here",
    "schedule.listEmpty":
      "Nothing is scheduled here. Try /schedule digest 0 9 * * 1-5, or /schedule post <article> tomorrow 09:00.",
    "schedule.listMore": "…and {count} more.",
    "schedule.itemPost": "{id} · post “{title}” · {time} · by {by}",
    "schedule.itemDigest": "{id} · digest “{cron}” · next {next} · by {by}",
    "schedule.itemDigestTopic": "{id} · digest “{cron}” on “{topic}” · next {next} · by {by}",
    "schedule.statePaused": "paused by {by} on {date}",
    "schedule.stateFailed": "failed: {reason}",
    "schedule.stateMissed": "missed: the bot was offline at that time",
    "schedule.stateDisabled": "on hold: posting here is disabled",
    "schedule.reasonArticleRemoved": "the article was removed",
    "schedule.reasonTargetDisabled": "posting here is disabled",
    "schedule.reasonSendFailed": "could not be sent ({error})",
    "schedule.channelDisabled":
      "Posting to this channel has been disabled since {date} because it keeps failing: {reason}. Give the bot back its permissions here (View Channel, Send Messages, Embed Links), then /schedule resume <id> (or restart the bot for configured announcements).",
    "schedule.channelDisabled@telegram":
      "Posting to this chat has been disabled since {date} because it keeps failing: {reason}. Make sure the bot is still a member allowed to send messages here, then /schedule resume <id> (or restart the bot for configured announcements).",
    "schedule.configured":
      "Configured for this channel: every new article as it arrives, and a digest at “{cron}” ({zone}).",
    "schedule.configured@telegram":
      "Configured for this chat: every new article as it arrives, and a digest at “{cron}” ({zone}).",
    "schedule.configuredNoDigest": "Configured for this channel: every new article as it arrives.",
    "schedule.configuredNoDigest@telegram": "Configured for this chat: every new article as it arrives.",
    "schedule.configured@console":
      "Configured for the console: every new article as it arrives, and a digest at “{cron}” ({zone}).",
    "schedule.configuredNoDigest@console": "Configured for the console: every new article as it arrives.",
    "schedule.fieldTimeZone": "Time zone",
    "schedule.fieldLanguage": "Language",
    "schedule.fieldSubscriptions": "Subscriptions",
    "schedule.never": "never",
  },
  fr: {
    "schedule.createdPost": "Programmé {id} : « {title} » sera publié ici le {time}.",
    "schedule.createdPostMatched":
      "Programmé {id} : « {title} » ({article}), le meilleur résultat pour « {query} », sera publié ici le {time}. Pas le bon ? /schedule cancel {id}",
    "schedule.createdDigest":
      "Programmé {id} : un résumé des nouveaux articles ici selon « {cron} » ({zone}). Prochain : {next}.",
    "schedule.createdDigestTopic":
      "Programmé {id} : un résumé des nouveaux articles sur « {topic} » ici selon « {cron} » ({zone}). Prochain : {next}.",
    "schedule.cancelled": "{id} annulée.",
    "schedule.paused": "{id} en pause. /schedule resume {id} la relance.",
    "schedule.resumed": "{id} relancée. Prochain : {next}.",
    "schedule.targetEnabled": "Les publications ici sont réactivées.",
    "schedule.listTitle": "Programmé ici",
    "schedule.listEmpty":
      "Rien n’est programmé ici. Essayez /schedule digest 0 9 * * 1-5, ou /schedule post <article> demain 09:00.",
    "schedule.listMore": "…et {count, plural, one {# autre} other {# autres}}.",
    "schedule.itemPost": "{id} · publication « {title} » · {time} · par {by}",
    "schedule.itemDigest": "{id} · résumé « {cron} » · prochain {next} · par {by}",
    "schedule.itemDigestTopic": "{id} · résumé « {cron} » sur « {topic} » · prochain {next} · par {by}",
    "schedule.statePaused": "en pause par {by} le {date}",
    "schedule.stateFailed": "échec : {reason}",
    "schedule.stateMissed": "manquée : le bot était hors ligne à ce moment-là",
    "schedule.stateDisabled": "suspendue : les publications ici sont désactivées",
    "schedule.reasonArticleRemoved": "l’article a été retiré",
    "schedule.reasonTargetDisabled": "les publications ici sont désactivées",
    "schedule.reasonSendFailed": "envoi impossible ({error})",
    "schedule.channelDisabled":
      "Les publications dans ce salon sont désactivées depuis le {date} car elles échouent sans cesse : {reason}. Rendez au bot ses permissions ici (Voir le salon, Envoyer des messages, Intégrer des liens), puis /schedule resume <id> (ou redémarrez le bot pour les annonces configurées).",
    "schedule.channelDisabled@telegram":
      "Les publications dans cette discussion sont désactivées depuis le {date} car elles échouent sans cesse : {reason}. Vérifiez que le bot en est toujours membre et peut y écrire, puis /schedule resume <id> (ou redémarrez le bot pour les annonces configurées).",
    "schedule.configured":
      "Configuré pour ce salon : chaque nouvel article dès son arrivée, et un résumé selon « {cron} » ({zone}).",
    "schedule.configured@telegram":
      "Configuré pour cette discussion : chaque nouvel article dès son arrivée, et un résumé selon « {cron} » ({zone}).",
    "schedule.configuredNoDigest": "Configuré pour ce salon : chaque nouvel article dès son arrivée.",
    "schedule.configuredNoDigest@telegram":
      "Configuré pour cette discussion : chaque nouvel article dès son arrivée.",
    "schedule.configured@console":
      "Configuré pour la console : chaque nouvel article dès son arrivée, et un résumé selon « {cron} » ({zone}).",
    "schedule.configuredNoDigest@console":
      "Configuré pour la console : chaque nouvel article dès son arrivée.",
    "schedule.fieldTimeZone": "Fuseau horaire",
    "schedule.fieldLanguage": "Langue",
    "schedule.fieldSubscriptions": "Abonnements",
    "schedule.never": "jamais",
  },
});

export const scheduleWords = mergeWords(mergeWords(own, schedulingWords), lookupWords);
