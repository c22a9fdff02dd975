/**
 * One read of one source, composed from the parts behind injected ports: fetch the URL, tell a
 * feed from a page (a page that announces a feed is read through that feed), parse, fetch and
 * extract the full text where the feed carries only a teaser, write each new item once, and
 * say what happened to each. No scheduling, no announcing: the caller (CLI, poller) decides.
 */
import type { FullTextMode, SeenItems } from "../domain/sources.js";
import type { Block } from "./article-blocks.js";
import { decodeBytes } from "./decode-charset.js";
import { type ExtractedArticle, extractArticle, fragmentBlocks } from "./extract-article.js";
import { canonicalUrl, type Feed, type FeedItem, personName } from "./feed-item.js";
import type { Clock, Fetcher, FetchOutcome } from "./fetch-types.js";
import { wordCount } from "./html-text.js";
import { readDocument } from "./parse-feed.js";
import { type ArticleDraft, dedupeKeys, fallbackTitle, plainText } from "./write-article.js";

/** Writes an article file under `folder`; returns its path relative to the content folder. */
export interface ArticleWriter {
  /** `beforeLink` runs once the article's id is chosen, before the file appears (ADR 0112). */
  write(draft: ArticleDraft, folder: string, hooks?: WriteHooks): Promise<string>;
}

export interface WriteHooks {
  beforeLink?(articleId: string): Promise<void>;
}

export type { FullTextMode };

export interface ImportOptions {
  folder: string;
  fullText?: FullTextMode;
  /** Nothing is fetched beyond the source, nothing written or remembered: items are "new" or "unchanged". */
  dryRun?: boolean;
  category?: string | null;
  tags?: readonly string[];
  lang?: string | null;
  /** Validators of the source's last fetch. */
  etag?: string | null;
  lastModified?: string | null;
  /** In "auto", a feed text shorter than this many words is a teaser (default 150). */
  teaserWords?: number;
  /**
   * This is the source's first read: what it imports is a backlog, and only its newest
   * `announceNewest` items may be announced; the others are passed over (ports.backlog).
   */
  firstRead?: { announceNewest: number };
  /** Checked before each item: true stops the read there (the bot is stopping); the rest waits for the next poll. */
  cancelled?: () => boolean;
}

export interface ImportPorts {
  fetcher: Fetcher;
  seen: SeenItems;
  writer: ArticleWriter;
  clock: Pick<Clock, "now">;
  /**
   * Tells the scheduler never to announce these articles (they go to digests only). Called with
   * an article's id before its file appears, so no announcement can slip in between (ADR 0112).
   */
  backlog?: { passOver(articleIds: readonly string[]): Promise<void> };
}

export type ItemStatus = "imported" | "unchanged" | "skipped" | "failed" | "new";

export interface ImportedItem {
  title: string | null;
  url: string | null;
  date: string | null;
  author: string | null;
  guid: string | null;
  status: ItemStatus;
  file: string | null;
  /** True when the text written is the page's, extracted. */
  fullText: boolean;
  reason: string | null;
}

export type ImportResult =
  | {
      ok: true;
      kind: "feed" | "page" | "not-modified";
      url: string;
      feedUrl: string | null;
      etag: string | null;
      lastModified: string | null;
      items: ImportedItem[];
    }
  | { ok: false; url: string; reason: string; outcome: FetchOutcome | null };

const DEFAULT_TEASER_WORDS = 150;

