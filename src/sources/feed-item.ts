/**
 * The one item shape every feed format is read into (RSS 0.9x-2.0, RDF, Atom 0.3/1.0, JSON
 * Feed 1.0/1.1), and what the writer and the dedupe keys work from. Which element fills which
 * field follows the conventions gofeed's test suite pins (../shared/eval/feeds/gofeed-translator).
 */

export interface Person {
  name: string | null;
  email: string | null;
}

export interface FeedItem {
  title: string | null;
  /** The item's link as the feed gives it, made absolute. */
  link: string | null;
  /** The link cleaned for identity: http(s) only, no fragment, no tracking parameters. */
  url: string | null;
  /** ISO 8601 UTC, or null. */
  published: string | null;
  updated: string | null;
  author: Person | null;
  /** guid (RSS), id (Atom, JSON Feed). */
  guid: string | null;
  categories: string[];
  /** The full content as HTML (content:encoded, Atom content, content_html), or null. */
  contentHtml: string | null;
  /** The description or summary, as HTML, or null. */
  summary: string | null;
}

export type FeedFormat = "rss" | "rdf" | "atom" | "json";

export interface Feed {
  format: FeedFormat;
  /** "2.0", "0.91", "1.0" (RDF), "0.3"/"1.0" (Atom), "1.0"/"1.1" (JSON Feed). */
  version: string;
  title: string | null;
  /** The site's home page. */
  link: string | null;
  language: string | null;
  author: Person | null;
  items: FeedItem[];
}

/** Query parameters that only track a click: dropped from the identity URL. */
const TRACKING = /^(?:utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|_hsenc|_hsmi|igshid|ref_src)$/i;

/** The identity form of a link: absolute http(s), no fragment, no tracking parameters. */
export function canonicalUrl(link: string | null): string | null {
  if (link === null) return null;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  url.hash = "";
  for (const key of [...url.searchParams.keys()]) if (TRACKING.test(key)) url.searchParams.delete(key);
  return url.href;
}

/**
 * "email@example.org (Name)", "Name (email@example.org)", "Name <email@example.org>", a bare
 * email or a bare name, split the way gofeed splits them.
 */
export function parsePerson(raw: string | null | undefined): Person | null {
  const text = (raw ?? "").replace(/\s+/g, " ").trim();
  if (text === "") return null;
  const m = /^(.*?)\s*[(<]\s*([^)>]*?)\s*[)>]\s*$/.exec(text);
  if (m) {
    const [outer = "", inner = ""] = [m[1]?.trim(), m[2]?.trim()];
    if (isEmail(inner)) return person(outer, inner);
    if (isEmail(outer)) return person(inner, outer);
    return person(text, "");
  }
  if (isEmail(text)) return person("", text);
  return person(text, "");
}

function person(name: string, email: string): Person | null {
  const cleanEmail = email.replace(/^mailto:/i, "");
  if (name === "" && cleanEmail === "") return null;
  return { name: name === "" ? null : name, email: cleanEmail === "" ? null : cleanEmail };
}

function isEmail(text: string): boolean {
  return /^(?:mailto:)?[^\s@()<>]+@[^\s@()<>]+$/i.test(text);
}

/** A person's display form: the name, else the email. */
export function personName(p: Person | null): string | null {
  return p?.name ?? p?.email ?? null;
}
