/**
 * Full-text extraction: Mozilla's Readability (the Firefox Reader View algorithm) over
 * linkedom, a light server-side DOM (about 6x faster than jsdom here for the same text; see
 * docs/adr/0073). Readability drops navigation, share buttons, comments and ads; the element it
 * keeps is read into blocks (headings, paragraphs, lists, quotes, code). Title, byline, language,
 * site name and published time come from the page's metadata (JSON-LD, OpenGraph, Dublin Core).
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { languageCode } from "../content/detect-language.js";
import { type Block, type DomNode, readBlocks } from "./article-blocks.js";
import { articleTitle, type TitleDocument } from "./extract-article-title.js";
import { parseFeedDate } from "./parse-feed-date.js";

export interface ExtractedArticle {
  title: string | null;
  byline: string | null;
  /** ISO 639-1 from the page's lang attribute, or null. */
  lang: string | null;
  siteName: string | null;
  excerpt: string | null;
  /** ISO 8601 UTC, or null. */
  publishedTime: string | null;
  blocks: Block[];
}

/** Pages bigger than this are not parsed into a DOM (the fetch cap is 5 MB too). */
const MAX_HTML_CHARS = 5 * 1024 * 1024;

/**
 * Extracts the article of an HTML page; null when the page holds no article Readability can
 * find. `url` resolves relative links (it is the page's final URL after redirects).
 */
export function extractArticle(html: string, url: string | null): ExtractedArticle | null {
  if (html.length > MAX_HTML_CHARS) return null;
  const { document } = parseHTML(html) as unknown as { document: TitleDocument & { documentURI?: string } };
  if (url !== null) setBase(document, url);
  const reader = new Readability<DomNode>(document as never, {
    // The kept element itself, not serialized HTML: it is read into blocks directly.
    serializer: (node) => node as unknown as DomNode,
  });
  // Readability's own title rule, with the en and em dashes newer versions treat as separators
  // (see extract-article-title.ts).
  (reader as unknown as { _getArticleTitle: () => string })._getArticleTitle = () => articleTitle(document);
  let result: ReturnType<typeof reader.parse>;
  try {
    result = reader.parse();
  } catch {
    return null;
  }
  if (!result?.content) return null;
  const blocks = readBlocks(result.content);
  if (blocks.length === 0) return null;
  return {
    // The title as Readability gives it (its spacing included): trimmed only.
    title: result.title?.trim() || null,
    byline: clean(result.byline),
    lang: result.lang ? languageCode(result.lang) : null,
    siteName: clean(result.siteName),
    excerpt: clean(result.excerpt),
    publishedTime: parseFeedDate(result.publishedTime ?? null),
    blocks,
  };
}

function clean(value: string | null | undefined): string | null {
  const text = (value ?? "").replace(/\s+/g, " ").trim();
  return text === "" ? null : text;
}

/** Gives the document a <base> so Readability resolves relative links against the page URL. */
function setBase(document: TitleDocument, url: string): void {
  const doc = document as unknown as {
    head: { prepend(node: unknown): void } | null;
    createElement(tag: string): { setAttribute(name: string, value: string): void };
    querySelector(selector: string): unknown;
  };
  if (doc.head === null || doc.querySelector("base[href]") !== null) return;
  const base = doc.createElement("base");
  base.setAttribute("href", url);
  doc.head.prepend(base);
}

/** A feed's own HTML (content:encoded, a summary) read into blocks, without Readability. */
export function fragmentBlocks(html: string): Block[] {
  if (html.length > MAX_HTML_CHARS) return [];
  if (!/[<&]/.test(html)) {
    return html
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, " ").trim())
      .filter((p) => p !== "")
      .map((text) => ({ kind: "paragraph", text }));
  }
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`) as unknown as {
    document: { body: DomNode | null };
  };
  return document.body === null ? [] : readBlocks(document.body);
}
