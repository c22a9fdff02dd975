/**
 * Phrase lookups over tokens: the place, organisation and non-entity gazetteers compiled once into
 * maps keyed by their first folded token, so a sentence is scanned in one pass.
 */
import { ACRONYMS, FIRST_NAMES, KNOWN_ORGS, NOT_ENTITIES, NOT_ORG_ACRONYMS } from "./gazetteer-names.js";
import { PLACE_NAMES } from "./gazetteer-places.js";
import { fold, type Token, tokenize } from "./text.js";

interface Entry {
  keys: string[];
  text: string;
}

/** A gazetteer of multi-word phrases matched token by token (case- and accent-folded). */
export class PhraseSet {
  private readonly byFirst = new Map<string, Entry[]>();

  constructor(phrases: Iterable<string>) {
    for (const text of phrases) this.add(text);
  }

  add(text: string): void {
    const keys = tokenize(text).map((t) => t.key);
    const first = keys[0];
    if (first === undefined) return;
    const list = this.byFirst.get(first) ?? [];
    if (list.some((e) => e.keys.join(" ") === keys.join(" "))) return;
    list.push({ keys, text });
    list.sort((a, b) => b.keys.length - a.keys.length);
    this.byFirst.set(first, list);
  }

  /** Number of tokens of the longest phrase starting at `i` (0 when none); gaps must be blank. */
  matchAt(sentence: string, tokens: readonly Token[], i: number, limit = tokens.length): number {
    const first = tokens[i];
    const list = first === undefined ? undefined : this.byFirst.get(first.key);
    if (list === undefined) return 0;
    for (const e of list) {
      if (i + e.keys.length > limit) continue;
      let ok = true;
      for (let k = 1; k < e.keys.length && ok; k++) {
        const prev = tokens[i + k - 1] as Token;
        const tok = tokens[i + k] as Token;
        ok = tok.key === e.keys[k] && /^[\s\u00a0\u202f]*$/.test(sentence.slice(prev.end, tok.start));
      }
      if (ok) return e.keys.length;
    }
    return 0;
  }

  /** Whether the whole phrase is in the set. */
  has(text: string): boolean {
    const keys = tokenize(text).map((t) => t.key);
    const list = this.byFirst.get(keys[0] ?? "");
    return list?.some((e) => e.keys.length === keys.length && e.keys.every((k, j) => k === keys[j])) ?? false;
  }
}

export const PLACES = new PhraseSet(PLACE_NAMES);
export const ORGS = new PhraseSet([
  ...KNOWN_ORGS,
  ...Object.values(ACRONYMS).flatMap((e) => [e.fr, e.en].filter((x): x is string => x !== undefined)),
]);
export const NON_ENTITIES = new PhraseSet(NOT_ENTITIES);
export const FIRST_NAME_KEYS = new Set(FIRST_NAMES.map(fold));
const NOT_ORG = new Set(NOT_ORG_ACRONYMS.map(fold));

/** Whether an acronym-looking token can name an organisation ("FMI" yes, "PDG" or "MW" no). */
export function isOrgAcronym(token: Token): boolean {
  // Digits name a model or an edition ("EPR2", "COP29", "A1"), not an organisation.
  return token.acronym && !NOT_ORG.has(token.key) && !/\d/.test(token.text);
}

/** The expansion a known acronym has in the given language, if any. */
export function knownExpansion(acronym: string, lang: string): string | null {
  const entry = ACRONYMS[acronym] ?? ACRONYMS[acronym.toUpperCase()];
  if (entry === undefined) return null;
  return (lang === "fr" ? (entry.fr ?? entry.en) : (entry.en ?? entry.fr)) ?? null;
}
