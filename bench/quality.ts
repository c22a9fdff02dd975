/**
 * Summary quality on OrangeSum (French news, abstract task): ROUGE-1/2/L of our extractive
 * summarizer against Lead-1, Lead-2, plain TextRank and the published BARThez/mBARThez outputs.
 *
 *   npx tsx bench/quality.ts          report: lines 501-1500 (and our dev figures on 1-500)
 *   npx tsx bench/quality.ts --tune   fit the summary weights on lines 1-500 only (cross-validated)
 *
 * Writes bench/results-quality.json and the "## Summary quality" section of bench/README.md.
 * If bench/facts-quality.ts exists, its factsQuality() section is appended to both.
 *
 * Over ~300 lines on purpose: the weight fitter (--tune) shares the corpus, the splits and the
 * scorer with the report, and keeping both here keeps the "tune on lines 1-500 only" rule in one place.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { splitSentences } from "../src/news/sentences.js";
import { SUMMARY_WEIGHTS, type SummaryWeights, summarize } from "../src/news/summarize.js";
import { featureMatrix, LINEAR_FEATURES } from "../src/news/summary-score.js";
import { lead, textRank } from "./baselines.js";
import { meanRouge, type Rouge, rougeOfTokens, rougeTokens } from "./rouge.js";

const ROOT = process.cwd();
const DATA = path.resolve(ROOT, "../shared/eval/orangesum");
const README = path.join(ROOT, "bench/README.md");
const RESULTS = path.join(ROOT, "bench/results-quality.json");
const LANG = "fr";
const DEV: [number, number] = [1, 500];
const REPORT: [number, number] = [501, 1500];
const GOAL = { r1: 29, r2: 9, overLead1: 5 };

interface Corpus {
  source: string[];
  gold: string[];
  barthez: string[];
  mbarthez: string[];
}

interface Row {
  system: string;
  split: string;
  docs: number;
  r1: number;
  r2: number;
  rl: number;
  /** Mean and median wall time per document in ms; null for published outputs. */
  msMean: number | null;
  msMedian: number | null;
}

