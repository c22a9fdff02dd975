/**
 * A subscription's keyword filter (`/subscribe bitcoin -etf "el salvador"`): words and quoted
 * phrases that must all appear in an article, and words or phrases that must not (ADR 0113). It is
 * matched by the search engine the bot has (the FTS5 index), never by a user's regular expression.
 */
export interface KeywordFilter {
  /** Each a word or a phrase (words in order); every one must appear. */
  include: readonly string[];
  /** Each a word or a phrase; none may appear. */
  exclude: readonly string[];
}

/** Tells whether an article matches a keyword filter (src/store/sqlite/article-index.ts). */
export interface KeywordMatcher {
  /** False for an article the index does not hold. */
  matches(articleId: string, filter: KeywordFilter): boolean;
}