export async function importOnce(
  url: string,
  options: ImportOptions,
  ports: ImportPorts,
): Promise<ImportResult> {
  const first = await ports.fetcher.fetch({
    url,
    purpose: "feed",
    etag: options.etag,
    lastModified: options.lastModified,
  });
  if (first.kind === "not-modified") {
    return {
      ok: true,
      kind: "not-modified",
      url,
      feedUrl: null,
      etag: first.etag,
      lastModified: first.lastModified,
      items: [],
    };
  }
  if (first.kind !== "ok") return { ok: false, url, reason: reasonOf(first), outcome: first };
  let response = first;
  let doc = readDocument(first.body, {
    url: first.finalUrl,
    contentType: first.contentType,
    charset: first.charset,
  });
  if (doc.kind === "page" && doc.feedLinks[0]) {
    const feedUrl = doc.feedLinks[0].url;
    const announced = await ports.fetcher.fetch({ url: feedUrl, purpose: "feed" });
    if (announced.kind !== "ok")
      return {
        ok: false,
        url,
        reason: `the page announces ${feedUrl}, which failed: ${reasonOf(announced)}`,
        outcome: announced,
      };
    const feedDoc = readDocument(announced.body, {
      url: announced.finalUrl,
      contentType: announced.contentType,
      charset: announced.charset,
    });
    if (feedDoc.kind !== "feed")
      return {
        ok: false,
        url,
        reason: `the page announces ${feedUrl}, which is not a feed`,
        outcome: announced,
      };
    response = announced;
    doc = feedDoc;
  }
  const validators = { etag: first.etag, lastModified: first.lastModified };
  if (doc.kind === "unknown")
    return { ok: false, url, reason: `${url} is not a feed or a page: ${doc.reason}`, outcome: first };
  if (doc.kind === "page") {
    const quiet = options.firstRead !== undefined && options.firstRead.announceNewest < 1;
    const item = await importPage(doc.html, response.finalUrl, { ...options, quiet }, ports);
    return { ok: true, kind: "page", url, feedUrl: null, ...validators, items: [item] };
  }
  const items: ImportedItem[] = [];
  const announced = options.firstRead ? newestItems(doc.feed.items, options.firstRead.announceNewest) : null;
  for (const item of doc.feed.items) {
    if (options.cancelled?.()) break;
    const quiet = announced !== null && !announced.has(item);
    items.push(await importItem(item, doc.feed, response.finalUrl, { ...options, quiet }, ports));
  }
  return { ok: true, kind: "feed", url, feedUrl: response.finalUrl, ...validators, items };
}

/** What one item's import needs: the source's options, and whether its announcement is held back. */
type ItemOptions = ImportOptions & { quiet: boolean };

async function importItem(
  item: FeedItem,
  feed: Feed,
  feedUrl: string,
  options: ItemOptions,
  ports: ImportPorts,
): Promise<ImportedItem> {
  const pageUrl = item.url ?? item.link;
  const feedBlocks = fragmentBlocks(item.contentHtml ?? item.summary ?? "");
  const feedText = plainText(feedBlocks);
  const base: ImportedItem = {
    title: item.title,
    url: pageUrl,
    date: item.published ?? item.updated,
    author: personName(item.author) ?? personName(feed.author),
    guid: item.guid,
    status: "skipped",
    file: null,
    fullText: false,
    reason: null,
  };
  const keys = dedupeKeys({ guid: item.guid, url: item.url, title: item.title, text: feedText }, feedUrl);
  if (await ports.seen.hasSeen(keys, isoNow(ports))) return { ...base, status: "unchanged" };
  if (options.dryRun) return { ...base, status: "new" };

  const mode = options.fullText ?? "auto";
  const teaser = wordCount(feedText) < (options.teaserWords ?? DEFAULT_TEASER_WORDS);
  let blocks: Block[] = feedBlocks;
  let fullText = false;
  let fallbackReason: string | null = null;
  let page: { reason: string } | { article: ExtractedArticle } | null = null;
  if (pageUrl !== null && (mode === "always" || (mode === "auto" && teaser))) {
    page = await readPage(pageUrl, ports);
    if ("reason" in page) fallbackReason = page.reason;
    else if (mode === "always" || wordCount(plainText(page.article.blocks)) >= wordCount(feedText)) {
      blocks = page.article.blocks;
      fullText = true;
    }
  }
  const extracted = page !== null && "article" in page ? page.article : null;
  const title = item.title ?? extracted?.title ?? null;
  if (blocks.length === 0) {
    return {
      ...base,
      status: fallbackReason ? "failed" : "skipped",
      reason: fallbackReason ?? "the item has no text and no page to read",
    };
  }
  const draft: ArticleDraft = {
    title: title ?? fallbackTitle(blocks),
    author: base.author ?? extracted?.byline ?? null,
    date: base.date ?? extracted?.publishedTime ?? null,
    category: options.category ?? null,
    tags: [...(options.tags ?? []), ...item.categories],
    lang: options.lang ?? extracted?.lang ?? null,
    source: item.url ?? (extracted ? canonicalUrl(pageUrl) : null),
    feed: feedUrl,
    guid: item.guid,
    blocks,
    fallbackReason: fullText ? null : fallbackReason,
  };
  // The reason the feed's text stood in for the page, if it did (the file's text_note says it too).
  const reason = draft.fallbackReason;
  return write(draft, keys, { ...base, title: draft.title, fullText, reason }, options, ports);
}