function readLines(file: string): string[] {
  const lines = readFileSync(path.join(DATA, file), "utf8").split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

function loadCorpus(): Corpus | null {
  const files = ["source_documents.txt", "gold.txt", "barthez.txt", "mbarthez.txt"];
  if (!files.every((f) => existsSync(path.join(DATA, f)))) return null;
  const [source, gold, barthez, mbarthez] = files.map(readLines) as [string[], string[], string[], string[]];
  return { source, gold, barthez, mbarthez };
}

/** Lines [from, to], 1-based and inclusive, as 0-based indices. */
function range([from, to]: [number, number]): number[] {
  const out: number[] = [];
  for (let i = from - 1; i < to; i++) out.push(i);
  return out;
}

const goldTokens = new Map<number, string[]>();
function goldOf(corpus: Corpus, i: number): string[] {
  let t = goldTokens.get(i);
  if (!t) {
    t = rougeTokens(corpus.gold[i] ?? "", LANG);
    goldTokens.set(i, t);
  }
  return t;
}

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Score a system that produces a summary from a source document, timing each call. */
function runSystem(
  corpus: Corpus,
  name: string,
  split: [number, number],
  run: (source: string) => string[],
): Row {
  const idx = range(split);
  for (const i of idx.slice(0, 50)) run(corpus.source[i] ?? ""); // warm up the JIT and the stem memo
  const scores: Rouge[] = [];
  const times: number[] = [];
  for (const i of idx) {
    const t0 = performance.now();
    const out = run(corpus.source[i] ?? "");
    times.push(performance.now() - t0);
    scores.push(rougeOfTokens(rougeTokens(out.join(" "), LANG), goldOf(corpus, i)));
  }
  const m = meanRouge(scores);
  const mean = times.reduce((a, b) => a + b, 0) / Math.max(1, times.length);
  return {
    system: name,
    split: `${split[0]}-${split[1]}`,
    docs: idx.length,
    ...m,
    msMean: round3(mean),
    msMedian: round3(median(times)),
  };
}

function scorePublished(corpus: Corpus, name: string, outputs: string[], split: [number, number]): Row {
  const idx = range(split);
  const scores = idx.map((i) => rougeOfTokens(rougeTokens(outputs[i] ?? "", LANG), goldOf(corpus, i)));
  return {
    system: name,
    split: `${split[0]}-${split[1]}`,
    docs: idx.length,
    ...meanRouge(scores),
    msMean: null,
    msMedian: null,
  };
}

const ours =
  (w: Partial<SummaryWeights> = {}) =>
  (s: string) =>
    summarize({ title: "", text: s, lang: LANG }, 1, w);

/** One dev document prepared for fitting: feature rows and each sentence's ROUGE against the gold. */
interface FitDoc {
  rows: Float64Array;
  boilerplate: Uint8Array;
  n: number;
  r1: Float64Array;
  r2: Float64Array;
}

type Hyper = Pick<SummaryWeights, "positionDecay" | "lengthTarget" | "idf">;
const F = LINEAR_FEATURES.length;
// The issue requires these penalties: the fit may shrink them, not drop or reverse them. Questions and
// bare quotations are rare in OrangeSum, so their fitted weights say little; the floors are product
// choices (a teaser question must not open a post). Nor may the fit turn a readability penalty into a
// bonus (long sentences, a dangling "Il"/"He" at the start).
const FLOOR: Partial<Record<(typeof LINEAR_FEATURES)[number], number>> = {
  tooShort: 0.1,
  tooLong: 0.1,
  question: 1,
  quoteOnly: 0.5,
  lengthOver: 0,
  dangling: 0,
};

function prepare(corpus: Corpus, idx: number[], hyper: Hyper): FitDoc[] {
  return idx.map((i) => {
    const sentences = splitSentences(corpus.source[i] ?? "", LANG);
    const m = featureMatrix(sentences, "", LANG, { ...hyper, forward: 1 });
    const gold = goldOf(corpus, i);
    const r1 = new Float64Array(sentences.length);
    const r2 = new Float64Array(sentences.length);
    sentences.forEach((s, j) => {
      const r = rougeOfTokens(rougeTokens(s, LANG), gold);
      r1[j] = r.r1;
      r2[j] = r.r2;
    });
    return { rows: m.rows, boilerplate: m.boilerplate, n: sentences.length, r1, r2 };
  });
}

function rowScore(d: FitDoc, i: number, w: Float64Array): number {
  let s = 0;
  for (let k = 0; k < F; k++) s += (w[k] as number) * (d.rows[i * F + k] as number);
  return s;
}

/** Mean ROUGE-1 and ROUGE-2 (×100) of the top-scored sentence. */
function evaluate(docs: FitDoc[], w: Float64Array): { r1: number; r2: number } {
  let r1 = 0;
  let r2 = 0;
  for (const d of docs) {
    let best = 0;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < d.n; i++) {
      if (d.boilerplate[i]) continue;
      const s = rowScore(d, i, w);
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    }
    r1 += d.r1[best] ?? 0;
    r2 += d.r2[best] ?? 0;
  }
  return { r1: (100 * r1) / docs.length, r2: (100 * r2) / docs.length };
}

/**
 * Fit the linear weights by gradient ascent (Adam) on the expected ROUGE-1 + ROUGE-2 of a softmax
 * choice over each document's sentences, with a small L2 penalty. Smooth, so it generalises
 * better than searching the argmax directly (5-fold CV on lines 1-500: about +0.6 ROUGE-1).
 */
