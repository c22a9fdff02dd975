import type { ArticleMeta } from "../domain/article.js";

/**
 * Topics are categories and tags, matched without regard to case or accents: "Économie",
 * "economie" and "#ECONOMIE" are one topic.
 */
export function topicKey(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .trim()
    .replace(/^#+/, "")
    .replace(/\s+/g, " ");
}

export function articleTopicKeys(meta: Pick<ArticleMeta, "category" | "tags">): string[] {
  const keys = new Set<string>();
  if (meta.category) keys.add(topicKey(meta.category));
  for (const tag of meta.tags) keys.add(topicKey(tag));
  keys.delete("");
  return [...keys];
}

export function matchesTopic(meta: Pick<ArticleMeta, "category" | "tags">, key: string): boolean {
  return articleTopicKeys(meta).includes(key);
}
