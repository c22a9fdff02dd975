/**
 * The sentence score of the summarizer: a linear combination of features, so the weights can be
 * fitted on a development set (bench/quality.ts --tune) and read by a person.
 *
 * Features of sentence i among n: position prior 1 / (1 + i)^positionDecay; centrality, the cosine
 * of its IDF-weighted term vector to the centroid of the rest of the article (scaled so the best
 * is 1); forward centrality, its summed similarity to the sentences after it (PacSum's directed
 * idea: a lead sentence announces what follows); the share of the title's terms it contains;
 * (numbers + proper nouns) per word; length up to a target; and penalties (value -1) for too
 * short, too long, question, quotation, and a dangling opening pronoun or connective.
 */
import { type SentenceFeatures, sentenceFeatures, termIds, type Vocabulary } from "./summary-features.js";
import { spend } from "./work-meter.js";

/** Tunable weights of the sentence score. */
export interface SummaryWeights {
  /** Weight of the position prior 1 / (1 + i)^positionDecay. */
  position: number;
  positionDecay: number;
  /** Weight of the centrality (cosine to the rest of the article), normalised by the best one. */
  centrality: number;
  /**
   * Weight of the directed, PacSum-style centrality: summed similarity to the sentences that
   * follow, normalised by the best one (a lead sentence announces what comes after it).
   */
  forward: number;
  /** Weight of the share of the title's terms the sentence contains. */
  title: number;
  /** Weight of (numbers + proper nouns) per word. */
  facts: number;
  /** Weight of min(words, lengthTarget) / lengthTarget: short sentences inform less. */
  length: number;
  lengthTarget: number;
  /** Weight of the excess over the target, (words - lengthTarget) / lengthTarget when positive. */
  lengthOver: number;
  /** Exponent of the within-article IDF, log(1 + N / df)^idf: 0 turns it off. */
  idf: number;
  /** Penalties, subtracted from the score. */
  tooShort: number;
  tooLong: number;
  question: number;
  startsWithQuote: number;
  quoteOnly: number;
  dangling: number;
  /** MMR trade-off: the share of the score kept against similarity to sentences already chosen. */
  mmr: number;
}

/** Sentences shorter than this many words are penalised. */
export const MIN_WORDS = 6;
/** Sentences longer than this many words are penalised. */
export const MAX_WORDS = 60;

/** The linear features, in the order of a row of `FeatureMatrix.rows`; each has a weight of the same name. */
export const LINEAR_FEATURES = [
  "position",
  "centrality",
  "forward",
  "title",
  "facts",
  "length",
  "lengthOver",
  "tooShort",
  "tooLong",
  "question",
  "startsWithQuote",
  "quoteOnly",
  "dangling",
] as const satisfies readonly (keyof SummaryWeights)[];

const F = LINEAR_FEATURES.length;

/** The features of an article's candidate sentences, one row of F values per sentence. */
export interface FeatureMatrix {
  sentences: SentenceFeatures[];
  vocabSize: number;
  /** n × F values, row-major. */
  rows: Float64Array;
  /** 1 for boilerplate (never chosen while anything else is left). */
  boilerplate: Uint8Array;
}