function fitWeights(
  docs: FitDoc[],
  start: Float64Array,
  beta = 5,
  l2 = 0.001,
  iterations = 300,
): Float64Array {
  const w = Float64Array.from(start);
  const m = new Float64Array(F);
  const v = new Float64Array(F);
  const grad = new Float64Array(F);
  const titleK = LINEAR_FEATURES.indexOf("title"); // OrangeSum has no titles: keep the hand-set weight
  for (let it = 1; it <= iterations; it++) {
    grad.fill(0);
    for (const d of docs) {
      const p = new Float64Array(d.n);
      let max = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < d.n; i++) {
        p[i] = d.boilerplate[i] ? Number.NEGATIVE_INFINITY : beta * rowScore(d, i, w);
        if ((p[i] as number) > max) max = p[i] as number;
      }
      let z = 0;
      for (let i = 0; i < d.n; i++) {
        p[i] = Math.exp((p[i] as number) - max);
        z += p[i] as number;
      }
      let expected = 0;
      for (let i = 0; i < d.n; i++) {
        p[i] = (p[i] as number) / z;
        expected += (p[i] as number) * ((d.r1[i] as number) + (d.r2[i] as number));
      }
      for (let i = 0; i < d.n; i++) {
        const c = (p[i] as number) * ((d.r1[i] as number) + (d.r2[i] as number) - expected) * beta;
        if (c !== 0)
          for (let k = 0; k < F; k++) grad[k] = (grad[k] as number) + c * (d.rows[i * F + k] as number);
      }
    }
    for (let k = 0; k < F; k++) {
      if (k === titleK) continue;
      const g = (grad[k] as number) / docs.length - l2 * (w[k] as number);
      m[k] = 0.9 * (m[k] as number) + 0.1 * g;
      v[k] = 0.999 * (v[k] as number) + 0.001 * g * g;
      const step =
        (0.025 * ((m[k] as number) / (1 - 0.9 ** it))) /
        (Math.sqrt((v[k] as number) / (1 - 0.999 ** it)) + 1e-8);
      w[k] = Math.max(
        FLOOR[LINEAR_FEATURES[k] as keyof typeof FLOOR] ?? Number.NEGATIVE_INFINITY,
        (w[k] as number) + step,
      );
    }
  }
  return w;
}

/** Hand-set starting weights (before any tuning), so a run of --tune is reproducible. */
const START: SummaryWeights = {
  ...SUMMARY_WEIGHTS,
  position: 1,
  centrality: 1,
  forward: 0,
  title: 0.5,
  facts: 0.5,
  length: 0.5,
  lengthOver: 0,
  tooShort: 1,
  tooLong: 0.5,
  question: 0.5,
  startsWithQuote: 0.3,
  quoteOnly: 0.5,
  dangling: 0.1,
};

/**
 * Tuning on lines 1-500 only: for each setting of the non-linear knobs, 5-fold cross-validation
 * of the fit; the best setting is then fitted on all 500 lines and printed for SUMMARY_WEIGHTS.
 */
function tune(corpus: Corpus): void {
  const dev = range(DEV);
  const start = Float64Array.from(LINEAR_FEATURES.map((k) => START[k]));
  const folds = 5;
  let best: { hyper: Hyper; score: number; docs: FitDoc[] } | null = null;
  for (const positionDecay of [0.5, 1]) {
    for (const lengthTarget of [20, 30, 40]) {
      for (const idf of [0.5, 1]) {
        const hyper = { positionDecay, lengthTarget, idf };
        const docs = prepare(corpus, dev, hyper);
        let r1 = 0;
        let r2 = 0;
        for (let f = 0; f < folds; f++) {
          const train = docs.filter((_, i) => i % folds !== f);
          const test = docs.filter((_, i) => i % folds === f);
          const r = evaluate(test, fitWeights(train, start));
          r1 += r.r1 / folds;
          r2 += r.r2 / folds;
        }
        console.log(`CV on 1-500: ${JSON.stringify(hyper)} R-1 ${r1.toFixed(2)} R-2 ${r2.toFixed(2)}`);
        if (!best || r1 + r2 > best.score) best = { hyper, score: r1 + r2, docs };
      }
    }
  }
  if (!best) return;
  const w = fitWeights(best.docs, start);
  const r = evaluate(best.docs, w);
  const weights: Record<string, number> = { ...SUMMARY_WEIGHTS, ...best.hyper };
  LINEAR_FEATURES.forEach((k, i) => {
    weights[k] = Math.round((w[i] as number) * 100) / 100;
  });
  console.log(`fitted on all of 1-500: R-1 ${r.r1.toFixed(2)} R-2 ${r.r2.toFixed(2)}`);
  console.log(JSON.stringify(weights, null, 2));
}

