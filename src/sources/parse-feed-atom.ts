/**
 * Atom 1.0 (RFC 4287) and Atom 0.3 into the common shape: the first alternate link (resolved
 * against xml:base), published from published/issued and else updated/modified (as gofeed
 * does), the first author's name and email, id as guid, category terms, and text constructs
 * (type text, html or xhtml; 0.3's mode="escaped") read as what they are.
 */
import { canonicalUrl, type Feed, type FeedItem } from "./feed-item.js";
import { escapeHtml, htmlToLine } from "./html-text.js";
import { parseFeedDate } from "./parse-feed-date.js";
import { atomPerson } from "./parse-feed-rss.js";
import { innerXml, resolveUrl, textOf, type XmlElement } from "./xml-tree.js";

/** Atom elements: in the Atom namespace, or in none when a feed forgot to declare it. */
function atom(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children)
    if (typeof c !== "string" && c.name === name && (c.ns === "atom" || c.ns === "")) return c;
  return undefined;
}

function atoms(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter(
    (c): c is XmlElement => typeof c !== "string" && c.name === name && (c.ns === "atom" || c.ns === ""),
  );
}

export function readAtom(root: XmlElement, feedUrl: string | null): Feed {
  const base = root.base ?? feedUrl;
  return {
    format: "atom",
    version: root.attrs.version === "0.3" ? "0.3" : "1.0",
    title: plain(atom(root, "title")),
    link: alternate(root, base),
    language: root.attrs["xml:lang"] ?? root.attrs.lang ?? null,
    author: atomPerson(atom(root, "author")),
    items: atoms(root, "entry").map((entry) => readEntry(entry, entry.base ?? base)),
  };
}

function readEntry(entry: XmlElement, base: string | null): FeedItem {
  const link = alternate(entry, base);
  const updated =
    parseFeedDate(textOf(atom(entry, "updated"))) ?? parseFeedDate(textOf(atom(entry, "modified")));
  const published =
    parseFeedDate(textOf(atom(entry, "published"))) ??
    parseFeedDate(textOf(atom(entry, "issued"))) ??
    parseFeedDate(textOf(atom(entry, "created"))) ??
    updated;
  const id = textOf(atom(entry, "id"));
  const categories: string[] = [];
  for (const c of atoms(entry, "category")) {
    const term = (c.attrs.term ?? c.attrs.label ?? textOf(c)).trim();
    if (term !== "" && !categories.includes(term)) categories.push(term);
  }
  return {
    title: plain(atom(entry, "title")),
    link,
    url: canonicalUrl(link),
    published,
    updated,
    author: atomPerson(atom(entry, "author")) ?? atomPerson(atom(atom(entry, "source") ?? entry, "author")),
    guid: id === "" ? null : id,
    categories,
    contentHtml: construct(atom(entry, "content")),
    summary: construct(atom(entry, "summary")),
  };
}

/** The first link with rel="alternate" (or no rel), resolved; else null. */
function alternate(el: XmlElement, base: string | null): string | null {
  for (const link of atoms(el, "link")) {
    const rel = (link.attrs.rel ?? "alternate").toLowerCase();
    if (rel === "alternate" && link.attrs.href) return resolveUrl(link.attrs.href, link.base ?? base);
  }
  return null;
}

/** A text construct as HTML: type text is escaped, html is as written, xhtml is its markup. */
function construct(el: XmlElement | undefined): string | null {
  if (!el || el.attrs.src) return null;
  const type = (el.attrs.type ?? "text").toLowerCase();
  const mode = (el.attrs.mode ?? "").toLowerCase();
  const hasElements = el.children.some((c) => typeof c !== "string");
  let value: string;
  if (type === "xhtml" || type === "application/xhtml+xml" || mode === "xml" || hasElements) {
    const div = el.children.find((c): c is XmlElement => typeof c !== "string" && c.name === "div");
    value = innerXml(div ?? el);
  } else if (type === "html" || type === "text/html" || mode === "escaped") value = textOf(el);
  else if (mode === "base64") value = escapeHtml(Buffer.from(textOf(el), "base64").toString("utf8"));
  else value = escapeHtml(textOf(el));
  value = value.trim();
  return value === "" ? null : value;
}

function plain(el: XmlElement | undefined): string | null {
  const html = construct(el);
  if (html === null) return null;
  const text = htmlToLine(html);
  return text === "" ? null : text;
}
