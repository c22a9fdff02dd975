/**
 * Snowball stemming by ISO 639-1 code, with a per-language memo: news vocabulary repeats a lot,
 * and a lookup is much cheaper than running the stemmer. Languages Snowball lacks get no stemming.
 */
import { createRequire } from "node:module";

/**
 * The Snowball stemmers (870 kB of CommonJS for every language) load on the first stemming, not
 * with the bot: the main thread of a start stems nothing, and importing them took ~100 ms and
 * ~14 MB (ADR 0088). Through require, which is synchronous.
 */
const require = createRequire(import.meta.url);

/** Maps a lowercased word to its stem. */
export type Stemmer = (word: string) => string;

const ALGORITHMS: Readonly<Record<string, string>> = {
  ar: "arabic",
  ca: "catalan",
  cs: "czech",
  da: "danish",
  de: "german",
  en: "english",
  es: "spanish",
  eu: "basque",
  fi: "finnish",
  fr: "french",
  ga: "irish",
  hu: "hungarian",
  hy: "armenian",
  it: "italian",
  nb: "norwegian",
  nl: "dutch",
  nn: "norwegian",
  no: "norwegian",
  pt: "portuguese",
  ro: "romanian",
  ru: "russian",
  sl: "slovene",
  sv: "swedish",
  ta: "tamil",
  tr: "turkish",
};

// Bounded so a long-running bot reading 100k articles keeps a flat memory profile.
const MAX_MEMO = 100_000;
/**
 * Longer words are left as they are: no language's words are that long ("anticonstitutionnellement"
 * has 25 letters), and the Snowball port's cost grows with the length (1.6 ms for 2,000 letters).
 */
const MAX_STEM_CHARS = 40;
const stemmers = new Map<string, Stemmer>();

const identity: Stemmer = (word) => word;

/** True when Snowball has a stemmer for this language. */
export function hasStemmer(lang: string): boolean {
  return ALGORITHMS[lang.toLowerCase().slice(0, 2)] !== undefined;
}

/** The memoised stemmer for a language; the identity function when Snowball has none. */
export function stemmerFor(lang: string): Stemmer {
  const code = lang.toLowerCase().slice(0, 2);
  const cached = stemmers.get(code);
  if (cached) return cached;
  const algorithm = ALGORITHMS[code];
  let stemmer = identity;
  if (algorithm !== undefined) {
    const { newStemmer } = require("snowball-stemmers") as typeof import("snowball-stemmers");
    const raw = newStemmer(algorithm);
    const memo = new Map<string, string>();
    stemmer = (word) => {
      if (word.length > MAX_STEM_CHARS) return word;
      let s = memo.get(word);
      if (s === undefined) {
        s = raw.stem(word);
        if (memo.size >= MAX_MEMO) memo.clear();
        memo.set(word, s);
      }
      return s;
    };
  }
  stemmers.set(code, stemmer);
  return stemmer;
}