/**
 * Median time of one summary (1 and 3 sentences) for the report-split articles of 550-650 words:
 * the budget is "well under 1 ms" for a 600-word article. Each is timed 5 times, after a warm-up.
 */
function timeLongArticles(corpus: Corpus): {
  articles: number;
  words: string;
  median1: number;
  median3: number;
} {
  const docs = range(REPORT)
    .map((i) => corpus.source[i] ?? "")
    .filter((s) => {
      const words = s.split(/\s+/).length;
      return words >= 550 && words <= 650;
    });
  const time = (count: number) => {
    for (const d of docs) summarize({ title: "", text: d, lang: LANG }, count);
    const times: number[] = [];
    for (let r = 0; r < 5; r++) {
      for (const d of docs) {
        const t0 = performance.now();
        summarize({ title: "", text: d, lang: LANG }, count);
        times.push(performance.now() - t0);
      }
    }
    return round3(median(times));
  };
  return { articles: docs.length, words: "550-650", median1: time(1), median3: time(3) };
}

const REFERENCE: Record<string, [number, number, number]> = {
  "Lead-1": [23.6, 6.7, 16.6],
  "BARThez (published)": [33.0, 12.4, 23.4],
};

/** Whether the scorer reproduces the figures within 0.2 points (rounding, sentence splitting). */
function scorerVerdict(check: Row[]): string {
  const off = check.filter((r) => {
    const ref = REFERENCE[r.system];
    return ref !== undefined && [r.r1, r.r2, r.rl].some((x, k) => Math.abs(x - (ref[k] as number)) > 0.2);
  });
  return off.length === 0
    ? "This scorer reproduces them within 0.2 points on every figure, which validates it."
    : `This scorer does NOT reproduce them for ${off.map((r) => r.system).join(", ")}: compare with care.`;
}

function machine(): { nproc: number; node: string; cpu: string } {
  let nproc = os.cpus().length;
  try {
    nproc = Number(execFileSync("nproc", { encoding: "utf8" }).trim()) || nproc;
  } catch {
    // nproc is missing outside Linux/coreutils: the os module's count will do.
  }
  return { nproc, node: process.version, cpu: os.cpus()[0]?.model ?? "unknown" };
}

function fmt(x: number | null): string {
  return x === null ? "—" : x.toFixed(x < 1 ? 3 : 2);
}

function table(rows: Row[]): string {
  const head =
    "| System | Lines | R-1 | R-2 | R-L | ms/doc (mean) | ms/doc (median) |\n|---|---|---:|---:|---:|---:|---:|";
  const body = rows.map(
    (r) =>
      `| ${r.system} | ${r.split} | ${r.r1.toFixed(1)} | ${r.r2.toFixed(1)} | ${r.rl.toFixed(1)} | ${fmt(r.msMean)} | ${fmt(r.msMedian)} |`,
  );
  return [head, ...body].join("\n");
}

const BEGIN = "<!-- quality:begin (generated by bench/quality.ts) -->";
const END = "<!-- quality:end -->";

/** Replace the generated block of bench/README.md, keeping every other section. */
function writeReadme(markdown: string): void {
  const block = `${BEGIN}\n${markdown.trim()}\n${END}`;
  let text = existsSync(README) ? readFileSync(README, "utf8") : "# Benchmarks\n";
  const a = text.indexOf(BEGIN);
  const b = text.indexOf(END);
  if (a >= 0 && b > a) {
    text = text.slice(0, a) + block + text.slice(b + END.length);
  } else {
    const h = text.indexOf("## Summary quality");
    if (h >= 0) {
      const next = text.indexOf("\n## ", h + 1);
      text = text.slice(0, h) + block + (next >= 0 ? `\n${text.slice(next)}` : "\n");
    } else {
      text = `${text.trimEnd()}\n\n${block}\n`;
    }
  }
  writeFileSync(README, text);
}

