/**
 * Word tokenization shared by the summarizer and the quality benchmark. A word is a run of
 * letters and digits (Unicode \p{L} and \p{N}); apostrophes and hyphens separate words.
 * `scanWords` is a hand-rolled scanner (a table for Latin, a regex only beyond it): the
 * summarizer runs on every article, and `matchAll` with a Unicode regex is several times slower.
 */
import { stemmerFor } from "./stem.js";
import { stopwordsFor } from "./stopwords.js";

/** The word pattern, for callers that prefer a regex. */
export const WORD = /[\p{L}\p{N}]+/gu;

const WORD_CHAR = /[\p{L}\p{N}]/u;
const TABLE_SIZE = 0x2000;
// 1 where the UTF-16 unit is a letter or digit, for the first 8192 code points (Latin, Greek, Cyrillic...).
const TABLE = new Uint8Array(TABLE_SIZE);
for (let c = 0; c < TABLE_SIZE; c++) {
  if (c < 0xd800 && WORD_CHAR.test(String.fromCharCode(c))) TABLE[c] = 1;
}

/** Length (1 or 2 UTF-16 units) of the word character at `i`, or 0 if it is not one. */
function wordCharLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < TABLE_SIZE) return TABLE[c] as number;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    return WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  return WORD_CHAR.test(text[i] as string) ? 1 : 0;
}

/** Call `onWord(start, end)` for each word of `text`, in order. */
export function scanWords(text: string, onWord: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let k = wordCharLength(text, i);
    if (k === 0) {
      i++;
      continue;
    }
    const start = i;
    while (k > 0) {
      i += k;
      k = i < n ? wordCharLength(text, i) : 0;
    }
    onWord(start, i);
  }
}

/** Lowercased word tokens, in order. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  scanWords(text, (a, b) => {
    out.push(text.slice(a, b).toLowerCase());
  });
  return out;
}

/** Maps a lowercased word to its content term (its stem), or null for stopwords and one-letter words. */
export type TermOf = (word: string) => string | null;

const MAX_MEMO = 100_000;
const termCache = new Map<string, TermOf>();

/** The memoised word -> content term function of a language (stopwords, then Snowball). */
export function termFunction(lang: string): TermOf {
  const code = lang.toLowerCase().slice(0, 2);
  let fn = termCache.get(code);
  if (fn) return fn;
  const stop = stopwordsFor(code);
  const stem = stemmerFor(code);
  const memo = new Map<string, string | null>();
  fn = (word) => {
    let t = memo.get(word);
    if (t === undefined) {
      t = word.length < 2 || stop.has(word) ? null : stem(word);
      if (memo.size >= MAX_MEMO) memo.clear();
      memo.set(word, t);
    }
    return t;
  };
  termCache.set(code, fn);
  return fn;
}

/** Stems of the content words (stopwords and one-letter words dropped), in order. */
export function contentStems(text: string, lang: string): string[] {
  const termOf = termFunction(lang);
  const out: string[] = [];
  for (const w of tokenize(text)) {
    const t = termOf(w);
    if (t !== null) out.push(t);
  }
  return out;
}
