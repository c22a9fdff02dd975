import type { Locale } from "../domain/locale.js";

/**
 * The English catalogue is the master: every key must exist in French too (the type checks it).
 * Placeholders are written {name} and filled by translate().
 */
const en = {
  "error.unexpected": "Something went wrong (ref {ref}). The team has been told; please try again later.",
  "error.forbidden": "Only moderators can use /{command}.",
  "error.unknownCommand": "Unknown command /{command}. Type /help to see what I can do.",
  "error.missingOption": "Missing “{option}”. Usage: {usage}",
  "error.badInteger": "“{option}” must be a whole number from {min} to {max}.",
  "error.badChoice": "“{option}” must be one of: {choices}.",
  "error.tooLong": "“{option}” is too long (at most {max} characters).",
  "error.unknownSubcommand": "Unknown action “{sub}”. Usage: {usage}",
  "error.articleNotFound": "No article matches “{query}”. Try /news with other words.",
  "error.noArticleWithId":
    "No article matches “{id}”: no article has this id. /news finds articles by their words, /latest lists the newest.",
  "error.noArticleWithIdClosest": "No article matches “{id}”: no article has this id. Closest: {closest}.",
  "error.closestArticle": "{id} (“{title}”)",
  "error.buttonExpired": "This button has expired. Run the command again.",
  "error.rateLimited":
    "You are sending commands too fast: I will not answer you for about {seconds} s. Please slow down.",
  "news.results": "Results for “{query}”",
  "news.latest": "Latest articles",
  "news.nothingFound": "Nothing found for “{query}”. Try other words, or /topics to see what is covered.",
  "news.empty": "There are no articles yet.",
  "button.fullText": "Full text",
  "button.keyFacts": "Key facts",
  "button.previous": "Previous",
  "button.next": "Next",
  "button.nextPart": "Next part",
  "article.part": "Part {index} of {count}",
  "field.date": "Date",
  "field.category": "Category",
  "field.author": "Author",
  "field.tags": "Tags",
  "field.undated": "undated",
  "topics.title": "Topics",
  "topics.categories": "Categories",
  "topics.tags": "Tags",
  "topics.empty": "No topics yet.",
  "latest.title": "The {count} latest articles",
  "help.title": "Newsdesk: what I can do",
  "help.moderators": "For moderators",
  "help.footer": "Articles come from the newsroom's library; summaries are computed locally.",
  "facts.title": "Key facts: {title}",
  "facts.none": "No key facts found in this article.",
  "facts.unavailable":
    "The key facts of this article could not be worked out: it is too long or too unusual to analyse in time.",
  "facts.person": "People",
  "facts.organization": "Organisations",
  "facts.place": "Places",
  "facts.quantity": "Figures",
  "facts.date": "Dates",
  "facts.event": "What happened",
  "console.notACommand": "Commands start with a slash, for example /news bitcoin. Type /help for the list.",
  "console.ready": "Newsdesk console: {count} articles loaded. Type /help, or /news bitcoin.",
  "schedule.unavailable": "Scheduling is not available right now.",
  "schedule.badWhen":
    "I can’t read “{when}” as a time. Try “in 2h”, “in 30 min”, “tomorrow 09:00”, “2025-07-18 09:00” or “dans 2h”.",
  "schedule.pastTime": "{time} is already past. Pick a time to come.",
  "schedule.tooFar": "{time} is more than a year away. Pick a nearer time.",
  "schedule.unknownArticle":
    'No article matches “{query}”. Find its id with /news, or quote a title of several words: /schedule post "bitcoin mining" tomorrow 09:00',
  "schedule.badCron":
    "“{cron}” is not a cron expression. Use 5 fields (minute hour day month weekday), e.g. “0 9 * * 1-5” for 09:00 on weekdays.",
  "schedule.tooFrequent": "“{cron}” would post every {gap}. A digest can run at most once every 5 minutes.",
  "schedule.neverFires": "“{cron}” never fires. Check the day and month fields.",
  "schedule.notFound": "No schedule “{id}” in this channel. /schedule list shows the ids.",
  "schedule.alreadyPaused": "{id} is already paused. /schedule resume {id} starts it again.",
  "schedule.notPaused": "{id} is not paused.",
  "schedule.finished": "{id} has already run or been cancelled.",
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
  "schedule.targetEnabled": "Posting to this channel is enabled again.",
  "schedule.listTitle": "Scheduled here",
  "schedule.listEmpty":
    "Nothing is scheduled here. Try /schedule digest 0 9 * * 1-5, or /schedule post <article> tomorrow 09:00.",
  "schedule.itemPost": "{id} · post “{title}” · {time} · by {by}",
  "schedule.itemDigest": "{id} · digest “{cron}” · next {next} · by {by}",
  "schedule.itemDigestTopic": "{id} · digest “{cron}” on “{topic}” · next {next} · by {by}",
  "schedule.statePaused": "paused by {by} on {date}",
  "schedule.stateFailed": "failed: {reason}",
  "schedule.stateMissed": "missed: the bot was offline at that time",
  "schedule.stateDisabled": "on hold: posting to this channel is disabled",
  "schedule.reasonArticleRemoved": "the article was removed",
  "schedule.reasonTargetDisabled": "posting to this channel is disabled",
  "schedule.reasonSendFailed": "could not be sent ({error})",
  "schedule.channelDisabled":
    "Posting to this channel has been disabled since {date} because it keeps failing: {reason}. Fix the bot’s permissions here, then /schedule resume <id> (or restart the bot for configured announcements).",
  "schedule.configured":
    "Configured for this channel: every new article as it arrives, and a digest at “{cron}” ({zone}).",
  "schedule.configuredNoDigest": "Configured for this channel: every new article as it arrives.",
  "schedule.fieldTimeZone": "Time zone",
  "schedule.fieldLanguage": "Language",
  "schedule.fieldSubscriptions": "Subscriptions",
  "schedule.none": "none",
  "schedule.never": "never",
  "subscribe.added": "This channel now gets new articles on “{topic}” as they arrive.",
  "subscribe.addedUnknown":
    "This channel now gets new articles on “{topic}” as they arrive. No article has this topic yet; /topics lists the current ones.",
  "subscribe.already": "This channel already follows “{topic}”.",
  "subscribe.removed": "This channel no longer follows “{topic}”.",
  "subscribe.notFollowing": "This channel does not follow “{topic}”. It follows: {topics}.",
  "subscribe.badTopic": "A topic is a category or a tag, like “bitcoin” or “économie”.",
  "settings.timeZoneSet": "Time zone for this channel: {zone}. It is {time} there now.",
  "settings.badTimeZone":
    "“{zone}” is not a time zone I know. Use an IANA name such as Europe/Paris, America/New_York or UTC.",
  "settings.languageSet": "Posts in this channel will be in {language}.",
  "settings.language.en": "English",
  "settings.language.fr": "French",
  "announce.new": "New article",
  "digest.title": "News digest",
  "digest.titleTopic": "News digest: {topic}",
  "digest.more": "…and {count} more: /latest",
} as const;

