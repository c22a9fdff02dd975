/**
 * Child process for summary plus key facts: the real summarizer and extractor, uncached, over
 * articles parsed from the corpus by the real parser. One warm-up pass, then `--passes` timed
 * passes; an article's time is its median over the passes. Also a set of ~600-word articles
 * (550 to 650 words), the size the summaries issue's goal names. One thread: one core. Last, the
 * same ~600-word articles the way the bot asks for them: through the insights port, whose work
 * runs on the insight thread (ADR 0054), so the figure includes the round trip.
 *
 *   node --import tsx bench/speed/insights-entry.ts --content DIR [--sample 400] [--passes 3]
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArticleBytes } from "../../src/content/read-article-file.js";
import { type Article, articleBody } from "../../src/domain/article.js";
import { ThreadRunner } from "../../src/news/insight-runner.js";
import { createInsights } from "../../src/news/insights.js";
import { summarizeArticle } from "../../src/news/summarize.js";
import { argValue, emitResult, peakRssMb, round, roundSummary, summarize } from "./stats.js";

const args = process.argv.slice(2);
const contentDir = argValue(args, "--content");
if (!contentDir) throw new Error("--content is required");
const sampleSize = Number(argValue(args, "--sample") ?? 400);
const passes = Number(argValue(args, "--passes") ?? 3);
const { extractFacts } = (await import("../../src/news/facts/extract-facts.js")) as {
  extractFacts: (article: Article) => unknown[];
};

const files = readdirSync(contentDir)
  .filter((f) => !f.startsWith("."))
  .sort();
const words = (a: Article) => articleBody(a).split(/\s+/).filter(Boolean).length;
const parse = (file: string): Article | null => {
  const outcome = parseArticleBytes(file, readFileSync(join(contentDir, file)));
  return outcome.ok ? outcome.article : null;
};

const step = Math.max(1, Math.floor(files.length / sampleSize));
const sample: Article[] = [];
for (let i = 0; i < files.length && sample.length < sampleSize; i += step) {
  const a = parse(files[i] as string);
  if (a) sample.push(a);
}
const near600: Article[] = [];
for (let i = 0; i < files.length && near600.length < 150; i += 3) {
  const a = parse(files[i] as string);
  if (a) {
    const n = words(a);
    if (n >= 550 && n <= 650) near600.push(a);
  }
}

function measure(articles: Article[]) {
  const perArticle: number[][] = articles.map(() => []);
  const summaryMs: number[][] = articles.map(() => []);
  const factsMs: number[][] = articles.map(() => []);
  let totalMs = 0;
  for (let pass = -1; pass < passes; pass++) {
    for (const [i, a] of articles.entries()) {
      const t0 = performance.now();
      summarizeArticle(a, 1);
      const t1 = performance.now();
      extractFacts(a);
      const t2 = performance.now();
      if (pass < 0) continue;
      totalMs += t2 - t0;
      perArticle[i]?.push(t2 - t0);
      summaryMs[i]?.push(t1 - t0);
      factsMs[i]?.push(t2 - t1);
    }
  }
  const med = (xs: number[][]) => xs.map((x) => summarize(x).median);
  return {
    articles: articles.length,
    medianWords: summarize(articles.map(words)).median,
    perArticle: roundSummary(summarize(med(perArticle))),
    summary: roundSummary(summarize(med(summaryMs))),
    facts: roundSummary(summarize(med(factsMs))),
    articlesPerSecond: round((articles.length * passes * 1000) / totalMs),
  };
}

/** Summary then facts through the port (the thread's round trip included), uncached each pass. */
async function measureThread(articles: Article[]) {
  const perArticle: number[][] = articles.map(() => []);
  const runner = new ThreadRunner();
  for (let pass = -1; pass < passes; pass++) {
    // A new port each pass: its memory is empty, so every article is computed again.
    const insights = createInsights(null, { runner });
    for (const [i, a] of articles.entries()) {
      const t0 = performance.now();
      await insights.summary(a, 1);
      await insights.facts(a);
      if (pass >= 0) perArticle[i]?.push(performance.now() - t0);
    }
  }
  await runner.close();
  return {
    articles: articles.length,
    perArticle: roundSummary(summarize(perArticle.map((x) => summarize(x).median))),
  };
}

emitResult({
  sample: measure(sample),
  near600: measure(near600),
  near600Thread: await measureThread(near600),
  passes,
  peakRssMb: peakRssMb(),
});
