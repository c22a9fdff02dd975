/**
 * One simple, Unicode-aware ROUGE for the quality benchmark: lowercased word tokens
 * ([\p{L}\p{N}]+), Snowball stems on both sides (French by default), F1 of ROUGE-1, ROUGE-2 and
 * ROUGE-L (longest common subsequence over the whole token sequence), no stopword removal.
 */
import { stemmerFor } from "../src/news/stem.js";
import { tokenize } from "../src/news/tokenize.js";

/** F1 scores in [0, 1]. */
export interface Rouge {
  r1: number;
  r2: number;
  rl: number;
}

/** Stemmed tokens of a text, as the scorer sees it. */
export function rougeTokens(text: string, lang = "fr"): string[] {
  const stem = stemmerFor(lang);
  return tokenize(text).map(stem);
}

function f1(overlap: number, candidate: number, reference: number): number {
  if (overlap === 0 || candidate === 0 || reference === 0) return 0;
  const p = overlap / candidate;
  const r = overlap / reference;
  return (2 * p * r) / (p + r);
}

function counts(grams: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const g of grams) m.set(g, (m.get(g) ?? 0) + 1);
  return m;
}

function ngrams(tokens: string[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= tokens.length; i++) out.push(tokens.slice(i, i + n).join(" "));
  return out;
}

function ngramF1(cand: string[], ref: string[], n: number): number {
  const c = ngrams(cand, n);
  const r = ngrams(ref, n);
  const rc = counts(r);
  let overlap = 0;
  for (const [g, k] of counts(c)) overlap += Math.min(k, rc.get(g) ?? 0);
  return f1(overlap, c.length, r.length);
}

function lcs(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] =
        a[i - 1] === b[j - 1]
          ? (prev[j - 1] as number) + 1
          : Math.max(prev[j] as number, cur[j - 1] as number);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] as number;
}

/** ROUGE-1/2/L F1 of one candidate against one reference, on pre-stemmed tokens. */
export function rougeOfTokens(cand: string[], ref: string[]): Rouge {
  return {
    r1: ngramF1(cand, ref, 1),
    r2: ngramF1(cand, ref, 2),
    rl: f1(lcs(cand, ref), cand.length, ref.length),
  };
}

/** ROUGE-1/2/L F1 of one candidate text against one reference text. */
export function rouge(candidate: string, reference: string, lang = "fr"): Rouge {
  return rougeOfTokens(rougeTokens(candidate, lang), rougeTokens(reference, lang));
}

/** Mean of per-document scores, ×100 and rounded to one decimal, as reported. */
export function meanRouge(scores: Rouge[]): Rouge {
  const n = Math.max(1, scores.length);
  let r1 = 0;
  let r2 = 0;
  let rl = 0;
  for (const s of scores) {
    r1 += s.r1;
    r2 += s.r2;
    rl += s.rl;
  }
  const round = (x: number) => Math.round((x / n) * 1000) / 10;
  return { r1: round(r1), r2: round(r2), rl: round(rl) };
}
