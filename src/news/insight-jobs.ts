/**
 * The per-article work the bot asks for (a summary, the key facts) as plain data that can cross
 * to a worker thread, and the one function that does it, on whichever thread runs it.
 */
import type { Article } from "../domain/article.js";
import type { Fact } from "../domain/fact.js";
import { extractFacts } from "./facts/extract-facts.js";
import { analysedPart, MAX_ANALYSED_CHARS } from "./sentences.js";
import { summarizeArticle } from "./summarize.js";

/** What the summary and the facts read of an article. */
export type AnalysedArticle = Pick<Article, "title" | "sections" | "lang" | "date" | "summary">;

export type InsightJob =
  | { kind: "summary"; article: AnalysedArticle; sentences: number }
  | { kind: "facts"; article: AnalysedArticle };

export type InsightValue = string[] | Fact[];

/**
 * The fields the work reads, sections cut to the analysed length: a 5 MB article crosses to the
 * thread as the 200,000 characters that are read, not whole.
 */
export function analysedArticle(article: AnalysedArticle): AnalysedArticle {
  const sections: AnalysedArticle["sections"] = [];
  let budget = MAX_ANALYSED_CHARS;
  for (const s of article.sections) {
    if (budget <= 0) break;
    const text = analysedPart(s.text, budget);
    budget -= text.length;
    sections.push({ heading: s.heading, text });
  }
  return {
    title: article.title,
    lang: article.lang,
    date: article.date,
    summary: article.summary === null ? null : analysedPart(article.summary),
    sections,
  };
}

/** Does the job. Pure; bounded in time by the limits in sentences.ts. */
export function computeInsight(job: InsightJob): InsightValue {
  return job.kind === "summary" ? summarizeArticle(job.article, job.sentences) : extractFacts(job.article);
}
