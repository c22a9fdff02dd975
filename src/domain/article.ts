import { createHash } from "node:crypto";

/**
 * Articles: what Newsdesk serves. Parsers (src/content) produce them, the index stores them,
 * commands and the scheduler show them. node:crypto is the one import of the domain: the version
 * hash below is shared by the loader (which stamps it) and the insights cache (keyed by it).
 */

/** One section of an article: an optional heading and its paragraphs, separated by blank lines. */
export interface Section {
  heading: string | null;
  text: string;
}

/**
 * The article model every part of Newsdesk shares. Dates are ISO 8601 ("2025-07-17" or a full
 * date-time) or null, never invented.
 */
export interface Article {
  /** Stable slug derived from the file name (without extension). */
  id: string;
  title: string;
  author: string | null;
  category: string | null;
  tags: string[];
  /** ISO 639-1 code ("fr", "en"). */
  lang: string;
  date: string | null;
  sections: Section[];
  /** Source URL, when known. */
  source: string | null;
  /** Path of the file, relative to the content folder. */
  file: string;
  /** A hand-written summary (front matter); it always wins over the computed one. */
  summary: string | null;
  /** Embargo: ISO date-time before which the article is neither searchable nor posted. */
  publishAt: string | null;
}

/** An article without its text: what lists, search results and autocomplete need. */
export type ArticleMeta = Omit<Article, "sections"> & {
  /** articleHash of the article, when the library knows it (its insights are cached under it). */
  hash?: string;
};

/** A category or tag and how many visible articles carry it. */
export interface TopicCount {
  name: string;
  count: number;
}

/**
 * What an article argument named: an article found by its exact id or by a search of its words;
 * or none, with the nearest ids and titles when the argument looked like an id (`idShaped`).
 */
export type ArticleMatch =
  | { article: Article; by: "id" | "words" }
  | { article: null; idShaped: boolean; closest: { id: string; title: string }[] };

/** Full text of an article as paragraphs, headings included, for search and rendering. */
export function articleBody(article: Pick<Article, "sections">): string {
  return article.sections
    .map((s) => (s.heading ? `${s.heading}\n\n${s.text}` : s.text))
    .filter((t) => t.length > 0)
    .join("\n\n");
}

/** Identifies an article version: insights (summary, facts) are cached under it. */
export function articleHash(article: Article): string {
  // Fields in a fixed order, the file name left out: the same article parsed from its file or
  // read back from the index hashes the same, so a result card can find its summary by the stored
  // hash without reading the article.
  const content = HASHED_FIELDS.map((field) => article[field]);
  const sections = article.sections.map((s) => [s.heading, s.text]);
  return createHash("sha256")
    .update(JSON.stringify([content, sections]))
    .digest("base64url")
    .slice(0, 22);
}

const HASHED_FIELDS = [
  "id",
  "title",
  "author",
  "category",
  "tags",
  "lang",
  "date",
  "source",
  "summary",
  "publishAt",
] as const satisfies readonly (keyof Article)[];

/** Fails to compile when Article gains a field the hash does not cover (stale summaries otherwise). */
type Unhashed = Exclude<keyof Article, (typeof HASHED_FIELDS)[number] | "sections" | "file">;
const everyFieldHashed: [Unhashed] extends [never] ? true : never = true;
void everyFieldHashed;
