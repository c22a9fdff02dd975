/**
 * The proposals measured here (batched writes, the bm25 ranking window, stopword-free queries)
 * are applied in src/store/article-index.ts and src/news/search-query.ts: the "proposed" rows
 * now measure the real index.
 */
export { ArticleIndex, type FileStamp } from "../../src/store/article-index.js";