async function factsSection(): Promise<{ markdown: string; json: unknown } | null> {
  const file = path.join(ROOT, "bench/facts-quality.ts");
  if (!existsSync(file)) return null;
  const mod = (await import(pathToFileURL(file).href)) as {
    factsQuality?: () => Promise<{ markdown: string; json: unknown }>;
  };
  return typeof mod.factsQuality === "function" ? mod.factsQuality() : null;
}

async function main(): Promise<void> {
  const corpus = loadCorpus();
  if (!corpus) {
    console.log(
      `OrangeSum not found at ${DATA}: summary quality skipped (it is read from ../shared/eval/orangesum).`,
    );
    return;
  }
  if (process.argv.includes("--tune")) {
    tune(corpus);
    return;
  }
  const rows: Row[] = [
    runSystem(corpus, "Lead-1", REPORT, (s) => lead(s, LANG, 1)),
    runSystem(corpus, "Lead-2", REPORT, (s) => lead(s, LANG, 2)),
    runSystem(corpus, "TextRank (1 sentence)", REPORT, (s) => textRank(s, LANG, 1)),
    runSystem(corpus, "Ours (1 sentence)", REPORT, ours()),
    scorePublished(corpus, "BARThez (published)", corpus.barthez, REPORT),
    scorePublished(corpus, "mBARThez (published)", corpus.mbarthez, REPORT),
  ];
  const dev: Row[] = [
    runSystem(corpus, "Lead-1", DEV, (s) => lead(s, LANG, 1)),
    runSystem(corpus, "Ours (1 sentence)", DEV, ours()),
  ];
  const all: [number, number] = [1, 1500];
  const check: Row[] = [
    runSystem(corpus, "Lead-1", all, (s) => lead(s, LANG, 1)),
    scorePublished(corpus, "BARThez (published)", corpus.barthez, all),
  ];
  const speed = timeLongArticles(corpus);
  const lead1 = rows[0] as Row;
  const our = rows[3] as Row;
  const goal = {
    r1: { target: GOAL.r1, value: our.r1, met: our.r1 >= GOAL.r1 },
    r2: { target: GOAL.r2, value: our.r2, met: our.r2 >= GOAL.r2 },
    overLead1: { target: GOAL.overLead1, value: Math.round((our.r1 - lead1.r1) * 10) / 10 },
  };
  const overMet = goal.overLead1.value >= GOAL.overLead1;
  const met = goal.r1.met && goal.r2.met && overMet;
  const m = machine();
  const date = new Date().toISOString();

  console.log(`OrangeSum, lines ${REPORT[0]}-${REPORT[1]} (report split)\n`);
  console.log(table(rows));
  console.log(`\nDev split, lines ${DEV[0]}-${DEV[1]} (tuning)\n`);
  console.log(table(dev));
  console.log("\nScorer check, lines 1-1500 (issue: Lead-1 23.6/6.7/16.6, BARThez 33.0/12.4/23.4)\n");
  console.log(table(check));
  console.log(
    `\nSpeed, ${speed.articles} articles of ${speed.words} words: median ${speed.median1} ms (1 sentence), ${speed.median3} ms (3)`,
  );
  console.log(
    `\nGoal (R-1 >= ${GOAL.r1}, R-2 >= ${GOAL.r2}, >= +${GOAL.overLead1} R-1 over Lead-1): ${met ? "met" : "missed"}`,
  );

  const markdown = `## Summary quality

Command: \`npx tsx bench/quality.ts\` (or \`npm run bench:quality\`); tuning: \`npx tsx bench/quality.ts --tune\`.
Last run ${date.slice(0, 10)} on ${m.nproc} CPU(s) (${m.cpu}), Node ${m.node}.

Data: OrangeSum abstract task, test split (\`../shared/eval/orangesum\`, read in place, never copied).
Lines 1-500 are for tuning, lines 501-1500 for reporting. Each system gives one summary per line; BARThez
and mBARThez are the published model outputs, scored by the same scorer.

Scorer (\`bench/rouge.ts\`): lowercased \`[\\p{L}\\p{N}]+\` tokens, Snowball French stems on both sides,
F1 of ROUGE-1, ROUGE-2 and ROUGE-L (LCS over the whole token sequence), averaged over documents, ×100.
Sentences for Lead-k and TextRank come from our splitter (\`src/news/sentences.ts\`).

### Report split, lines ${REPORT[0]}-${REPORT[1]}

${table(rows)}

### Dev split, lines ${DEV[0]}-${DEV[1]} (the only lines tuning looked at)

${table(dev)}

### Scorer check, all 1,500 lines

${table(check)}

The issue's reference figures with this scorer: Lead-1 23.6/6.7/16.6, BARThez 33.0/12.4/23.4.
${scorerVerdict(check)}

### Speed

Articles of 550-650 words in lines 501-1500 (${speed.articles} of them), 5 runs each after a warm-up:
median **${speed.median1.toFixed(3)} ms** for a 1-sentence summary, ${speed.median3.toFixed(3)} ms for 3 sentences
(the budget: well under 1 ms; 2 ms for summary and key facts together). The machine is shared, so the
means in the tables above carry noise from other processes; the medians are the figures to compare.

### Goal

R-1 >= ${GOAL.r1}, R-2 >= ${GOAL.r2} and at least +${GOAL.overLead1} R-1 over Lead-1 on lines 501-1500:
**${met ? "met" : "not met"}** (R-1 ${our.r1.toFixed(1)}, R-2 ${our.r2.toFixed(1)}, +${goal.overLead1.value.toFixed(1)} over Lead-1).

### How the summarizer was tuned

${TUNING_NOTES}
`;

  const facts = await factsSection();
  writeReadme(facts ? `${markdown}\n${facts.markdown}` : markdown);
  const json = {
    date,
    machine: m,
    dataset: "OrangeSum abstract, test split",
    scorer: "bench/rouge.ts: [\\p{L}\\p{N}]+ lowercased, Snowball French stems, F1, x100",
    splits: { report: `${REPORT[0]}-${REPORT[1]}`, dev: `${DEV[0]}-${DEV[1]}` },
    report: rows,
    dev,
    scorerCheck: check,
    goal: { ...goal, overLead1: { ...goal.overLead1, met: overMet }, met },
    speed,
    weights: SUMMARY_WEIGHTS,
    ...(facts ? { facts: facts.json } : {}),
  };
  writeFileSync(RESULTS, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nWrote ${path.relative(ROOT, RESULTS)} and ${path.relative(ROOT, README)}.`);
}

const TUNING_NOTES = `\`--tune\` looks at lines 1-500 only. The score is linear in its features
(\`src/news/summary-score.ts\`), so its weights are fitted: gradient ascent (Adam) on the expected ROUGE-1 +
ROUGE-2 of a softmax choice among each article's sentences (temperature 1/5, small L2 penalty), from hand-set
starting weights. The penalties the issue asks for stay above floors (too short and too long >= 0.1,
quotation-only >= 0.5, question >= 1: questions and bare quotations are rare in OrangeSum, so their fitted
weights say little, and a teaser question must not open a post), and the readability ones (beyond the length
target, a dangling opening pronoun) >= 0. The non-linear knobs (position decay 0.5 or 1, length target 20/30/40
words, IDF exponent 0.5 or 1) are picked by 5-fold cross-validation within lines 1-500; then the weights are
fitted on all 500 lines and copied, rounded, into \`SUMMARY_WEIGHTS\`. The title weight (OrangeSum abstracts
come without titles) and the MMR trade-off (one-sentence summaries) keep hand-set values.

History, for honesty: lines 501-1500 were scored three times, never to choose a weight. (1) Weights from a
coordinate search of the argmax on 1-500 (30.2 R-1 there) gave 28.9/9.1/19.5. Cross-validated within 1-500
that search reached 29.3 R-1 against 29.9 for the smooth fit, so (2) the fit replaced it: 29.2/9.4/19.8.
(3) The question and quotation floors were then raised for the product's sake, and scraped script glued to
a sentence is now trimmed: the figures above.

IDF: within-article sentence frequency, log(1 + N/df). No corpus prior ships with the bot: it would tie the
weights to one paper's vocabulary and to French or English only; the curated stopword lists carry most of
what a corpus IDF would.`;

await main();
