/**
 * An HTML page given as a source may announce its feeds: <link rel="alternate"
 * type="application/rss+xml|atom+xml|feed+json" href="...">. Only the head is read (the parse
 * stops at <body>), hrefs are resolved against <base href> and the page URL, in page order.
 */
import { Parser } from "htmlparser2";

const FEED_TYPES = new Map([
  ["application/rss+xml", "rss"],
  ["application/atom+xml", "atom"],
  ["application/feed+json", "json"],
  ["application/json", "json"],
  ["application/rdf+xml", "rdf"],
]);

export interface FeedLink {
  url: string;
  type: string;
  title: string | null;
}

export function findFeedLinks(html: string, pageUrl: string): FeedLink[] {
  const links: FeedLink[] = [];
  let base = pageUrl;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === "body") {
          parser.pause();
          return;
        }
        if (name === "base" && attrs.href) base = safeUrl(attrs.href, pageUrl) ?? base;
        if (name !== "link" || !attrs.href) return;
        const rels = (attrs.rel ?? "").toLowerCase().split(/\s+/);
        const type = (attrs.type ?? "").toLowerCase().split(";")[0]?.trim() ?? "";
        if (!rels.includes("alternate") || !FEED_TYPES.has(type)) return;
        const url = safeUrl(attrs.href, base);
        if (url !== null && !links.some((l) => l.url === url))
          links.push({ url, type, title: attrs.title?.trim() || null });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return links;
}

function safeUrl(href: string, base: string): string | null {
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}
