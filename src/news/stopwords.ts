/**
 * Stopwords by ISO 639-1 code. French and English use the curated lists of the domain
 * (src/domain/stopwords.ts, shared with search); other languages fall back to stopwords-iso.
 */
import { createRequire } from "node:module";
import { isLocale } from "../domain/locale.js";
import { STOPWORDS } from "../domain/stopwords.js";

/**
 * stopwords-iso is one 200 kB JSON file for every language: read on first need (French and English
 * never need it), and through require, since plain Node (the compiled bot, ADR 0088) imports a
 * JSON module only with an import attribute.
 */
const require = createRequire(import.meta.url);
let iso: Record<string, string[] | undefined> | null = null;

const EMPTY: ReadonlySet<string> = new Set();
const fromIso = new Map<string, ReadonlySet<string>>();

/** Lowercased stopwords for a language; an empty set when none are known. */
export function stopwordsFor(lang: string): ReadonlySet<string> {
  const code = lang.toLowerCase().slice(0, 2);
  if (isLocale(code)) return STOPWORDS[code];
  let set = fromIso.get(code);
  if (!set) {
    iso ??= require("stopwords-iso") as Record<string, string[] | undefined>;
    const list = iso[code];
    set = list ? new Set(list.map((w) => w.toLowerCase())) : EMPTY;
    fromIso.set(code, set);
  }
  return set;
}
