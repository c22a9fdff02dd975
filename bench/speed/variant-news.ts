/**
 * The proposal measured here (one Intl.DateTimeFormat per locale) is applied in
 * src/framework/present-article.ts: the "proposed" /news is the real one.
 */
export { default as variantNews } from "../../commands/news.js";
