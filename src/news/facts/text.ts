/** Shared text helpers for the fact rules: folding, tokens with offsets, word classes. */
import { spend } from "../work-meter.js";

const COMBINING = /[\u0300-\u036f]/g;

const ASCII = /^[\x20-\x7e]*$/;
const folded = new Map<string, string>();

/** Lower-case, strip accents, unify apostrophes: the key every gazetteer and lexicon lookup uses. */
export function fold(s: string): string {
  if (ASCII.test(s)) return s.toLowerCase();
  let f = folded.get(s);
  if (f === undefined) {
    f = s.normalize("NFD").replace(COMBINING, "").replace(/’/g, "'").toLowerCase();
    // Words repeat across articles; the cache stays small enough to never matter (long strings,
    // which do not repeat, are not kept: 50,000 of 2,000 characters would be 200 MB).
    if (folded.size > 50_000) folded.clear();
    if (s.length <= 64) folded.set(s, f);
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
// A hand-written scanner: the equivalent Unicode regex costs twice as much per sentence.
const ELISION = /^(?:[dljmnstc]|qu|jusqu|lorsqu|puisqu)['’](?=\p{L})/iu;
const POSSESSIVE = /['’]s$/u;
const UPPER_START = /^\p{Lu}/u;
// Roman numerals, alone or as ordinals ("XIXe siècle", "XXIst").
const ROMAN = /^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XV|XVI{0,3}|XIX|XX|XXI)(?:e|er|ème|th|st|nd|rd)?$/;

/**
 * Build a token in one pass over its characters: case, acronym shape, digits and the ASCII test
 * that lets `fold` skip Unicode normalisation. Tokens are the extractor's most frequent objects.
 */
function makeToken(text: string, start: number, possessive: boolean): Token {
  let uppers = 0;
  let letters = 0;
  let digit = false;
  let ascii = true;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 65 && c <= 90) {
      uppers++;
      letters++;
    } else if (c >= 97 && c <= 122) letters++;
    else if (c >= 48 && c <= 57) digit = true;
    else if (c > 127) {
      ascii = false;
      letters++;
    }
  }
  const first = text.charCodeAt(0);
  const cap = first < 128 ? first >= 65 && first <= 90 : UPPER_START.test(text);
  // Mostly upper case ("FMI", "AfD", "COP29"), never a shouted long word or a Roman numeral.
  const acronym =
    text.length >= 2 && text.length <= 9 && uppers >= 2 && uppers >= letters - 1 && !ROMAN.test(text);
  return {
    text,
    key: ascii ? text.toLowerCase() : fold(text),
    start,
    end: start + text.length,
    cap,
    acronym,
    possessive,
    numeric: digit,
  };
}

/** Position of the first apostrophe in a word, or -1 (most words have none: no regex for them). */
function apostrophe(text: string): number {
  const a = text.indexOf("'");
  const b = text.indexOf("’");
  return a < 0 ? b : b < 0 ? a : Math.min(a, b);
}

// Letters and digits outside ASCII, looked up once per code unit and remembered.
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const wordChars = new Uint8Array(65536);

function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  let v = wordChars[c];
  if (v === 0) {
    v = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
    wordChars[c] = v;
  }
  return v === 1;
}

/** Hyphens, apostrophes, dots, slashes and ampersands join two words into one token. */
function isJoiner(c: number): boolean {
  return c === 45 || c === 39 || c === 0x2019 || c === 46 || c === 47 || c === 38;
}

/** "SS.Les", "inquiétudes.Accord": a dot before a capitalised word starts another sentence. */
function gluedSentence(s: string, dot: number): boolean {
  if (s.charCodeAt(dot) !== 46) return false;
  const next = s[dot + 1] as string;
  const after = s[dot + 2];
  return next !== next.toLowerCase() && after !== undefined && after !== after.toUpperCase();
}

/** Split a sentence into word tokens with their character offsets. */
export function tokenize(sentence: string): Token[] {
  const out: Token[] = [];
  const n = sentence.length;
  spend(n);
  let i = 0;
  while (i < n) {
    if (!isWordChar(sentence.charCodeAt(i))) {
      i++;
      continue;
    }
    let start = i;
    i++;
    while (i < n) {
      const c = sentence.charCodeAt(i);
      if (isWordChar(c)) i++;
      else if (
        isJoiner(c) &&
        i + 1 < n &&
        isWordChar(sentence.charCodeAt(i + 1)) &&
        !gluedSentence(sentence, i)
      )
        i += 2;
      else break;
    }
    // "Canal+", "Disney+": a plus glued to a name belongs to it.
    if (sentence.charCodeAt(i) === 43 && (i + 1 >= n || !isWordChar(sentence.charCodeAt(i + 1)))) i++;
    let text = sentence.slice(start, i);
    let possessive = false;
    const quote = apostrophe(text);
    if (quote > 0) {
      const elided = quote <= 6 ? ELISION.exec(text) : null;
      if (elided !== null && !/^aujourd/i.test(text)) {
        out.push(makeToken(elided[0], start, false));
        start += elided[0].length;
        text = text.slice(elided[0].length);
      }
      if (POSSESSIVE.test(text) && text.length > 3) {
        text = text.slice(0, -2);
        possessive = true;
      }
    }
    // A trailing dot belongs to the sentence, not to "U.S." style tokens: keep inner dots only.
    out.push(makeToken(text, start, possessive));
  }
  return out;
}

const LEADING_JUNK = /[\s,;:«»"“”'’(]/;
const TRAILING_JUNK = /[\s,;:.!?«»"“”'’)]/;

/** Trim spaces and the punctuation that never ends a fact ("jeudi," -> "jeudi"). */
export function trimPunct(s: string): string {
  return trimEndOf(trimStartOf(s, LEADING_JUNK), TRAILING_JUNK);
}

/**
 * `s` without the characters of `junk` (a one-character class) at its end. A loop, not
 * replace(/[...]+$/): that regex retries from every character of a long run that does not reach
 * the end, quadratic in the run.
 */
export function trimEndOf(s: string, junk: RegExp): string {
  let end = s.length;
  while (end > 0 && junk.test(s[end - 1] as string)) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** `s` without the characters of `junk` (a one-character class) at its start. */
export function trimStartOf(s: string, junk: RegExp): string {
  let start = 0;
  while (start < s.length && junk.test(s[start] as string)) start++;
  return start === 0 ? s : s.slice(start);
}

const LETTER = /\p{L}/u;

/** The word right before `pos` (blanks skipped), with its start; a backward scan, not a regex. */
export function wordBefore(s: string, pos: number): { word: string; start: number } | null {
  let end = pos;
  while (end > 0 && /[\s\u00a0]/.test(s[end - 1] as string)) end--;
  let start = end;
  while (start > 0 && LETTER.test(s[start - 1] as string)) start--;
  return start === end ? null : { word: s.slice(start, end), start };
}

/** Whether only blanks stand before `pos` (a backward scan that stops at the first other character). */
export function blankBefore(s: string, pos: number): boolean {
  for (let k = pos - 1; k >= 0; k--) if (!/\s/.test(s[k] as string)) return false;
  return true;
}

/** A Set of folded words from a space-separated list. */
export function wordSet(...lists: string[]): Set<string> {
  const out = new Set<string>();
  for (const list of lists) for (const w of list.split(/\s+/)) if (w.length > 0) out.add(fold(w));
  return out;
}
