import type { Locale } from "../domain/locale.js";

/**
 * French typography, the one rule for every French word the bot says: a no-break space before
 * `: ; ! ?` and inside « », so a line never breaks before the mark and "Catégorie : " reads like
 * "Newsdesk : ". Applied to templates when words are defined (never to what users or articles
 * wrote), so nobody types the spaces by hand. The narrow one (U+202F) before ; ! ?, the full one
 * (U+00A0) before : and inside guillemets, as the Imprimerie nationale sets them.
 */
const NBSP = "\u00A0";
const NNBSP = "\u202F";
const SPACE = "[ \\u00A0\\u202F]";
/** A mark counts when it ends a word: followed by a space, a closing sign or the end ("09:00", "https://" and "?q=" do not). */
const ENDS = "(?=[\\s»”’)}\\]]|$)";

const BEFORE_THIN = new RegExp(`([^\\s${NBSP}${NNBSP}(«“])${SPACE}?([;!?])${ENDS}`, "gu");
const BEFORE_COLON = new RegExp(`([^\\s${NBSP}${NNBSP}(«“:])${SPACE}?:${ENDS}`, "gu");
const AFTER_OPEN = new RegExp(`«${SPACE}*`, "gu");
const BEFORE_CLOSE = new RegExp(`${SPACE}*»`, "gu");

/** The text as it is set in `locale`: French gets its no-break spaces, other languages are left alone. */
export function typeset(locale: Locale, text: string): string {
  if (locale !== "fr") return text;
  return text
    .replace(AFTER_OPEN, `«${NBSP}`)
    .replace(BEFORE_CLOSE, `${NBSP}»`)
    .replace(BEFORE_THIN, `$1${NNBSP}$2`)
    .replace(BEFORE_COLON, `$1${NBSP}:`);
}

/** What joins a label to its value ("Date: " / "Date : "), from the same rule. */
export function labelSeparator(locale: Locale | undefined): string {
  return `${typeset(locale ?? "en", "a:").slice(1)} `;
}
