/**
 * Places: gazetteer names (countries, capitals, large cities, regions, seas, landmarks, in French
 * and English) and names the context marks as places: a preposition ("à Chiva", "in Bagsvaerd",
 * "near Sagaing"), a place noun ("la région de Kagera", "chapelle Sixtine"), a known place after a
 * comma or in brackets ("Austin, Texas", "Cholet (Maine-et-Loire)"), or a marker ("Red Sea").
 */

import { blankBetween, gap, MAX_FACTS_PER_KIND, type SentenceContext, type Where } from "./context.js";
import { PLACES } from "./gazetteer.js";
import { ADJECTIVE_ENDING, PLACE_NOUNS } from "./lexicon.js";
import { fold, type Token } from "./text.js";

/** A preposition or a place noun right before the name. */
export function placeCueBefore(ctx: SentenceContext, i: number): boolean {
  const { tokens } = ctx;
  const prev = tokens[i - 1];
  if (prev === undefined || prev.cap || !blankBetween(ctx, i - 1, i)) return false;
  // "à Chiva", "in Bagsvaerd", "near Sagaing" ("a" folds from "à": the verb "a" does not count).
  if (ctx.lex.placeCues.has(prev.key) && (prev.key !== "a" || prev.text !== "a")) return true;
  // "la région de Kagera", "quartier de la Part-Dieu", "chapelle Sixtine", "près de Lyon",
  // "la centrale nucléaire du Bugey" (one adjective may follow the noun).
  let k = i - 1;
  while (k >= 0 && i - k <= 2 && /^(?:de|d'|du|la|l')$/.test((tokens[k] as Token).key)) k--;
  const adjective = tokens[k];
  if (
    k < i - 1 &&
    adjective !== undefined &&
    !adjective.cap &&
    !PLACE_NOUNS.has(adjective.key) &&
    ADJECTIVE_ENDING.test(adjective.key)
  )
    k--;
  const noun = tokens[k];
  if (noun !== undefined && !noun.cap && blankBetween(ctx, k, k + 1)) {
    if (PLACE_NOUNS.has(noun.key)) return true;
    if (noun.key === "pres" && k < i - 1) return true;
  }
  // "dans le Nord", "dans l'Essonne", "at the Olympiastadion"
  if (/^(?:le|la|l'|the)$/.test(prev.key)) {
    const p2 = tokens[i - 2];
    if (p2 !== undefined && /^(?:dans|at)$/.test(p2.key) && blankBetween(ctx, i - 2, i - 1)) return true;
  }
  return false;
}

/** A known place right after: "Austin, Texas", "Cholet (Maine-et-Loire)", "Bugey, dans l'Ain". */
export function placeContextAfter(ctx: SentenceContext, j0: number): boolean {
  let j = j0;
  // ", dans l'Ain", ", in Texas"
  const lead = ctx.tokens[j];
  if (lead !== undefined && /^(?:dans|in)$/.test(lead.key) && /^,[\s\u00a0]+$/.test(gap(ctx, j - 1, j))) {
    j++;
    if (/^(?:le|la|l'|les)$/.test(ctx.tokens[j]?.key ?? "")) j++;
  } else if (!/^(?:,|[\s\u00a0]*\()[\s\u00a0]*$/.test(gap(ctx, j - 1, j))) return false;
  const next = ctx.tokens[j];
  if (next === undefined || !next.cap) return false;
  const n = PLACES.matchAt(ctx.text, ctx.tokens, j);
  if (n === 0) return false;
  const after = ctx.tokens[j + n];
  return after === undefined || !after.cap || !blankBetween(ctx, j + n - 1, j + n);
}

/** All the places of an article, once each: the first MAX_FACTS_PER_KIND named. */
export class PlaceRegistry {
  private readonly places = new Map<string, { name: string; where: Where }>();

  has(name: string): boolean {
    return this.places.has(fold(name));
  }

  add(name: string, where: Where): void {
    const key = fold(name);
    if (!this.places.has(key) && this.places.size < MAX_FACTS_PER_KIND) this.places.set(key, { name, where });
  }

  list(): { name: string; where: Where }[] {
    return [...this.places.values()];
  }
}
