/**
 * Reference extractive systems for the quality benchmark, over the same sentence splitter as ours:
 * Lead-k (the first k sentences) and plain TextRank (undirected graph, cosine similarity of
 * stemmed term-frequency vectors without stopwords, PageRank with damping 0.85).
 */
import { splitSentences } from "../src/news/sentences.js";
import { contentStems } from "../src/news/tokenize.js";

/** The first `k` sentences. */
export function lead(text: string, lang: string, k: number): string[] {
  return splitSentences(text, lang).slice(0, k);
}

function tfVector(stems: string[]): Map<string, number> {
  const v = new Map<string, number>();
  for (const s of stems) v.set(s, (v.get(s) ?? 0) + 1);
  return v;
}

function cosine(a: Map<string, number>, b: Map<string, number>, na: number, nb: number): number {
  if (na === 0 || nb === 0) return 0;
  let dot = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const [t, x] of small) dot += x * (large.get(t) ?? 0);
  return dot / (na * nb);
}

/** Plain TextRank: the `k` highest-ranked sentences, in article order. */
export function textRank(text: string, lang: string, k: number, damping = 0.85, iterations = 30): string[] {
  const sentences = splitSentences(text, lang);
  const n = sentences.length;
  if (n <= k) return sentences;
  const vecs = sentences.map((s) => tfVector(contentStems(s, lang)));
  const norms = vecs.map((v) => {
    let s = 0;
    for (const x of v.values()) s += x * x;
    return Math.sqrt(s);
  });
  const sim: number[][] = [];
  for (let i = 0; i < n; i++) sim.push(new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const c = cosine(
        vecs[i] as Map<string, number>,
        vecs[j] as Map<string, number>,
        norms[i] ?? 0,
        norms[j] ?? 0,
      );
      (sim[i] as number[])[j] = c;
      (sim[j] as number[])[i] = c;
    }
  }
  const out = sim.map((row) => row.reduce((a, b) => a + b, 0));
  let rank = new Array<number>(n).fill(1 / n);
  for (let it = 0; it < iterations; it++) {
    const next = new Array<number>(n).fill((1 - damping) / n);
    for (let j = 0; j < n; j++) {
      const oj = out[j] ?? 0;
      const rj = rank[j] ?? 0;
      if (oj === 0) {
        // A sentence with no edges spreads its rank evenly (dangling node).
        for (let i = 0; i < n; i++) next[i] = (next[i] ?? 0) + (damping * rj) / n;
        continue;
      }
      const row = sim[j] as number[];
      for (let i = 0; i < n; i++) {
        const s = row[i] ?? 0;
        if (s > 0) next[i] = (next[i] ?? 0) + (damping * rj * s) / oj;
      }
    }
    rank = next;
  }
  const order = rank.map((r, i) => [r, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  return order
    .slice(0, k)
    .map(([, i]) => i)
    .sort((a, b) => a - b)
    .map((i) => sentences[i] as string);
}
