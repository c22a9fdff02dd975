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
import type { Article } from "../domain/article.js";
import { analysedPart, analysedSentences, splitParagraphs, splitSentences } from "./sentences.js";
import { type SentenceFeatures, trimScript } from "./summary-features.js";
import { featureMatrix, linearScores, type SummaryWeights } from "./summary-score.js";
import { spend } from "./work-meter.js";

export type { SummaryWeights } from "./summary-score.js";

/**
 * The weights the bot uses: fitted on OrangeSum lines 1-500 by `npx tsx bench/quality.ts --tune`
 * (the title weight and the MMR trade-off are hand-set: OrangeSum has no titles and one sentence).
 */
export const SUMMARY_WEIGHTS: Readonly<SummaryWeights> = {
  position: 1.52,
  positionDecay: 0.5,
  centrality: 0.19,
  forward: 1.09,
  title: 0.5,
  facts: 1.57,
  length: 2.83,
  lengthTarget: 30,
  lengthOver: 0,
  idf: 1,
  tooShort: 0.24,
  tooLong: 0.1,
  question: 1,
  startsWithQuote: 0.33,
  quoteOnly: 0.5,
  dangling: 0,
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
 * headings (short, no final punctuation, or Markdown "#") are never chosen. Only the first
 * MAX_ANALYSED_CHARS characters are read (sentences.ts).
 */
export function summarize(
  input: SummaryInput,
  count: number,
  weights: Partial<SummaryWeights> = {},
): string[] {
  const sentences: string[] = [];
  for (const para of splitParagraphs(analysedPart(input.text))) {
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
  if (handWritten) return splitSentences(analysedPart(handWritten), article.lang).slice(0, n);
  const sentences = analysedSentences(article.sections, article.lang);
  return pickSentences(sentences, article.title, article.lang, n, weights);
}

const HEADING_END = /[.!?…:;,»"”)。！？」』）]$/u;

function looksLikeHeading(paragraph: string): boolean {
  if (paragraph.startsWith("#")) return true;
  if (HEADING_END.test(paragraph) || paragraph.length > 100) return false;
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
  const cleaned = sentences.map(trimScript);
  if (cleaned.length <= n) return cleaned;
  const w: SummaryWeights = { ...SUMMARY_WEIGHTS, ...overrides };
  const m = featureMatrix(cleaned, title, lang, w);
  const scores = linearScores(m, w);
  return select(m.sentences, scores, n, m.vocabSize, w).map((i) => cleaned[i] as string);
}

/**
 * Greedy MMR with trigram blocking; returns indices in article order. The redundancy of a candidate
 * is the share of its content terms already in the summary; a candidate half of whose runs of three
 * content terms are already in the summary is skipped outright (trigram blocking).
 */
function select(
  feats: SentenceFeatures[],
  scores: Float64Array,
  count: number,
  vocabSize: number,
  w: SummaryWeights,
): number[] {
  const n = feats.length;
  const chosen: number[] = [];
  if (count === 1) {
    // The common case (result lists): the best sentence, boilerplate only if nothing else.
    let best = 0;
    for (let i = 1; i < n; i++) if ((scores[i] as number) > (scores[best] as number)) best = i;
    return [best];
  }
  const taken = new Uint8Array(n);
  const chosenTerms = new Uint8Array(vocabSize);
  const trigrams = new Set<number>();
  const key = (a: number, b: number, c: number) => (a * vocabSize + b) * vocabSize + c;
  // Half of its content trigrams already in the summary: a near-duplicate. (Any shared trigram
  // would be too strict: "président Emmanuel Macron" recurs in every sentence of some articles.)
  const repeatsSummary = (seq: number[]) => {
    let shared = 0;
    for (let i = 0; i + 2 < seq.length; i++) {
      if (trigrams.has(key(seq[i] as number, seq[i + 1] as number, seq[i + 2] as number))) shared++;
    }
    return shared > 0 && shared * 2 >= seq.length - 2;
  };
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
        if (chosen.length > 0 && repeatsSummary(f.sequence)) continue;
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
      spend(n);
      if (best < 0) break;
      taken[best] = 1;
      chosen.push(best);
      const f = feats[best] as SentenceFeatures;
      for (const t of f.terms) chosenTerms[t] = 1;
      const seq = f.sequence;
      for (let i = 0; i + 2 < seq.length; i++)
        trigrams.add(key(seq[i] as number, seq[i + 1] as number, seq[i + 2] as number));
    }
  }
  return chosen.sort((a, b) => a - b);
}
