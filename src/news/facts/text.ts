/** Shared text helpers for the fact rules: folding, tokens with offsets, word classes. */

const COMBINING = /[\u0300-\u036f]/g;

const ASCII = /^[\x20-\x7e]*$/;
const folded = new Map<string, string>();

/** Lower-case, strip accents, unify apostrophes: the key every gazetteer and lexicon lookup uses. */
export function fold(s: string): string {
  if (ASCII.test(s)) return s.toLowerCase();
  let f = folded.get(s);
  if (f === undefined) {
    f = s.normalize("NFD").replace(COMBINING, "").replace(/’/g, "'").toLowerCase();
    // Words repeat across articles; the cache stays small enough to never matter.
    if (folded.size > 50_000) folded.clear();
    folded.set(s, f);
  }
  return f;
}

/** One word of a sentence with its offsets; elided articles ("d'", "l'") are tokens of their own. */
export interface Token {
  text: string;
  /** Folded form (see `fold`). */
  key: string;
  start: number;
  end: number;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Looks like an acronym: "FMI", "AfD", "CDU/CSU", "COP29" (2+ upper-case letters, short). */
  acronym: boolean;
  /** Followed by a possessive "'s" that was cut off ("Pakistan's"). */
  possessive: boolean;
  /** Contains a digit. */
  numeric: boolean;
}

// Words joined by hyphens, apostrophes, dots, slashes or ampersands stay one token ("Saint-Pierre",
// "O'Leary", "U.S", "CDU/CSU", "AT&T"); the elision and possessive rules split them again below.
const WORD = /[\p{L}\p{N}]+(?:[-'’./&][\p{L}\p{N}]+)*/gu;
const ELISION = /^(?:[dljmnstc]|qu|jusqu|lorsqu|puisqu)['’](?=\p{L})/iu;
const POSSESSIVE = /['’]s$/u;
const UPPER_START = /^\p{Lu}/u;
const DIGIT = /\d/;
const ROMAN = /^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XV|XVI{0,3}|XX)$/;

function isAcronym(t: string): boolean {
  if (t.length < 2 || t.length > 9) return false;
  let uppers = 0;
  let letters = 0;
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    if (c >= 65 && c <= 90) {
      uppers++;
      letters++;
    } else if ((c >= 97 && c <= 122) || c > 127) letters++;
  }
  // Mostly upper case ("FMI", "AfD", "COP29"), never a shouted long word or a Roman numeral.
  return uppers >= 2 && uppers >= letters - 1 && !ROMAN.test(t);
}

function makeToken(text: string, start: number, possessive: boolean): Token {
  return {
    text,
    key: fold(text),
    start,
    end: start + text.length,
    cap: UPPER_START.test(text),
    acronym: isAcronym(text),
    possessive,
    numeric: DIGIT.test(text),
  };
}

/** Split a sentence into word tokens with their character offsets. */
export function tokenize(sentence: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(sentence); m !== null; m = WORD.exec(sentence)) {
    let text = m[0];
    let start = m.index;
    const elided = ELISION.exec(text);
    if (elided !== null && !/^aujourd/i.test(text)) {
      out.push(makeToken(elided[0], start, false));
      start += elided[0].length;
      text = text.slice(elided[0].length);
    }
    let possessive = false;
    if (POSSESSIVE.test(text) && text.length > 3) {
      text = text.slice(0, -2);
      possessive = true;
    }
    // A trailing dot belongs to the sentence, not to "U.S." style tokens: keep inner dots only.
    out.push(makeToken(text, start, possessive));
  }
  return out;
}

/** The raw text between two tokens (what separates them: spaces, commas, quotes...). */
export function gapBetween(sentence: string, a: Token, b: Token): string {
  return sentence.slice(a.end, b.start);
}

/** Trim spaces and the punctuation that never ends a fact ("jeudi," -> "jeudi"). */
export function trimPunct(s: string): string {
  return s.replace(/^[\s,;:«»"“”'’(]+|[\s,;:.!?«»"“”'’)]+$/gu, "");
}

/** A Set of folded words from a space-separated list. */
export function wordSet(...lists: string[]): Set<string> {
  const out = new Set<string>();
  for (const list of lists) for (const w of list.split(/\s+/)) if (w.length > 0) out.add(fold(w));
  return out;
}
