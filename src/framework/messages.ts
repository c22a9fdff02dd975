import type { Locale } from "../domain/locale.js";
import {
  defineWords,
  type Params,
  type WordBook,
  type WordPlace,
  type Translate as WordsTranslate,
  wordsTranslator,
} from "./words.js";

/**
 * The words every command shares: errors of the framework itself, buttons, article fields,
 * paging. A command's own words live beside it in commands/ (docs/adr/0085); the scheduler's
 * posts in src/schedule/post-words.ts; the console's banner in its folder.
 */
export const sharedWords = defineWords({
  en: {
    "error.unexpected": "Something went wrong (ref {ref}). The team has been told; please try again later.",
    "error.forbidden": "Only moderators can use /{command}.",
    "error.forbidden@discord":
      "Only moderators can use /{command}: in a server, members with the “Manage Server” permission.",
    "error.forbidden@telegram": "Only the group’s administrators can use /{command}.",
    "error.forbidden@console": "Only the console user can use /{command}.",
    "error.unknownCommand": "Unknown command /{command}. Type /help to see what I can do.",
    "error.missingOption": "Missing “{option}”. Usage: {usage}",
    "error.badInteger": "“{option}” must be a whole number from {min} to {max}.",
    "error.badChoice": "“{option}” must be one of: {choices}.",
    "error.tooLong": "“{option}” is too long (at most {max} characters).",
    "error.missingSubcommand": "/{command} needs an action: {actions}. For example: {example}",
    "error.unknownSubcommand": "/{command} has no action “{sub}”. Its actions: {actions}. Usage: {usage}",
    "error.buttonExpired": "This button has expired. Run the command again.",
    "error.rateLimited":
      "You are sending commands too fast: I will not answer you for about {seconds} s. Please slow down.",
    "button.fullText": "Full text",
    "button.keyFacts": "Key facts",
    "button.previous": "Previous",
    "button.next": "Next",
    "button.nextPart": "Next part",
    "button.more": "Show {count} more",
    "field.date": "Date",
    "field.category": "Category",
    "field.author": "Author",
    "field.tags": "Tags",
    "field.undated": "undated",
  },
  fr: {
    "error.unexpected":
      "Une erreur s’est produite (réf. {ref}). L’équipe est prévenue ; réessayez plus tard.",
    "error.forbidden": "Seuls les modérateurs peuvent utiliser /{command}.",
    "error.forbidden@discord":
      "Seuls les modérateurs peuvent utiliser /{command} : dans un serveur, les membres qui ont la permission « Gérer le serveur ».",
    "error.forbidden@telegram": "Seuls les administrateurs du groupe peuvent utiliser /{command}.",
    "error.forbidden@console": "Seul l’utilisateur de la console peut utiliser /{command}.",
    "error.unknownCommand": "Commande inconnue /{command}. Tapez /help pour voir ce que je sais faire.",
    "error.missingOption": "Il manque « {option} ». Usage : {usage}",
    "error.badInteger": "« {option} » doit être un nombre entier de {min} à {max}.",
    "error.badChoice": "« {option} » doit être l’un de : {choices}.",
    "error.tooLong": "« {option} » est trop long ({max} caractères au plus).",
    "error.missingSubcommand": "/{command} demande une action : {actions}. Par exemple : {example}",
    "error.unknownSubcommand":
      "/{command} n’a pas d’action « {sub} ». Ses actions : {actions}. Usage : {usage}",
    "error.buttonExpired": "Ce bouton a expiré. Relancez la commande.",
    "error.rateLimited":
      "Vous envoyez des commandes trop vite : je ne vous répondrai plus pendant environ {seconds} s. Merci de ralentir.",
    "button.fullText": "Texte intégral",
    "button.keyFacts": "Points clés",
    "button.previous": "Précédent",
    "button.next": "Suivant",
    "button.nextPart": "Suite",
    "button.more": "Voir {count} de plus",
    "field.date": "Date",
    "field.category": "Catégorie",
    "field.author": "Auteur",
    "field.tags": "Mots-clés",
    "field.undated": "sans date",
  },
});

/** A key of the shared words. */
export type MessageKey = keyof typeof sharedWords.en;

export type { Params as MessageParams, WordBook };

/** Says words by key; by default the shared ones. */
export type Translate<K extends string = MessageKey> = WordsTranslate<K>;

/** Shared words in the given language (no command's own words). */
export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  return translator(locale)(key, params);
}

/** A translator of the shared words bound to one language, and to a platform for its variants. */
export function translator(locale: Locale, place?: WordPlace): Translate<MessageKey> {
  return wordsTranslator<MessageKey>([sharedWords], locale, place);
}
