/**
 * RSS 0.9x, 2.0 and RDF (RSS 1.0) into the common shape. Which element wins follows gofeed:
 * title from <title> then dc:title; the link from the last <link> (text or href), then an
 * atom:link, then a permalink guid; published from pubDate, dc:date, atom:published; updated
 * from atom:updated, dc:date; the author from author, dc:author, dc:creator, atom:author,
 * itunes:author, split into name and email; categories from category, itunes:keywords,
 * dc:subject and atom:category, in that order.
 */
import { canonicalUrl, type Feed, type FeedItem, type Person, parsePerson } from "./feed-item.js";
import { htmlToLine } from "./html-text.js";
import { parseFeedDate } from "./parse-feed-date.js";
import { child, childElements, innerXml, resolveUrl, textOf, type XmlElement } from "./xml-tree.js";

export function readRss(root: XmlElement, feedUrl: string | null): Feed {
  const rdf = root.name === "rdf";
  const channel = child(root, "", "channel") ?? root;
  const base = root.base ?? channel.base ?? feedUrl;
  const itemParents = rdf ? [root, channel] : [channel, root];
  const items: FeedItem[] = [];
  for (const parent of itemParents) {
    for (const el of childElements(parent, "", "item")) items.push(readItem(el, el.base ?? base, rdf));
    if (items.length > 0) break;
  }
  const link = lastLink(channel, base) ?? atomLink(channel, base);
  return {
    format: rdf ? "rdf" : "rss",
    version: rdf ? "1.0" : (root.attrs.version ?? "2.0"),
    title: line(text(channel, "", "title") ?? text(channel, "dc", "title")),
    link,
    language: text(channel, "", "language") ?? text(channel, "dc", "language"),
    author:
      parsePerson(text(channel, "", "managingeditor")) ??
      parsePerson(text(channel, "", "webmaster")) ??
      parsePerson(text(channel, "dc", "author")) ??
      parsePerson(text(channel, "dc", "creator")) ??
      parsePerson(text(channel, "itunes", "author")),
    items,
  };
}

function readItem(el: XmlElement, base: string | null, rdf: boolean): FeedItem {
  const guidEl = child(el, "", "guid");
  const guid = textOf(guidEl) || (rdf ? (el.attrs.about ?? "") : "") || null;
  const permalink =
    guidEl && guid && guidEl.attrs.ispermalink?.toLowerCase() !== "false" && /^https?:\/\//i.test(guid)
      ? guid
      : null;
  const link = lastLink(el, base) ?? atomLink(el, base) ?? permalink;
  const dcDate = text(el, "dc", "date");
  return {
    title: line(text(el, "", "title") ?? text(el, "dc", "title")),
    link,
    url: canonicalUrl(link),
    published:
      parseFeedDate(text(el, "", "pubdate")) ??
      parseFeedDate(dcDate) ??
      parseFeedDate(text(el, "atom", "published")) ??
      parseFeedDate(text(el, "dcterms", "issued")) ??
      parseFeedDate(text(el, "dcterms", "created")),
    updated:
      parseFeedDate(text(el, "atom", "updated")) ??
      parseFeedDate(dcDate) ??
      parseFeedDate(text(el, "dcterms", "modified")),
    author:
      parsePerson(text(el, "", "author")) ??
      parsePerson(text(el, "dc", "author")) ??
      parsePerson(text(el, "dc", "creator")) ??
      atomPerson(child(el, "atom", "author")) ??
      parsePerson(text(el, "itunes", "author")),
    guid,
    categories: categories(el),
    contentHtml: html(child(el, "content", "encoded")),
    summary:
      html(child(el, "", "description")) ??
      html(child(el, "dc", "description")) ??
      html(child(el, "itunes", "summary")) ??
      html(
        child(el, "media", "description") ?? child(child(el, "media", "group") ?? el, "media", "description"),
      ),
  };
}

/** The text of the first such child, or null when absent or blank. */
function text(el: XmlElement, ns: string, name: string): string | null {
  const value = textOf(child(el, ns, name));
  return value === "" ? null : value;
}

function line(value: string | null): string | null {
  if (value === null) return null;
  const plain = /<[a-z/!]|&/i.test(value) ? htmlToLine(value) : value.replace(/\s+/g, " ").trim();
  return plain === "" ? null : plain;
}

/** A field's HTML: escaped HTML arrives as text; unescaped markup as child elements. */
function html(el: XmlElement | undefined): string | null {
  if (!el) return null;
  const hasElements = el.children.some((c) => typeof c !== "string");
  const value = (hasElements ? innerXml(el) : textOf(el)).trim();
  return value === "" ? null : value;
}

/** gofeed keeps the last <link>: its text, or its href when it has one. */
function lastLink(el: XmlElement, base: string | null): string | null {
  let found: string | null = null;
  for (const link of childElements(el, "", "link")) {
    const value = link.attrs.href ?? textOf(link);
    const resolved = resolveUrl(value, link.base ?? base);
    if (resolved !== null) found = resolved;
  }
  return found;
}

function atomLink(el: XmlElement, base: string | null): string | null {
  for (const link of childElements(el, "atom", "link")) {
    const rel = link.attrs.rel ?? "alternate";
    if (rel === "alternate" && link.attrs.href) return resolveUrl(link.attrs.href, link.base ?? base);
  }
  return null;
}

export function atomPerson(el: XmlElement | undefined): Person | null {
  if (!el) return null;
  const name = textOf(childElements(el).find((c) => c.name === "name"));
  const email = textOf(childElements(el).find((c) => c.name === "email"));
  if (name === "" && email === "") return parsePerson(textOf(el));
  return { name: name === "" ? null : name, email: email === "" ? null : email };
}

function categories(el: XmlElement): string[] {
  const out: string[] = [];
  const add = (value: string | null | undefined) => {
    const clean = (value ?? "").trim();
    if (clean !== "" && !out.includes(clean)) out.push(clean);
  };
  for (const c of childElements(el, "", "category")) add(textOf(c));
  for (const keyword of (text(el, "itunes", "keywords") ?? "").split(",")) add(keyword);
  for (const c of childElements(el, "dc", "subject")) add(textOf(c));
  for (const c of childElements(el, "atom", "category")) add(c.attrs.term ?? c.attrs.label);
  return out;
}
