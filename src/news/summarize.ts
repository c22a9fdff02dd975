/**
 * Extractive, position-aware summaries in French, English and any language Snowball stems.
 *
 * Each candidate sentence gets a score mixing its position, its centrality (cosine of its
 * TF-IDF vector to the article centroid with the sentence itself left out), its overlap with the
 * title and its fact density, minus penalties for poor summary sentences (too short or too long,
 * questions, quotations, boilerplate). Sentences are then picked greedily with Maximal Marginal
 * Relevance and trigram blocking, so no two near-duplicates are both chosen, and returned in
 * article order.
 *
 * IDF comes from the article itself (sentence frequency): no corpus prior ships with the bot,
 * so nothing is biased towards one paper's vocabulary and any language works. Stopwords carry the
 * weight a corpus IDF would otherwise carry. Weights were tuned on OrangeSum lines 1-500 only
 * (see bench/README.md).
 */
import type { Article } from "../content/article.js";
import { splitParagraphs, splitSentences } from "./sentences.js";
import type { SentenceFeatures } from "./summary-features.js";
import { featureMatrix, linearScores, type SummaryWeights } from "./summary-score.js";

export type { SummaryWeights } from "./summary-score.js";

/** The weights the bot uses (tuned on OrangeSum dev, lines 1-500). */
export const SUMMARY_WEIGHTS: Readonly<SummaryWeights> = {
  position: 1,
  positionDecay: 0.5,
  centrality: 0.75,
  forward: 0.25,
  title: 0.5,
  facts: 2,
  length: 2.5,
  lengthTarget: 30,
  lengthOver: 0,
  idf: 1,
  tooShort: 1,
  tooLong: 0.25,
  question: 0.5,
  startsWithQuote: 0.15,
  quoteOnly: 0.5,
  dangling: 0.4,
  mmr: 0.7,
};

/** The input of `summarize`: plain text, paragraphs separated by line breaks. */
export interface SummaryInput {
  title: string;
  text: string;
  lang: string;
}

/**
 * The `count` best sentences of a plain-text article, in article order. Lines that look like
 * headings (short, no final punctuation, or Markdown "#") are never chosen.
 */
export function summarize(
  input: SummaryInput,
  count: number,
  weights: Partial<SummaryWeights> = {},
): string[] {
  const sentences: string[] = [];
  for (const para of splitParagraphs(input.text)) {
    if (looksLikeHeading(para)) continue;
    for (const s of splitSentences(para, input.lang)) sentences.push(s);
  }
  return pickSentences(sentences, input.title, input.lang, count, weights);
}

/**
 * The summary of an article: its front-matter summary when it has one (split into sentences,
 * at most `count`), else the `count` best sentences of its sections, headings excluded.
 */
export function summarizeArticle(
  article: Pick<Article, "title" | "sections" | "lang" | "summary">,
  count: number,
  weights: Partial<SummaryWeights> = {},
): string[] {
  const n = Math.max(0, Math.floor(count));
  const handWritten = article.summary?.trim();
  if (handWritten) return splitSentences(handWritten, article.lang).slice(0, n);
  const sentences: string[] = [];
  for (const section of article.sections) {
    for (const s of splitSentences(section.text, article.lang)) sentences.push(s);
  }
  return pickSentences(sentences, article.title, article.lang, n, weights);
}

const HEADING_END = /[.!?…:;,»"”)]$/u;

function looksLikeHeading(paragraph: string): boolean {
  if (paragraph.startsWith("#")) return true;
  if (HEADING_END.test(paragraph)) return false;
  let words = 0;
  for (const _ of paragraph.matchAll(/\S+/g)) if (++words > 12) return false;
  return true;
}

/** Choose `count` sentences (indices into `sentences`) and return them in article order. */
function pickSentences(
  sentences: string[],
  title: string,
  lang: string,
  count: number,
  overrides: Partial<SummaryWeights>,
): string[] {
  const n = Math.max(0, Math.floor(count));
  if (n === 0 || sentences.length === 0) return [];
  if (sentences.length <= n) return sentences.slice();
  const w: SummaryWeights = { ...SUMMARY_WEIGHTS, ...overrides };
  const m = featureMatrix(sentences, title, lang, w);
  const scores = linearScores(m, w);
  return select(m.sentences, scores, n, m.vocabSize, w).map((i) => sentences[i] as string);
}

/** Greedy MMR with trigram blocking; returns indices in article order. */
function select(
  feats: SentenceFeatures[],
  scores: Float64Array,
  count: number,
  vocabSize: number,
  w: SummaryWeights,
): number[] {
  const n = feats.length;
  const chosen: number[] = [];
  const taken = new Uint8Array(n);
  const chosenTerms = new Uint8Array(vocabSize);
  const trigrams = new Set<string>();
  // Let boilerplate back in only if nothing else is left.
  for (let pass = 0; pass < 2 && chosen.length < count; pass++) {
    while (chosen.length < count) {
      let best = -1;
      let bestValue = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < n; i++) {
        if (taken[i]) continue;
        const base = scores[i] as number;
        if (pass === 0 && base === Number.NEGATIVE_INFINITY) continue;
        const f = feats[i] as SentenceFeatures;
        if (chosen.length > 0 && sharesTrigram(f.text, trigrams)) continue;
        let value = base;
        if (chosen.length > 0 && f.terms.length > 0) {
          let overlap = 0;
          for (const t of f.terms) overlap += chosenTerms[t] as number;
          value = w.mmr * base - (1 - w.mmr) * (overlap / f.terms.length) * 2;
        }
        if (value > bestValue || best < 0) {
          bestValue = value;
          best = i;
        }
      }
      if (best < 0) break;
      taken[best] = 1;
      chosen.push(best);
      const f = feats[best] as SentenceFeatures;
      for (const t of f.terms) chosenTerms[t] = 1;
      addTrigrams(f.text, trigrams);
    }
  }
  return chosen.sort((a, b) => a - b);
}

const LOWER_WORD = /[\p{L}\p{N}]+/gu;

function trigramsOf(text: string): string[] {
  const words: string[] = [];
  for (const m of text.matchAll(LOWER_WORD)) words.push(m[0].toLowerCase());
  const out: string[] = [];
  for (let i = 0; i + 2 < words.length; i++) out.push(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return out;
}

function addTrigrams(text: string, into: Set<string>): void {
  for (const g of trigramsOf(text)) into.add(g);
}

/** Trigram blocking: a sentence repeating a three-word run of the summary is redundant. */
function sharesTrigram(text: string, trigrams: Set<string>): boolean {
  if (trigrams.size === 0) return false;
  for (const g of trigramsOf(text)) if (trigrams.has(g)) return true;
  return false;
}
