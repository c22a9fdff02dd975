/**
 * How an article argument is read: an id must match exactly, words are searched. See
 * docs/adr/0052-id-shaped-arguments-match-exactly.md.
 */
import type { Article, ArticleMatch } from "../domain/article.js";
import { slugify } from "./slug.js";

/**
 * One token of letters and digits in two or more parts joined by "-" or "_": how ids look
 * ("000_df19e6179d96e4ae", "2025-07-19-bitcoin"), not how a search does. Such an argument names an
 * article by its id or names none; it is never answered with whatever a search finds.
 */
const ID_SHAPED = /^[\p{L}\p{M}\p{N}]+(?:[-_][\p{L}\p{M}\p{N}]+)+$/u;

export function isIdShaped(text: string): boolean {
  return ID_SHAPED.test(text);
}

export interface Named {
  id: string;
  title: string;
}

/**
 * The ids nearest to `id`: within a few edits (a typo, a changed character), or starting with it
 * (an id cut short); nearest first. Linear in the number of articles, each comparison bounded.
 */
export function nearestIds<T extends Named>(id: string, candidates: Iterable<T>, limit: number): T[] {
  const max = Math.max(2, Math.floor(id.length / 4));
  const near: { item: T; distance: number }[] = [];
  for (const item of candidates) {
    const distance = item.id.startsWith(id) ? 1 : editDistance(id, item.id, max);
    if (distance <= max) near.push({ item, distance });
  }
  return near
    .sort((a, b) => a.distance - b.distance || a.item.id.localeCompare(b.item.id))
    .slice(0, limit)
    .map((n) => n.item);
}

/**
 * The words of an id-shaped argument worth a search: parts with a letter ("2025-07-19-bitcoin" ->
 * "bitcoin"). Numbers alone ("000", "2025") would find every article that mentions one.
 */
export function idWords(id: string): string {
  return id
    .split(/[-_]+/)
    .filter((part) => /\p{L}/u.test(part))
    .join(" ");
}

/** What resolving needs of the library: embargo-aware lookups. */
export interface Catalogue {
  get(id: string): Article | null;
  search(query: string, limit: number): Named[];
  /** The articles visible now (nearest ids are offered among them only). */
  visible(): Iterable<Named>;
}

/** How many close ids and titles a miss offers. */
const CLOSEST = 3;

/**
 * An exact id first: as typed, or after the folding ids get (case, accents: "Énergie-Été-2025"
 * names energie-ete-2025). Then an id-shaped argument is a miss with the nearest ids and the
 * articles its words find; anything else is searched, and the best hit is the answer.
 */
export function resolveArticle(idOrQuery: string, catalogue: Catalogue): ArticleMatch {
  const text = idOrQuery.trim();
  if (text === "") return { article: null, idShaped: false, closest: [] };
  const idShaped = isIdShaped(text);
  const direct = catalogue.get(text) ?? catalogue.get(idShaped ? slugify(text) : text.toLowerCase());
  if (direct) return { article: direct, by: "id" };
  if (idShaped) {
    const id = slugify(text);
    const near = nearestIds(id, catalogue.visible(), CLOSEST);
    return {
      article: null,
      idShaped,
      closest: mergeNamed(near, catalogue.search(idWords(id), CLOSEST), CLOSEST),
    };
  }
  const best = catalogue.search(text, 1)[0];
  const found = best ? catalogue.get(best.id) : null;
  return found ? { article: found, by: "words" } : { article: null, idShaped, closest: [] };
}

/** `first` then `more`, without repeating an id, at most `limit`. */
export function mergeNamed(first: Named[], more: Named[], limit: number): Named[] {
  const seen = new Set<string>();
  const out: Named[] = [];
  for (const { id, title } of [...first, ...more]) {
    if (out.length >= limit) break;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ id, title });
  }
  return out;
}

/**
 * Levenshtein distance, or Infinity once it is sure to exceed `max`. Only the band of cells within
 * `max` of the diagonal can stay under it, so a comparison costs O(length x max), on two rows
 * reused across calls (a miss compares the argument with every id).
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return Number.POSITIVE_INFINITY;
  const over = max + 1;
  if (rows[0].length < b.length + 2)
    rows = [new Int32Array(b.length * 2 + 2), new Int32Array(b.length * 2 + 2)];
  let [previous, row] = rows;
  for (let j = 0; j <= b.length; j++) previous[j] = j <= max ? j : over;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    row[0] = i <= max ? i : over;
    if (from > 1) row[from - 1] = over;
    let best = row[0] as number;
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(
        (previous[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      row[j] = value;
      if (value < best) best = value;
    }
    if (to < b.length) row[to + 1] = over;
    if (best > max) return Number.POSITIVE_INFINITY;
    [previous, row] = [row, previous];
  }
  const distance = previous[b.length] as number;
  return distance <= max ? distance : Number.POSITIVE_INFINITY;
}

let rows: [Int32Array, Int32Array] = [new Int32Array(128), new Int32Array(128)];
