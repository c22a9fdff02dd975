/** What every rule sees of the sentence it works on, and where a fact was found. */
import type { LanguageLexicon } from "./lexicon.js";
import type { Token } from "./text.js";

/**
 * Facts kept of each kind, the first ones in reading order: a news article names a few dozen; a
 * text that names thousands is a list, and every lookup among them stays cheap this way. Every
 * rule's collector stops there, and the extractor cuts the merged list there again.
 */
export const MAX_FACTS_PER_KIND = 200;

export interface SentenceContext {
  /** Position in the article (0 is the title). */
  index: number;
  text: string;
  tokens: Token[];
  lex: LanguageLexicon;
  /** An English Title Case headline: capitals carry no information there. */
  titleCase: boolean;
}

/** Where a fact was first seen, for ordering and for its `sentence`. */
export interface Where {
  index: number;
  start: number;
  sentence: string;
}

/** The sentence's text from token `i` to token `j - 1`, with what stands between them. */
export function textOf(ctx: SentenceContext, i: number, j: number): string {
  return ctx.text.slice((ctx.tokens[i] as Token).start, (ctx.tokens[j - 1] as Token).end);
}

export function whereOf(ctx: SentenceContext, start: number): Where {
  return { index: ctx.index, start, sentence: ctx.text };
}

/** Order of first appearance. */
export function before(a: Where, b: Where): boolean {
  return a.index < b.index || (a.index === b.index && a.start < b.start);
}

const BLANK = /^[\s\u00a0\u202f]*$/;

/** Whether two neighbouring tokens are separated by blanks only (or nothing: "d'El"). */
export function blankBetween(ctx: SentenceContext, a: number, b: number): boolean {
  const ta = ctx.tokens[a];
  const tb = ctx.tokens[b];
  if (ta === undefined || tb === undefined) return false;
  return BLANK.test(ctx.text.slice(ta.end, tb.start));
}

/** The raw text between token `a` and token `b`. */
export function gap(ctx: SentenceContext, a: number, b: number): string {
  const ta = ctx.tokens[a];
  const tb = ctx.tokens[b];
  if (ta === undefined || tb === undefined) return "";
  return ctx.text.slice(ta.end, tb.start);
}
