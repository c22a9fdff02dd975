import type { KeywordFilter } from "../domain/keyword-filter.js";

/**
 * Reading what a moderator typed after a topic (`-etf "el salvador" bitcoin`) as a keyword filter
 * (ADR 0113): words and quoted phrases must all appear, those with a leading `-` must not. Plain
 * text only: quotes group words, nothing else is an operator, so no user text ever becomes a
 * pattern. Matching is the search index's job (KeywordMatcher).
 */

const MAX_PARTS = 10;
const MAX_PART_CHARS = 60;
export const MAX_FILTER_CHARS = 200;
/** `-`? then a quoted phrase ("…", “…”, «…») or one word. */
const PART = /(-?)(?:"([^"]*)"|“([^”]*)”|«([^»]*)»|(\S+))/gu;

export type FilterReading =
  | { ok: true; filter: KeywordFilter; text: string }
  | { ok: false; problem: "tooLong" | "tooMany" | "noWords" };

/** The filter in `input`; `text` is its normalised spelling (what is stored and shown). */
export function readKeywordFilter(input: string): FilterReading {
  const source = input.trim();
  if (source.length > MAX_FILTER_CHARS) return { ok: false, problem: "tooLong" };
  const include: string[] = [];
  const exclude: string[] = [];
  const shown: string[] = [];
  for (const match of source.matchAll(PART)) {
    const negated = match[1] === "-";
    // Stray quote marks go, so the stored spelling reads back as the same filter.
    const phrase = (match[2] ?? match[3] ?? match[4] ?? match[5] ?? "")
      .replace(/["“”«»]/g, "")
      .replace(/\s+/g, " ")
      .trim();
    // A phrase must hold a letter or a digit: "-", "!!" or "" would match nothing, or everything.
    if (!/[\p{L}\p{N}]/u.test(phrase)) return { ok: false, problem: "noWords" };
    if (phrase.length > MAX_PART_CHARS) return { ok: false, problem: "tooLong" };
    const list = negated ? exclude : include;
    if (list.some((p) => p.toLowerCase() === phrase.toLowerCase())) continue;
    list.push(phrase);
    const spelled = /\s/.test(phrase) ? `"${phrase}"` : phrase;
    shown.push(negated ? `-${spelled}` : spelled);
  }
  if (include.length + exclude.length === 0) return { ok: false, problem: "noWords" };
  if (include.length + exclude.length > MAX_PARTS) return { ok: false, problem: "tooMany" };
  return { ok: true, filter: { include, exclude }, text: shown.join(" ") };
}
