import type { Locale } from "./locale.js";

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
  "error.buttonExpired": "This button has expired. Run the command again.",
  "error.rateLimited": "Too many requests right now; please try again in a moment.",
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
  "facts.person": "People",
  "facts.organization": "Organisations",
  "facts.place": "Places",
  "facts.quantity": "Figures",
  "facts.date": "Dates",
  "facts.event": "What happened",
  "console.notACommand": "Commands start with a slash, for example /news bitcoin. Type /help for the list.",
  "console.ready": "Newsdesk console: {count} articles loaded. Type /help, or /news bitcoin.",
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
  "error.buttonExpired": "Ce bouton a expiré. Relancez la commande.",
  "error.rateLimited": "Trop de demandes pour le moment ; réessayez dans un instant.",
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
  "facts.person": "Personnes",
  "facts.organization": "Organisations",
  "facts.place": "Lieux",
  "facts.quantity": "Chiffres",
  "facts.date": "Dates",
  "facts.event": "Ce qui s’est passé",
  "console.notACommand":
    "Les commandes commencent par une barre oblique, par exemple /news bitcoin. Tapez /help pour la liste.",
  "console.ready": "Console Newsdesk : {count} articles chargés. Tapez /help, ou /news bitcoin.",
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
