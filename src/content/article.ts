import type { Article } from "../domain/article.js";

/** What a parser returns: the article, or null with the reason it was skipped. */
export type ParseOutcome =
  | { ok: true; article: Article; warnings: string[] }
  /** `gone`: the file was deleted between being listed and being read. */
  | { ok: false; reason: string; warnings: string[]; gone?: boolean };
