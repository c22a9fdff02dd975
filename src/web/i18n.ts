/**
 * The dashboard's own words, in English and French. The language is the reader's choice (the
 * switch, kept in a cookie), else the best of the browser's Accept-Language, else English.
 */
export const UI_LANGUAGES = ["en", "fr"] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

const en = {
  appName: "Newsdesk dashboard",
  skip: "Skip to content",
  navLabel: "Main",
  overview: "Overview",
  settings: "Settings",
  signIn: "Sign in",
  signOut: "Sign out",
  signedInAs: "Signed in as {name}",
  language: "Language",
  signInTitle: "Sign in to Newsdesk",
  signInIntro: "Choose how you run the bot: as its operator, or as a moderator of a server or a chat.",
  operatorWay: "Operator",
  operatorHelp: "Run {command} on the bot's machine and open the link it prints.",
  linkTitle: "Sign in with an operator link",
  linkConfirm: "This link signs you in once, as the operator. Continue?",
  linkUsed: "This sign-in link is not valid: it was used already, it expired, or it was mistyped.",
  discordWay: "Discord moderators",
  discordButton: "Sign in with Discord",
  discordNoGuild:
    "You manage no server where Newsdesk is (you need to own it, or hold Administrator or Manage Server).",
  discordFailed: "Discord did not confirm the sign-in. Please try again.",
  telegramWay: "Telegram chat admins",
  telegramHelp: "Use the button below; Telegram confirms who you are.",
  telegramRefused: "Telegram's sign-in could not be verified (it is wrong or more than a day old).",
  tooMany: "Too many sign-in attempts from your address. Try again in a minute.",
  forbidden: "You may not see or change this.",
  notFound: "There is no such page.",
  badRequest: "This request could not be read.",
  refusedPost: "This form was refused: it did not come from this dashboard. Reload the page and try again.",
  serverError: "Something went wrong (ref {ref}).",
  errorTitle: "Error",
  health: "Health",
  healthy: "All parts are working.",
  unhealthy: "Not ready: {reason}",
  articles: "Articles",
  articleCount: "{count} articles in the library",
  channels: "Channels you manage",
  noChannels: "No channel to show yet.",
  timeZone: "Time zone",
  postLanguage: "Language of posts",
  save: "Save",
  saved: "Saved.",
  english: "English",
  french: "Français",
  rights: "Your rights",
  operatorRights: "Operator: every channel, health and sources.",
  discordRights: "Discord moderator of {count} server(s).",
  telegramRights: "Telegram admin: chats are checked when you open them.",
};

export type WordKey = keyof typeof en;

const fr: Record<WordKey, string> = {
  appName: "Tableau de bord Newsdesk",
  skip: "Aller au contenu",
  navLabel: "Principal",
  overview: "Vue d'ensemble",
  settings: "Réglages",
  signIn: "Se connecter",
  signOut: "Se déconnecter",
  signedInAs: "Connecté en tant que {name}",
  language: "Langue",
  signInTitle: "Se connecter à Newsdesk",
  signInIntro: "Choisissez votre rôle : opérateur du bot, ou modérateur d'un serveur ou d'un groupe.",
  operatorWay: "Opérateur",
  operatorHelp: "Lancez {command} sur la machine du bot et ouvrez le lien qu'il affiche.",
  linkTitle: "Se connecter avec un lien d'opérateur",
  linkConfirm: "Ce lien vous connecte une seule fois, en tant qu'opérateur. Continuer ?",
  linkUsed: "Ce lien de connexion n'est pas valable : déjà utilisé, expiré ou mal recopié.",
  discordWay: "Modérateurs Discord",
  discordButton: "Se connecter avec Discord",
  discordNoGuild:
    "Vous ne gérez aucun serveur où se trouve Newsdesk (il faut en être propriétaire, ou avoir Administrateur ou Gérer le serveur).",
  discordFailed: "Discord n'a pas confirmé la connexion. Veuillez réessayer.",
  telegramWay: "Administrateurs Telegram",
  telegramHelp: "Utilisez le bouton ci-dessous ; Telegram confirme votre identité.",
  telegramRefused:
    "La connexion Telegram n'a pas pu être vérifiée (elle est fausse ou date de plus d'un jour).",
  tooMany: "Trop de tentatives de connexion depuis votre adresse. Réessayez dans une minute.",
  forbidden: "Vous ne pouvez ni voir ni modifier ceci.",
  notFound: "Cette page n'existe pas.",
  badRequest: "Cette requête n'a pas pu être lue.",
  refusedPost:
    "Ce formulaire a été refusé : il ne venait pas de ce tableau de bord. Rechargez la page et réessayez.",
  serverError: "Une erreur s'est produite (réf. {ref}).",
  errorTitle: "Erreur",
  health: "État",
  healthy: "Tout fonctionne.",
  unhealthy: "Pas prêt : {reason}",
  articles: "Articles",
  articleCount: "{count} articles dans la bibliothèque",
  channels: "Salons que vous gérez",
  noChannels: "Aucun salon à afficher pour l'instant.",
  timeZone: "Fuseau horaire",
  postLanguage: "Langue des publications",
  save: "Enregistrer",
  saved: "Enregistré.",
  english: "English",
  french: "Français",
  rights: "Vos droits",
  operatorRights: "Opérateur : tous les salons, l'état et les sources.",
  discordRights: "Modérateur Discord de {count} serveur(s).",
  telegramRights: "Administrateur Telegram : les groupes sont vérifiés à l'ouverture.",
};

const WORDS: Record<UiLanguage, Record<WordKey, string>> = { en, fr };

export type Translate = (key: WordKey, params?: Record<string, string | number>) => string;

export function translator(language: UiLanguage): Translate {
  const words = WORDS[language];
  return (key, params) =>
    words[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole,
    );
}

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === "string" && (UI_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The best supported language of an Accept-Language header ("fr-CH, fr;q=0.9, en;q=0.8"), by
 * quality then order; English when none is supported. Malformed parts are skipped, never thrown on.
 */
export function fromAcceptLanguage(header: string | undefined): UiLanguage {
  let best: { language: UiLanguage; q: number } | null = null;
  for (const part of (header ?? "").slice(0, 512).split(",")) {
    const [tag = "", ...params] = part.trim().split(";");
    const base = tag.trim().toLowerCase().split("-")[0];
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!isUiLanguage(base) || !Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { language: base, q };
  }
  return best?.language ?? "en";
}
