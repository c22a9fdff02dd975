import { STOPWORDS } from "../../domain/stopwords.js";

/**
 * Turns whatever a user typed into a safe SQLite FTS5 query. Every term is quoted, so FTS
 * operators (AND, NEAR, *, ^, column:) in user text are plain words; elided French articles
 * ("l'électricité") and one-letter tokens are dropped; the query is capped so 500 characters of
 * noise stay cheap. Diacritics and case are handled by the index tokenizer (unicode61
 * remove_diacritics 2), so "electricite" matches "électricité".
 *
 * The text is normalised first (`normalizeQuery`): unicode61 splits words at a combining mark
 * it cannot fold, so "b̷̢͎i̸t̵c̶o̷i̴n̷" (zalgo) would be seven one-letter words and find nothing.
 */

const MAX_TERMS = 12;
const FR_STOP = STOPWORDS.fr;
const EN_STOP = STOPWORDS.en;
const ELISION = /^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)['’]/iu;

/**
 * Longest run of combining marks kept. Real text stacks at most three or four on a letter
 * (Vietnamese two, Devanagari three); String.prototype.normalize is quadratic in a run's length
 * (10,000 marks: 25 ms, 100,000: 2.4 s), so runs are cut before normalising.
 */
const MAX_MARK_RUN = 4;
const MARK_RUN = new RegExp(`(\\p{M}{${MAX_MARK_RUN}})\\p{M}+`, "gu");
/**
 * The script-neutral diacritic blocks (Combining Diacritical Marks and its Extended and
 * Supplement blocks, marks for symbols, half marks): what zalgo text is made of. Left after NFKC
 * composition, such a mark did not belong to a letter (or stacks on one that has a precomposed
 * form already); the index drops or splits at it, so it is dropped here. Script marks (Devanagari
 * vowel signs, Arabic harakat, Thai tones) are outside these blocks and stay.
 */
const STRAY_DIACRITIC = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/gu;
/** Invisible characters that only hide a word's letters: zero-width space, word joiner, BOM, soft hyphen, variation selectors. */
const INVISIBLE = /[\u00ad\u200b\u2060\ufeff]|[\ufe00-\ufe0f]|[\u{e0100}-\u{e01ef}]/gu;

/** Query text as the index sees words: compatibility forms folded (ｂｉｔ, ﬁ), stray marks and invisibles gone. */
export function normalizeQuery(text: string): string {
  return text.replace(MARK_RUN, "$1").normalize("NFKC").replace(STRAY_DIACRITIC, "").replace(INVISIBLE, "");
}

export interface FtsQuery {
  /** All terms must match (tried first). */
  all: string;
  /** Any term may match (the fallback when nothing matches them all). */
  any: string;
  terms: string[];
}

export function searchTerms(text: string): string[] {
  const terms: string[] = [];
  const seen = new Set<string>();
  for (const raw of normalizeQuery(text).split(/[^\p{L}\p{N}'’]+/u)) {
    const word = raw.replace(ELISION, "").replace(/['’]/g, " ").trim();
    for (const part of word.split(" ")) {
      const term = part.toLowerCase();
      if (term.length < 2 && !/^\p{N}$/u.test(term)) continue;
      if (seen.has(term)) continue;
      seen.add(term);
      terms.push(term);
      if (terms.length >= MAX_TERMS) return terms;
    }
  }
  return terms;
}

/** Null when the text holds nothing searchable (only punctuation, say). */
export function buildFtsQuery(text: string): FtsQuery | null {
  const all = searchTerms(text);
  // "le", "de", "the" match nearly every article of their language and rank nothing; they are
  // dropped when other words remain (a query of stopwords alone is still searched as typed).
  const content = all.filter((t) => !FR_STOP.has(t) && !EN_STOP.has(t));
  const terms = content.length > 0 ? content : all;
  if (terms.length === 0) return null;
  const quoted = terms.map((t) => `"${t}"`);
  return { all: quoted.join(" AND "), any: quoted.join(" OR "), terms };
}

/** Prefix query for autocomplete on titles ("bitc" -> titles with a word starting "bitc"). */
export function buildPrefixQuery(text: string): string | null {
  const terms = searchTerms(text);
  if (terms.length === 0) return null;
  return terms.map((t) => `title : "${t}"*`).join(" AND ");
}

/**
 * A keyword filter as two FTS5 queries: every included word or phrase (AND), and any excluded one
 * (OR). Each part is read with the search's own rules (searchTerms) and becomes one quoted FTS5
 * phrase, so nothing a moderator typed is an operator. A part with nothing searchable is left out;
 * null: no such part.
 */
export function buildFilterQueries(filter: { include: readonly string[]; exclude: readonly string[] }): {
  include: string | null;
  exclude: string | null;
} {
  const phrases = (parts: readonly string[]) =>
    parts.flatMap((part) => {
      const terms = searchTerms(part);
      return terms.length === 0 ? [] : [`"${terms.join(" ")}"`];
    });
  const include = phrases(filter.include);
  const exclude = phrases(filter.exclude);
  return {
    include: include.length > 0 ? include.join(" AND ") : null,
    exclude: exclude.length > 0 ? exclude.join(" OR ") : null,
  };
}
