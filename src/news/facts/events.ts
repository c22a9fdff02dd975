/**
 * The main event: the sentence that best combines an event verb (signed, announced, voted,
 * launched...), an early position, words of the title and named entities, cut down to its main
 * clause. The fact's text is a substring of its sentence ("une Lettre d'intention a été signée entre
 * le Bureau du Bitcoin d'El Salvador et le Pakistan Crypto Council"); its detail is the event's kind
 * as a code ("signing", "acquisition", "vote"...; lexicon-en.ts), which /facts says in the reader's
 * language, or empty when the verb does not tell.
 */

import { spend } from "../work-meter.js";
import type { SentenceContext } from "./context.js";
import { EVENT_STEM_RE, EVENT_STEMS } from "./lexicon.js";
import { type Token, trimEndOf } from "./text.js";

export interface EventFact {
  text: string;
  detail: string;
  sentence: string;
  index: number;
}

// Quotations and attributions report what someone said rather than what happened.
const SPEECH = /[«»“”"]|a-t-il|a-t-elle|^selon|according to/i;
const OPENERS = new Set(
  (
    "lors selon dans en apres avant pendant depuis malgre face pour in on at after before during following " +
    "despite according while as lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday " +
    "wednesday thursday friday saturday sunday hier yesterday earlier plus"
  ).split(" "),
);
const CLAUSE_END_JUNK = /[\s.!?…»"”]/;
const NOT_EVENT = /^(?:signif|signal|forcement|fermement|ouvrier|openai)/;
const MAX_WORDS = 30;
const MIN_COMPLEMENT = 6;
const MIN_TOKENS = 6;
// Past participles that are nouns too ("un élu", "les élus"): an event only after an auxiliary.
const PARTICIPLES = new Set(["elu", "elue", "elus", "elues", "tue", "tues", "tuee", "tuees"]);
const AUXILIARIES = new Set(["a", "ont", "est", "sont", "ete", "fut", "furent", "avait", "etait"]);

function eventVerb(ctx: SentenceContext): { at: number; kind: string } | null {
  spend(ctx.tokens.length);
  const stems = EVENT_STEMS[ctx.lex.lang];
  const re = EVENT_STEM_RE[ctx.lex.lang];
  for (let k = 0; k < ctx.tokens.length; k++) {
    const t = ctx.tokens[k] as Token;
    if (t.cap || t.numeric) continue;
    const stem = re.exec(t.key)?.[0];
    // Short stems only cover short words: "tué" for "tu", not "tunnel".
    if (stem === undefined || (stem.length < 4 && t.key.length > stem.length + 2) || NOT_EVENT.test(t.key))
      continue;
    if (PARTICIPLES.has(t.key) && !AUXILIARIES.has(ctx.tokens[k - 1]?.key ?? "")) continue;
    const kind = stems.get(stem);
    if (kind !== undefined) return { at: k, kind };
  }
  return null;
}

/** The main clause around token `verb`: no leading adverbial, no trailing subordinate part. */
function mainClause(ctx: SentenceContext, verb: number): string {
  const { tokens, text } = ctx;
  let start = 0;
  const first = tokens[0];
  if (first !== undefined && OPENERS.has(first.key)) {
    const comma = text.indexOf(", ");
    if (comma > 0 && comma < (tokens[verb] as Token).start) start = comma + 2;
  }
  const verbEnd = (tokens[verb] as Token).end;
  let end = text.length;
  const boundary = /[,;:—–(]\s|\s[—–]\s/gu;
  boundary.lastIndex = verbEnd;
  // Stop at the first clause boundary that leaves the verb a real complement: "agreed early on
  // Sunday in Baku, Azerbaijan, on a deal..." goes on past the place.
  for (let m = boundary.exec(text); m !== null; m = boundary.exec(text)) {
    spend(text.length - verbEnd);
    const words = text
      .slice(verbEnd, m.index)
      .split(/\s+/)
      .filter((w) => /^\p{Ll}{3,}/u.test(w)).length;
    const next = text.slice(m.index + m[0].length).split(/[,;:]/)[0] ?? "";
    const insertion = /^\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*){0,2}$/u.test(next.trim());
    if (words >= MIN_COMPLEMENT && !insertion) {
      end = m.index;
      break;
    }
  }
  let clause = text.slice(start, end);
  const words = clause.split(/\s+/);
  if (words.length > MAX_WORDS) clause = words.slice(0, MAX_WORDS).join(" ");
  return trimEndOf(clause, CLAUSE_END_JUNK).trim();
}

/**
 * Pick the main event among the body sentences; `titleKeys` are the title's content words (folded,
 * cut to five letters).
 */
export function findEvent(
  sentences: readonly SentenceContext[],
  titleKeys: ReadonlySet<string>,
): EventFact | null {
  let best: { ctx: SentenceContext; verb: { at: number; kind: string } | null; score: number } | null = null;
  let rank = 0;
  for (const ctx of sentences) {
    // The title is not a candidate, nor a kicker ("VIDÉO.") or a fragment.
    if (ctx.index === 0 || ctx.tokens.length < MIN_TOKENS) continue;
    const verb = eventVerb(ctx);
    // An event verb, the lead (news put the event first) and the title's words.
    let score = verb !== null ? 3 : 0;
    score += rank === 0 ? 3 : rank === 1 ? 1 : 0;
    rank++;
    const seen = new Set<string>();
    for (const t of ctx.tokens) {
      if (t.key.length < 4) continue;
      const k = t.key.slice(0, 5);
      if (titleKeys.has(k)) seen.add(k);
    }
    score += Math.min(seen.size, 3);
    if (/^[«“"]/.test(ctx.text)) score -= 3;
    if (SPEECH.test(ctx.text)) score -= 1.5;
    if (ctx.tokens.length > 45) score -= 1;
    if (best === null || score > best.score) best = { ctx, verb, score };
  }
  if (best === null) return null;
  const verbAt = best.verb?.at ?? Math.min(best.ctx.tokens.length - 1, 3);
  if (verbAt < 0) return null;
  return {
    text: mainClause(best.ctx, verbAt),
    detail: best.verb?.kind ?? "",
    sentence: best.ctx.text,
    index: best.ctx.index,
  };
}