/** Compute the feature rows; only positionDecay, lengthTarget and idf of `w` are read. */
export function featureMatrix(
  texts: string[],
  title: string,
  lang: string,
  w: Pick<SummaryWeights, "positionDecay" | "lengthTarget" | "idf" | "forward">,
): FeatureMatrix {
  const vocab: Vocabulary = new Map();
  const feats = texts.map((s) => sentenceFeatures(s, lang, vocab));
  const titleTerms = title ? termIds(title, lang, vocab) : [];
  const vocabSize = vocab.size;
  const n = feats.length;

  const df = new Float64Array(vocabSize);
  for (const f of feats) for (const t of f.terms) df[t] = (df[t] as number) + 1;
  // Centroid: each term weighted by its sentence frequency times its within-article IDF.
  const idf = new Float64Array(vocabSize);
  const centroid = new Float64Array(vocabSize);
  let centroidNorm2 = 0;
  for (let t = 0; t < vocabSize; t++) {
    const d = df[t] as number;
    const v = d === 0 ? 0 : w.idf === 0 ? 1 : Math.log(1 + n / d) ** w.idf;
    idf[t] = v;
    const c = d * v;
    centroid[t] = c;
    centroidNorm2 += c * c;
  }

  const rows = new Float64Array(n * F);
  const boilerplate = new Uint8Array(n);
  let maxCentral = 0;
  for (let i = 0; i < n; i++) {
    const f = feats[i] as SentenceFeatures;
    // cos(s, c - s) with s binary-weighted by IDF, computed without building c - s.
    let dot = 0;
    let s2 = 0;
    for (const t of f.terms) {
      const v = idf[t] as number;
      dot += v * (centroid[t] as number);
      s2 += v * v;
    }
    const rest2 = centroidNorm2 - 2 * dot + s2;
    const c = s2 > 0 && rest2 > 1e-12 ? (dot - s2) / Math.sqrt(s2 * rest2) : 0;
    rows[i * F + 1] = c;
    if (c > maxCentral) maxCentral = c;
  }
  const forward = w.forward !== 0 ? forwardCentrality(feats, idf) : null;
  const titleSet = titleTerms.length > 0 ? new Set(titleTerms) : null;
  for (let i = 0; i < n; i++) {
    const f = feats[i] as SentenceFeatures;
    const r = i * F;
    if (f.boilerplate || f.words === 0) boilerplate[i] = 1;
    rows[r] = 1 / (1 + i) ** w.positionDecay;
    rows[r + 1] = maxCentral > 0 ? (rows[r + 1] as number) / maxCentral : 0;
    rows[r + 2] = forward ? (forward[i] as number) : 0;
    if (titleSet) {
      let hit = 0;
      for (const t of f.terms) if (titleSet.has(t)) hit++;
      rows[r + 3] = hit / titleSet.size;
    }
    rows[r + 4] = f.words > 0 ? (f.numbers + f.properNouns) / f.words : 0;
    rows[r + 5] = Math.min(f.words, w.lengthTarget) / w.lengthTarget;
    rows[r + 6] = f.words > w.lengthTarget ? -(f.words - w.lengthTarget) / w.lengthTarget : 0;
    rows[r + 7] = f.words < MIN_WORDS ? -1 : 0;
    rows[r + 8] = f.words > MAX_WORDS ? -1 : 0;
    rows[r + 9] = f.question ? -1 : 0;
    rows[r + 10] = f.startsWithQuote && !f.quoteOnly ? -1 : 0;
    rows[r + 11] = f.quoteOnly ? -1 : 0;
    rows[r + 12] = f.dangling ? -1 : 0;
  }
  return { sentences: feats, vocabSize, rows, boilerplate };
}

/** Score = weights · row; boilerplate scores -Infinity. */
export function linearScores(m: FeatureMatrix, w: SummaryWeights): Float64Array {
  const n = m.sentences.length;
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (m.boilerplate[i]) {
      scores[i] = Number.NEGATIVE_INFINITY;
      continue;
    }
    let s = 0;
    for (let k = 0; k < F; k++)
      s += w[LINEAR_FEATURES[k] as keyof SummaryWeights] * (m.rows[i * F + k] as number);
    scores[i] = s;
  }
  return scores;
}

/**
 * For each sentence, the summed cosine similarity to the sentences after it, scaled so the best
 * is 1. IDF-weighted binary vectors. Linear in the total number of terms: the sum over j > i of
 * s_i·s_j / (|s_i| |s_j|) is the sum over the terms t of i of idf(t)² / |s_i| times the sum of
 * 1 / |s_j| over the later sentences j that hold t, which one pass from the last sentence keeps
 * per term. (Comparing every pair took 6-7 s for 40,000 short sentences.)
 */
function forwardCentrality(feats: SentenceFeatures[], idf: Float64Array): Float64Array {
  const n = feats.length;
  const later = new Float64Array(idf.length);
  const out = new Float64Array(n);
  let max = 0;
  let visited = 0;
  for (let i = n - 1; i >= 0; i--) {
    const terms = (feats[i] as SentenceFeatures).terms;
    visited += terms.length;
    let s2 = 0;
    for (const t of terms) s2 += (idf[t] as number) ** 2;
    if (s2 === 0) continue;
    const norm = Math.sqrt(s2);
    let sum = 0;
    for (const t of terms) sum += (idf[t] as number) ** 2 * (later[t] as number);
    sum /= norm;
    for (const t of terms) later[t] = (later[t] as number) + 1 / norm;
    out[i] = sum;
    if (sum > max) max = sum;
  }
  spend(visited);
  if (max > 0) for (let i = 0; i < n; i++) out[i] = (out[i] as number) / max;
  return out;
}
