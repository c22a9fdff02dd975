/**
 * What a source URL answered, read: a feed (RSS, RDF, Atom, JSON Feed) in the common shape, an
 * HTML page (with the feeds it announces), or neither with the reason. The charset is settled
 * first (decode-charset.ts), then the format is told by the document itself, not only by its
 * Content-Type, which sites often get wrong.
 */
import { decodeBytes } from "./decode-charset.js";
import type { Feed } from "./feed-item.js";
import { type FeedLink, findFeedLinks } from "./find-feed-links.js";
import { readAtom } from "./parse-feed-atom.js";
import { readJsonFeed } from "./parse-feed-json.js";
import { readRss } from "./parse-feed-rss.js";
import { parseXml } from "./xml-tree.js";

export type SourceDocument =
  | { kind: "feed"; feed: Feed }
  | { kind: "page"; html: string; feedLinks: FeedLink[] }
  | { kind: "unknown"; reason: string };

export interface DocumentInfo {
  /** The URL the document was finally read from: relative links resolve against it. */
  url: string | null;
  contentType?: string | null;
  charset?: string | null;
}

export function readDocument(bytes: Buffer, info: DocumentInfo): SourceDocument {
  const { text } = decodeBytes(bytes, info.charset ?? null);
  return readDocumentText(text, info);
}

export function readDocumentText(text: string, info: DocumentInfo): SourceDocument {
  const start = text.replace(/^\uFEFF/, "").trimStart();
  if (start === "") return { kind: "unknown", reason: "the document is empty" };
  if (start.startsWith("{")) {
    let json: unknown;
    try {
      json = JSON.parse(start);
    } catch {
      return { kind: "unknown", reason: "the document looks like JSON but does not parse" };
    }
    const feed = readJsonFeed(json, info.url);
    return feed
      ? { kind: "feed", feed }
      : { kind: "unknown", reason: "the JSON document is not a JSON Feed (no version or items)" };
  }
  if (!start.startsWith("<"))
    return { kind: "unknown", reason: "the document is neither XML, HTML nor JSON" };
  if (looksLikeHtml(start, info.contentType ?? null)) {
    return { kind: "page", html: text, feedLinks: info.url === null ? [] : findFeedLinks(text, info.url) };
  }
  const feed = parseFeedText(start, info.url);
  if (feed) return { kind: "feed", feed };
  return { kind: "unknown", reason: "the XML document is not RSS, RDF or Atom" };
}

/** Parses feed text (XML or JSON) into the common shape; null when it is no feed. */
export function parseFeedText(text: string, url: string | null): Feed | null {
  const start = text.replace(/^\uFEFF/, "").trimStart();
  if (start.startsWith("{")) {
    try {
      return readJsonFeed(JSON.parse(start), url);
    } catch {
      return null;
    }
  }
  const root = parseXml(start);
  if (root === null) return null;
  if (root.name === "rss" || (root.name === "rdf" && root.ns === "rdf") || root.name === "channel")
    return readRss(root, url);
  if (root.name === "feed") return readAtom(root, url);
  return null;
}

/** An HTML page: its doctype or root says so, or the server said text/html and no feed root follows. */
function looksLikeHtml(start: string, contentType: string | null): boolean {
  const head = start.slice(0, 2_048).toLowerCase();
  if (
    /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<!doctype html|^(?:<!--[\s\S]*?-->\s*)*<html[\s>]/.test(head)
  )
    return true;
  if (/<(?:rss|feed|rdf:rdf)[\s>]/.test(head)) return false;
  return contentType === "text/html" || contentType === "application/xhtml+xml";
}
