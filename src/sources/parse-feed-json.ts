/**
 * JSON Feed 1.0 and 1.1 into the common shape: url as the link, id as guid, date_published
 * and date_modified, author (1.0) or the first of authors (1.1), tags as categories,
 * content_html (else content_text as paragraphs) and summary. Anything of the wrong type is
 * ignored, not trusted: the document is a stranger's.
 */
import { canonicalUrl, type Feed, type FeedItem, type Person } from "./feed-item.js";
import { htmlToLine, textToHtml } from "./html-text.js";
import { parseFeedDate } from "./parse-feed-date.js";
import { resolveUrl } from "./xml-tree.js";

type Json = Record<string, unknown>;

/** Reads a parsed JSON document; null when it is not a JSON Feed. */
export function readJsonFeed(doc: unknown, feedUrl: string | null): Feed | null {
  if (!isObject(doc)) return null;
  const version = str(doc.version);
  if (version === null || !/jsonfeed|^1\.[01]$/i.test(version) || !Array.isArray(doc.items)) return null;
  const home = str(doc.home_page_url);
  const base = feedUrl ?? home;
  return {
    format: "json",
    version: /1\.1/.test(version) ? "1.1" : "1.0",
    title: str(doc.title),
    link: home === null ? null : resolveUrl(home, feedUrl),
    language: str(doc.language),
    author: authorOf(doc),
    items: doc.items.filter(isObject).map((item) => readItem(item, base)),
  };
}

function readItem(item: Json, base: string | null): FeedItem {
  const rawUrl = str(item.url) ?? str(item.external_url);
  const link = rawUrl === null ? null : resolveUrl(rawUrl, base);
  const html = str(item.content_html);
  const text = str(item.content_text);
  const id = item.id;
  const title = str(item.title);
  return {
    title: title === null ? null : htmlToLine(title) || null,
    link,
    url: canonicalUrl(link),
    published: parseFeedDate(str(item.date_published)),
    updated: parseFeedDate(str(item.date_modified)),
    author: authorOf(item),
    guid: typeof id === "string" && id.trim() !== "" ? id.trim() : typeof id === "number" ? String(id) : null,
    categories: Array.isArray(item.tags)
      ? [...new Set(item.tags.flatMap((t) => (typeof t === "string" && t.trim() !== "" ? [t.trim()] : [])))]
      : [],
    contentHtml: html ?? (text === null ? null : textToHtml(text)),
    summary: str(item.summary),
  };
}

function authorOf(doc: Json): Person | null {
  const one = isObject(doc.author)
    ? doc.author
    : Array.isArray(doc.authors)
      ? doc.authors.find(isObject)
      : undefined;
  if (!one) return null;
  const name = str(one.name);
  return name === null ? null : { name, email: null };
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}