async function importPage(
  html: string,
  url: string,
  options: ItemOptions,
  ports: ImportPorts,
): Promise<ImportedItem> {
  const article = extractArticle(html, url);
  const canonical = canonicalUrl(url);
  const base: ImportedItem = {
    title: article?.title ?? null,
    url: canonical,
    date: article?.publishedTime ?? null,
    author: article?.byline ?? null,
    guid: null,
    status: "failed",
    file: null,
    fullText: true,
    reason: null,
  };
  if (article === null)
    return { ...base, fullText: false, reason: `no article could be extracted from ${url}` };
  const keys = dedupeKeys(
    { guid: null, url: canonical, title: article.title, text: plainText(article.blocks) },
    null,
  );
  if (await ports.seen.hasSeen(keys, isoNow(ports))) return { ...base, status: "unchanged" };
  if (options.dryRun) return { ...base, status: "new" };
  const draft: ArticleDraft = {
    title: article.title ?? fallbackTitle(article.blocks),
    author: article.byline,
    date: article.publishedTime,
    category: options.category ?? null,
    tags: [...(options.tags ?? [])],
    lang: options.lang ?? article.lang,
    source: canonical,
    feed: null,
    guid: null,
    blocks: article.blocks,
    fallbackReason: null,
  };
  return write(draft, keys, { ...base, title: draft.title }, options, ports);
}

/**
 * Claims the item's keys (another source or process may be writing the same article: then it is
 * "unchanged"), writes the file, and records it; a failed write frees the keys for the next poll.
 */
async function write(
  draft: ArticleDraft,
  keys: string[],
  base: ImportedItem,
  options: ItemOptions,
  ports: ImportPorts,
): Promise<ImportedItem> {
  const claimed = await ports.seen.claimItem(keys, { source: draft.feed ?? draft.source, at: isoNow(ports) });
  if (!claimed) return { ...base, status: "unchanged" };
  const backlog = ports.backlog;
  const hooks: WriteHooks = options.quiet && backlog ? { beforeLink: (id) => backlog.passOver([id]) } : {};
  try {
    const file = await ports.writer.write(draft, options.folder, hooks);
    await ports.seen.itemWritten(keys, file);
    return { ...base, status: "imported", file };
  } catch (error) {
    await ports.seen.releaseItem(keys).catch(() => undefined);
    return {
      ...base,
      status: "failed",
      reason: `the article could not be written: ${(error as Error).message}`,
    };
  }
}

function isoNow(ports: ImportPorts): string {
  return new Date(ports.clock.now()).toISOString();
}

/**
 * The `n` newest items: by date, newest first; items without a date after those with one, in the
 * feed's order (feeds list the newest first).
 */
export function newestItems(items: readonly FeedItem[], n: number): Set<FeedItem> {
  const time = (item: FeedItem) => {
    const t = Date.parse(item.published ?? item.updated ?? "");
    return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
  };
  const ranked = items.map((item, index) => ({ item, index, t: time(item) }));
  ranked.sort((a, b) => b.t - a.t || a.index - b.index);
  return new Set(ranked.slice(0, Math.max(0, n)).map((r) => r.item));
}

/** Fetches and extracts an item's page; the reason when that is not possible. */
async function readPage(
  url: string,
  ports: ImportPorts,
): Promise<{ reason: string } | { article: ExtractedArticle }> {
  const outcome = await ports.fetcher.fetch({ url, purpose: "page" });
  if (outcome.kind !== "ok") return { reason: `the page could not be fetched: ${reasonOf(outcome)}` };
  const { text } = decodeBytes(outcome.body, outcome.charset);
  const article = extractArticle(text, outcome.finalUrl);
  if (article === null) return { reason: `no article could be extracted from ${outcome.finalUrl}` };
  return { article };
}

function reasonOf(outcome: FetchOutcome): string {
  switch (outcome.kind) {
    case "ok":
      return "ok";
    case "not-modified":
      return "not modified";
    case "gone":
      return `${outcome.finalUrl} answered 410 Gone`;
    default:
      return outcome.reason;
  }
}

/** In-memory SeenItems: for tests and one-off runs (the CLI); a key maps to its file ("" while claimed). */
export function memorySeenStore(known: Iterable<string> = []): SeenItems & { keys: Map<string, string> } {
  const keys = new Map<string, string>([...known].map((k) => [k, "?"]));
  return {
    keys,
    async hasSeen(list) {
      return list.some((k) => keys.has(k));
    },
    async claimItem(list) {
      if (list.some((k) => keys.has(k))) return false;
      for (const k of list) keys.set(k, "");
      return true;
    },
    async itemWritten(list, file) {
      for (const k of list) keys.set(k, file);
    },
    async releaseItem(list) {
      for (const k of list) if (keys.get(k) === "") keys.delete(k);
    },
  };
}