export type MessageKey = keyof typeof en;

const fr: Record<MessageKey, string> = {
  "error.unexpected": "Une erreur s’est produite (réf. {ref}). L’équipe est prévenue ; réessayez plus tard.",
  "error.forbidden": "Seuls les modérateurs peuvent utiliser /{command}.",
  "error.unknownCommand": "Commande inconnue /{command}. Tapez /help pour voir ce que je sais faire.",
  "error.missingOption": "Il manque « {option} ». Usage : {usage}",
  "error.badInteger": "« {option} » doit être un nombre entier de {min} à {max}.",
  "error.badChoice": "« {option} » doit être l’un de : {choices}.",
  "error.tooLong": "« {option} » est trop long ({max} caractères au plus).",
  "error.unknownSubcommand": "Action inconnue « {sub} ». Usage : {usage}",
  "error.articleNotFound": "Aucun article ne correspond à « {query} ». Essayez /news avec d’autres mots.",
  "error.noArticleWithId":
    "Aucun article ne correspond à « {id} » : aucun article n’a cet identifiant. /news trouve les articles par leurs mots, /latest liste les plus récents.",
  "error.noArticleWithIdClosest":
    "Aucun article ne correspond à « {id} » : aucun article n’a cet identifiant. Les plus proches : {closest}.",
  "error.closestArticle": "{id} (« {title} »)",
  "error.buttonExpired": "Ce bouton a expiré. Relancez la commande.",
  "error.rateLimited":
    "Vous envoyez des commandes trop vite : je ne vous répondrai plus pendant environ {seconds} s. Merci de ralentir.",
  "news.results": "Résultats pour « {query} »",
  "news.latest": "Derniers articles",
  "news.nothingFound":
    "Rien trouvé pour « {query} ». Essayez d’autres mots, ou /topics pour voir les sujets couverts.",
  "news.empty": "Il n’y a pas encore d’articles.",
  "button.fullText": "Texte intégral",
  "button.keyFacts": "Points clés",
  "button.previous": "Précédent",
  "button.next": "Suivant",
  "button.nextPart": "Suite",
  "article.part": "Partie {index} sur {count}",
  "field.date": "Date",
  "field.category": "Catégorie",
  "field.author": "Auteur",
  "field.tags": "Mots-clés",
  "field.undated": "sans date",
  "topics.title": "Sujets",
  "topics.categories": "Catégories",
  "topics.tags": "Mots-clés",
  "topics.empty": "Aucun sujet pour l’instant.",
  "latest.title": "Les {count} derniers articles",
  "help.title": "Newsdesk : ce que je sais faire",
  "help.moderators": "Pour les modérateurs",
  "help.footer":
    "Les articles viennent de la bibliothèque de la rédaction ; les résumés sont calculés localement.",
  "facts.title": "Points clés : {title}",
  "facts.none": "Aucun point clé trouvé dans cet article.",
  "facts.unavailable":
    "Les points clés de cet article n’ont pas pu être établis : il est trop long ou trop inhabituel pour être analysé à temps.",
  "facts.person": "Personnes",
  "facts.organization": "Organisations",
  "facts.place": "Lieux",
  "facts.quantity": "Chiffres",
  "facts.date": "Dates",
  "facts.event": "Ce qui s’est passé",
  "console.notACommand":
    "Les commandes commencent par une barre oblique, par exemple /news bitcoin. Tapez /help pour la liste.",
  "console.ready": "Console Newsdesk : {count} articles chargés. Tapez /help, ou /news bitcoin.",
  "schedule.unavailable": "La programmation n’est pas disponible pour le moment.",
  "schedule.badWhen":
    "Je ne comprends pas « {when} » comme une heure. Essayez « dans 2h », « dans 30 min », « demain 09:00 », « 2025-07-18 09:00 » ou « in 2h ».",
  "schedule.pastTime": "{time} est déjà passé. Choisissez un moment à venir.",
  "schedule.tooFar": "{time} est à plus d’un an. Choisissez une date plus proche.",
  "schedule.unknownArticle":
    'Aucun article ne correspond à « {query} ». Trouvez son identifiant avec /news, ou mettez un titre de plusieurs mots entre guillemets : /schedule post "minage bitcoin" demain 09:00',
  "schedule.badCron":
    "« {cron} » n’est pas une expression cron. Utilisez 5 champs (minute heure jour mois jour-de-semaine), par ex. « 0 9 * * 1-5 » pour 9 h en semaine.",
  "schedule.tooFrequent":
    "« {cron} » publierait toutes les {gap}. Un résumé peut tourner au plus une fois toutes les 5 minutes.",
  "schedule.neverFires": "« {cron} » ne se déclenche jamais. Vérifiez les champs jour et mois.",
  "schedule.notFound":
    "Aucune programmation « {id} » dans ce salon. /schedule list affiche les identifiants.",
  "schedule.alreadyPaused": "{id} est déjà en pause. /schedule resume {id} la relance.",
  "schedule.notPaused": "{id} n’est pas en pause.",
  "schedule.finished": "{id} a déjà eu lieu ou a été annulée.",
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
  "schedule.targetEnabled": "Les publications dans ce salon sont réactivées.",
  "schedule.listTitle": "Programmé ici",
  "schedule.listEmpty":
    "Rien n’est programmé ici. Essayez /schedule digest 0 9 * * 1-5, ou /schedule post <article> demain 09:00.",
  "schedule.itemPost": "{id} · publication « {title} » · {time} · par {by}",
  "schedule.itemDigest": "{id} · résumé « {cron} » · prochain {next} · par {by}",
  "schedule.itemDigestTopic": "{id} · résumé « {cron} » sur « {topic} » · prochain {next} · par {by}",
  "schedule.statePaused": "en pause par {by} le {date}",
  "schedule.stateFailed": "échec : {reason}",
  "schedule.stateMissed": "manquée : le bot était hors ligne à ce moment-là",
  "schedule.stateDisabled": "suspendue : les publications dans ce salon sont désactivées",
  "schedule.reasonArticleRemoved": "l’article a été retiré",
  "schedule.reasonTargetDisabled": "les publications dans ce salon sont désactivées",
  "schedule.reasonSendFailed": "envoi impossible ({error})",
  "schedule.channelDisabled":
    "Les publications dans ce salon sont désactivées depuis le {date} car elles échouent sans cesse : {reason}. Corrigez les permissions du bot ici, puis /schedule resume <id> (ou redémarrez le bot pour les annonces configurées).",
  "schedule.configured":
    "Configuré pour ce salon : chaque nouvel article dès son arrivée, et un résumé selon « {cron} » ({zone}).",
  "schedule.configuredNoDigest": "Configuré pour ce salon : chaque nouvel article dès son arrivée.",
  "schedule.fieldTimeZone": "Fuseau horaire",
  "schedule.fieldLanguage": "Langue",
  "schedule.fieldSubscriptions": "Abonnements",
  "schedule.none": "aucun",
  "schedule.never": "jamais",
  "subscribe.added": "Ce salon recevra désormais les nouveaux articles sur « {topic} » dès leur arrivée.",
  "subscribe.addedUnknown":
    "Ce salon recevra désormais les nouveaux articles sur « {topic} » dès leur arrivée. Aucun article n’a encore ce sujet ; /topics liste les sujets actuels.",
  "subscribe.already": "Ce salon suit déjà « {topic} ».",
  "subscribe.removed": "Ce salon ne suit plus « {topic} ».",
  "subscribe.notFollowing": "Ce salon ne suit pas « {topic} ». Il suit : {topics}.",
  "subscribe.badTopic": "Un sujet est une catégorie ou un mot-clé, comme « bitcoin » ou « économie ».",
  "settings.timeZoneSet": "Fuseau horaire de ce salon : {zone}. Il y est {time}.",
  "settings.badTimeZone":
    "Je ne connais pas le fuseau horaire « {zone} ». Utilisez un nom IANA comme Europe/Paris, America/New_York ou UTC.",
  "settings.languageSet": "Les publications dans ce salon seront en {language}.",
  "settings.language.en": "anglais",
  "settings.language.fr": "français",
  "announce.new": "Nouvel article",
  "digest.title": "Résumé de l’actualité",
  "digest.titleTopic": "Résumé de l’actualité : {topic}",
  "digest.more": "…et {count} de plus : /latest",
};

const catalogues: Record<Locale, Record<MessageKey, string>> = { en, fr };

export type MessageParams = Record<string, string | number>;

/** Turns a message key into words in the given language. Unknown placeholders stay visible. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogues[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A translator bound to one language, as handed to command handlers. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}
