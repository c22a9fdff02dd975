/**
 * Full text, end to end, over Mozilla Readability's 87 test pages (../shared/eval/readability):
 * each page goes through Newsdesk's extraction, is written as an article file and read back by
 * Newsdesk's own parser; the words read back are compared with the words of Mozilla's expected
 * article (expected.html stripped to text). Word-F1 on lowercased letter/digit runs, as a bag of
 * words (each word counted as often as it occurs); the title read back is compared with
 * expected-metadata.json's, exactly.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { parseArticleBytes } from "../../src/content/read-article-file.js";
import { articleBody } from "../../src/domain/article.js";
import { extractArticle } from "../../src/sources/extract-article.js";
import { fallbackTitle, renderArticle } from "../../src/sources/write-article.js";

export interface PageResult {
  name: string;
  f1: number;
  precision: number;
  recall: number;
  titleOk: boolean;
  title: string | null;
  expectedTitle: string;
  /** Extraction alone (DOM + Readability + blocks), in ms. */
  extractMs: number;
  error: string | null;
}

export function pageNames(dir: string): string[] {
  return readdirSync(dir).sort();
}

/** The page's expected text: expected.html without its markup. */
export function expectedText(html: string): string {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`) as unknown as {
    document: { body: { textContent: string | null } };
  };
  return document.body.textContent ?? "";
}

export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function wordF1(expected: string[], got: string[]): { f1: number; precision: number; recall: number } {
  if (expected.length === 0 || got.length === 0) return { f1: 0, precision: 0, recall: 0 };
  const counts = new Map<string, number>();
  for (const w of expected) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of got) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  const precision = common / got.length;
  const recall = common / expected.length;
  return {
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    precision,
    recall,
  };
}

export function scorePage(dir: string, name: string): PageResult {
  const folder = join(dir, name);
  const source = readFileSync(join(folder, "source.html"), "utf8");
  const expected = words(expectedText(readFileSync(join(folder, "expected.html"), "utf8")));
  const meta = JSON.parse(readFileSync(join(folder, "expected-metadata.json"), "utf8")) as { title: string };
  const started = performance.now();
  const extracted = extractArticle(source, "http://fakehost/test/page.html");
  const extractMs = performance.now() - started;
  const base = { name, expectedTitle: meta.title, extractMs };
  if (extracted === null)
    return {
      ...base,
      f1: 0,
      precision: 0,
      recall: 0,
      titleOk: false,
      title: null,
      error: "no article extracted",
    };
  const text = renderArticle({
    title: extracted.title ?? fallbackTitle(extracted.blocks),
    author: extracted.byline,
    date: extracted.publishedTime,
    category: null,
    tags: [],
    lang: extracted.lang,
    source: "http://fakehost/test/page.html",
    feed: null,
    guid: null,
    blocks: extracted.blocks,
    fallbackReason: null,
  });
  const outcome = parseArticleBytes(`${name}.md`, Buffer.from(text, "utf8"));
  if (!outcome.ok)
    return { ...base, f1: 0, precision: 0, recall: 0, titleOk: false, title: null, error: outcome.reason };
  const got = words(articleBody(outcome.article));
  return {
    ...base,
    ...wordF1(expected, got),
    titleOk: outcome.article.title === meta.title,
    title: outcome.article.title,
    error: null,
  };
}
