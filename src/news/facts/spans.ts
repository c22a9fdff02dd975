/**
 * Runs of capitalised words that may be names, and the shape tests the classification uses on
 * them (a marker inside, a place marker, a person-like run).
 */

import { spend } from "../work-meter.js";
import { blankBetween, gap, type SentenceContext } from "./context.js";
import { FIRST_NAME_KEYS, ORGS, PLACES } from "./gazetteer.js";
import {
  AND_WORDS,
  CONNECTORS,
  DEMONYMS,
  MONTHS,
  ORG_MARKERS,
  PLACE_MARKERS,
  PLACE_PREFIXES,
  STOP_CAPS,
  WEEKDAYS,
} from "./lexicon.js";
import type { Token } from "./text.js";

/**
 * Words in a name at the most ("Department of Forestry and Fire Protection" has six). A longer run
 * of capitalised words is a shouted line or a list: only the gazetteers' names are read in it, and
 * the rules that look at the whole run (each of them linear in its length) stay bounded.
 */
export const MAX_NAME_TOKENS = 16;

/** A word that can be part of a name: capitalised or an acronym, no digit first, no elision. */
export function isNameToken(t: Token): boolean {
  if (!(t.cap || t.acronym) || /^\d/.test(t.text) || /['’]$/.test(t.text)) return false;
  return !(t.cap && (MONTHS.has(t.key) || WEEKDAYS.has(t.key)) && t.text.length > 3);
}

/** Whether a run may go on through "de" or "of": not from a sentence-initial common word ("Shares of Oracle"). */
function trusted(ctx: SentenceContext, start: number): boolean {
  let i = start;
  // "The Bank of England": the article opening the sentence does not count.
  while (i === start && i + 1 < ctx.tokens.length && ctx.lex.stopwords.has((ctx.tokens[i] as Token).key)) i++;
  const t = ctx.tokens[i] as Token;
  if (i > 0 || t.acronym || ORG_MARKERS.has(t.key) || FIRST_NAME_KEYS.has(t.key)) return true;
  return PLACES.matchAt(ctx.text, ctx.tokens, i) > 0 || ORGS.matchAt(ctx.text, ctx.tokens, i) > 0;
}

/** Whether a capitalised organisation marker stands in tokens [i, j). */
export function hasMarker(ctx: SentenceContext, i: number, j: number): boolean {
  spend(j - i);
  for (let k = i; k < j; k++) {
    const t = ctx.tokens[k] as Token;
    if (t.cap && ORG_MARKERS.has(t.key)) return true;
  }
  return false;
}

/** Whether a place marker ("Airport", "Sea", "Palais") stands in tokens [i, j). */
export function placeMarked(ctx: SentenceContext, i: number, j: number): boolean {
  spend(j - i);
  for (let k = i; k < j; k++) if (PLACE_MARKERS.has((ctx.tokens[k] as Token).key)) return true;
  return false;
}

/** Whether tokens [i, j) look like a person's name. */
export function nameLike(ctx: SentenceContext, i: number, j: number): boolean {
  if (j <= i) return false;
  spend(j - i);
  const first = ctx.tokens[i] as Token;
  if (STOP_CAPS.has(first.key) || PLACE_PREFIXES.has(first.key)) return false;
  // "Amis de la Terre", "Opéras du Rhin": a plural word before "de" is rarely a first name.
  const particle = ctx.tokens.slice(i + 1, j).some((t) => !t.cap && CONNECTORS.has(t.key));
  if (particle && /[sx]$/.test(first.key) && !FIRST_NAME_KEYS.has(first.key)) return false;
  // All plural ("Jeunes Agriculteurs", "Les Républicains"): a group, not a person.
  if (j - i > 1 && ctx.tokens.slice(i, j).every((t) => /[sx]$/.test(t.key))) return false;
  for (let k = i; k < j; k++) {
    const t = ctx.tokens[k] as Token;
    if (!t.cap) {
      if (k === i || k === j - 1 || !CONNECTORS.has(t.key)) return false;
      continue;
    }
    if (ORG_MARKERS.has(t.key) || PLACE_MARKERS.has(t.key) || DEMONYMS.has(t.key)) return false;
    if (t.acronym && t.text.length > 2 && !/^[IVX]+$/.test(t.text)) return false;
  }
  return true;
}

/** Runs of capitalised words, joined by "de", "of", "bin"... and, in names with a marker, "and". */
export function findSpans(ctx: SentenceContext, consumed: readonly boolean[]): [number, number][] {
  const { tokens } = ctx;
  const out: [number, number][] = [];
  let i = 0;
  while (i < tokens.length) {
    if (consumed[i] || !isNameToken(tokens[i] as Token)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length && !consumed[j] && !(tokens[j - 1] as Token).possessive) {
      const g = gap(ctx, j - 1, j);
      const plural = /s$/.test((tokens[j - 1] as Token).text) && /^['’][\s\u00a0]+$/.test(g);
      if (!/^[\s\u00a0\u202f]*$/.test(g) && !plural) break;
      if (isNameToken(tokens[j] as Token)) {
        j++;
        continue;
      }
      // Too long to be a name (see MAX_NAME_TOKENS): the run ends here, without the joins below,
      // which look back over the whole run.
      if (j - i > MAX_NAME_TOKENS) break;
      let k = j;
      while (
        k < tokens.length &&
        k - j < 2 &&
        CONNECTORS.has((tokens[k] as Token).key) &&
        !(tokens[k] as Token).cap
      )
        k++;
      const joinsName = k > j && k < tokens.length && isNameToken(tokens[k] as Token) && !consumed[k];
      if (joinsName && trusted(ctx, i) && blankBetween(ctx, k - 1, k) && blankBetween(ctx, j - 1, j)) {
        j = k + 1;
        continue;
      }
      const after = tokens[j + 1];
      if (AND_WORDS.has((tokens[j] as Token).key) && after !== undefined && isNameToken(after)) {
        let r = j + 2;
        while (r < tokens.length && isNameToken(tokens[r] as Token) && blankBetween(ctx, r - 1, r)) r++;
        // "China Road and Bridge Corporation", "Department of Forestry and Fire Protection"
        const marked = hasMarker(ctx, j + 1, r) || hasMarker(ctx, i, j) || placeMarked(ctx, j + 1, r);
        if (
          marked &&
          ORGS.matchAt(ctx.text, tokens, i) === 0 &&
          PLACES.matchAt(ctx.text, tokens, i) < j - i
        ) {
          j = r;
          continue;
        }
      }
      break;
    }
    spend(j - i);
    out.push([i, j]);
    i = j;
  }
  return out;
}
