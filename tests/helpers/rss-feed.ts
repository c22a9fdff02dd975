/**
 * A small RSS 2.0 feed for source tests, served by the fixture server (`setBody`). Each item links
 * to https://news.example/<guid> (outside the fixture: read with `full_text: never`) and is dated
 * 08:00 UTC on day `day` of July 2025; items stay in the order given (feeds list the newest first).
 */
export function rssFeed(
  items: readonly { guid: string; title: string; day: number }[],
  title = "News",
): string {
  const xml = items
    .map(
      (i) =>
        `<item><title>${i.title}</title><link>https://news.example/${i.guid}</link>` +
        `<guid isPermaLink="false">${i.guid}</guid>` +
        `<pubDate>${new Date(Date.UTC(2025, 6, i.day, 8)).toUTCString()}</pubDate>` +
        `<description>${i.title}: the whole story, told in a few words.</description></item>`,
    )
    .join("");
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title>${xml}</channel></rss>`;
}

/** The path under which the fixture server serves the body given to `setBody` as RSS. */
export const FEED_PATH = "/bytes?type=application/rss%2Bxml";
