import { stopwordsFor } from "./stopwords.js";

/**
 * Turns whatever a user typed into a safe SQLite FTS5 query. Every term is quoted, so FTS
 * operators (AND, NEAR, *, ^, column:) in user text are plain words; elided French articles
 * ("l'électricité") and one-letter tokens are dropped; the query is capped so 500 characters of
 * noise stay cheap. Diacritics and case are handled by the index tokenizer (unicode61
 * remove_diacritics 2), so "electricite" matches "électricité".
 */

const MAX_TERMS = 12;
const FR_STOP = stopwordsFor("fr");
const EN_STOP = stopwordsFor("en");
const ELISION = /^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)['’]/iu;

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
  for (const raw of text.normalize("NFC").split(/[^\p{L}\p{N}'’]+/u)) {
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
