import { defineWords } from "../src/framework/words.js";

/**
 * What the scheduling service answers to bad input (it throws these keys, src/schedule/
 * scheduling-service.ts), and the few words the moderator commands share: /schedule, /subscribe,
 * /unsubscribe and /settings each say them with their own.
 */
export const schedulingWords = defineWords({
  en: {
    "schedule.unavailable": "Scheduling is not available right now.",
    "schedule.badWhen":
      "I can’t read “{when}” as a time. Try “in 2h”, “in 30 min”, “tomorrow 09:00”, “2025-07-18 09:00” or “dans 2h”.",
    "schedule.notFound": "No schedule “{id}” here. /schedule list shows the ids.",
    "schedule.pastTime": "{time} is already past. Pick a time to come.",
    "schedule.tooFar": "{time} is more than a year away. Pick a nearer time.",
    "schedule.unknownArticle":
      'No article matches “{query}”. Find its id with /news, or quote a title of several words: /schedule post "bitcoin mining" tomorrow 09:00',
    "schedule.badCron":
      "“{cron}” is not a cron expression. Use 5 fields (minute hour day month weekday), e.g. “0 9 * * 1-5” for 09:00 on weekdays.",
    "schedule.cronFieldCount":
      "“{cron}” has {count, plural, one {# field} other {# fields}}; a cron has 5 (minute hour day month weekday), or 6 with seconds first. E.g. “0 9 * * 1-5” for 09:00 on weekdays.",
    "schedule.cronRange":
      "In “{cron}”, the {field, select, second {second} minute {minute} hour {hour} day {day of month} month {month} weekday {weekday} other {#}} field is “{value}”: it takes {min} to {max}.",
    "schedule.cronSyntax":
      "In “{cron}”, the {field, select, second {second} minute {minute} hour {hour} day {day of month} month {month} weekday {weekday} other {#}} field “{value}” is not understood. Use a number, a range (1-5), a list (1,3,5), a step (*/15) or *.",
    "schedule.tooFrequent": "“{cron}” would post every {gap}. A digest can run at most once every 5 minutes.",
    "schedule.neverFires": "“{cron}” never fires. Check the day and month fields.",
    "schedule.alreadyPaused": "{id} is already paused. /schedule resume {id} starts it again.",
    "schedule.notPaused": "{id} is not paused.",
    "schedule.finished": "{id} has already run or been cancelled.",
    "schedule.none": "none",
    "subscribe.badTopic": "A topic is a category or a tag, like “bitcoin” or “économie”.",
    "subscribe.badFilter":
      "{problem, select, tooLong {A keyword filter is at most {max} characters, 60 for one word or phrase.} tooMany {A keyword filter has at most 10 words or phrases.} other {A keyword filter is words, “quoted phrases” and -exclusions, e.g. -etf “el salvador”.}}",
    "settings.badTimeZone":
      "“{zone}” is not a time zone I know. Use an IANA name such as Europe/Paris, America/New_York or UTC.",
    "settings.language.en": "English",
    "settings.language.fr": "French",
  },
  fr: {
    "schedule.unavailable": "La programmation n’est pas disponible pour le moment.",
    "schedule.badWhen":
      "Je ne comprends pas « {when} » comme une heure. Essayez « dans 2h », « dans 30 min », « demain 09:00 », « 2025-07-18 09:00 » ou « in 2h ».",
    "schedule.notFound": "Aucune programmation « {id} » ici. /schedule list affiche les identifiants.",
    "schedule.pastTime": "{time} est déjà passé. Choisissez un moment à venir.",
    "schedule.tooFar": "{time} est à plus d’un an. Choisissez une date plus proche.",
    "schedule.unknownArticle":
      'Aucun article ne correspond à « {query} ». Trouvez son identifiant avec /news, ou mettez un titre de plusieurs mots entre guillemets : /schedule post "minage bitcoin" demain 09:00',
    "schedule.badCron":
      "« {cron} » n’est pas une expression cron. Utilisez 5 champs (minute heure jour mois jour-de-semaine), par ex. « 0 9 * * 1-5 » pour 9 h en semaine.",
    "schedule.cronFieldCount":
      "« {cron} » a {count, plural, one {# champ} other {# champs}} ; un cron en a 5 (minute heure jour mois jour-de-semaine), ou 6 avec les secondes en tête. Par ex. « 0 9 * * 1-5 » pour 9 h en semaine.",
    "schedule.cronRange":
      "Dans « {cron} », le champ {field, select, second {seconde} minute {minute} hour {heure} day {jour du mois} month {mois} weekday {jour de la semaine} other {#}} vaut « {value} » : il va de {min} à {max}.",
    "schedule.cronSyntax":
      "Dans « {cron} », le champ {field, select, second {seconde} minute {minute} hour {heure} day {jour du mois} month {mois} weekday {jour de la semaine} other {#}} « {value} » n’est pas compris. Utilisez un nombre, un intervalle (1-5), une liste (1,3,5), un pas (*/15) ou *.",
    "schedule.tooFrequent":
      "« {cron} » publierait toutes les {gap}. Un résumé peut tourner au plus une fois toutes les 5 minutes.",
    "schedule.neverFires": "« {cron} » ne se déclenche jamais. Vérifiez les champs jour et mois.",
    "schedule.alreadyPaused": "{id} est déjà en pause. /schedule resume {id} la relance.",
    "schedule.notPaused": "{id} n’est pas en pause.",
    "schedule.finished": "{id} a déjà eu lieu ou a été annulée.",
    "schedule.none": "aucun",
    "subscribe.badTopic": "Un sujet est une catégorie ou un mot-clé, comme « bitcoin » ou « économie ».",
    "subscribe.badFilter":
      "{problem, select, tooLong {Un filtre de mots-clés fait au plus {max} caractères, 60 pour un mot ou une expression.} tooMany {Un filtre de mots-clés a au plus 10 mots ou expressions.} other {Un filtre de mots-clés, ce sont des mots, des « expressions entre guillemets » et des -exclusions, ex. -etf « el salvador ».}}",
    "settings.badTimeZone":
      "Je ne connais pas le fuseau horaire « {zone} ». Utilisez un nom IANA comme Europe/Paris, America/New_York ou UTC.",
    "settings.language.en": "anglais",
    "settings.language.fr": "français",
  },
});
