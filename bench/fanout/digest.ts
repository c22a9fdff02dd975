/**
 * The digest the fan-out posts: five articles from the benchmark corpus, parsed by the real
 * parser and rendered by the scheduler's own renderDelivery (cards with a 3-sentence summary and
 * the two buttons). Summaries are the lead sentences here: the fan-out measures sending, and
 * keeps the summarizer out of the way.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArticleBytes } from "../../src/content/read-article-file.js";
import type { Article } from "../../src/domain/article.js";
import type { Reply } from "../../src/domain/reply.js";
import { splitSentences } from "../../src/news/sentences.js";
import { renderDelivery } from "../../src/schedule/render-posts.js";

export async function digestReply(corpusDir: string): Promise<Reply> {
  const articles: Article[] = [];
  for (const file of readdirSync(corpusDir).sort()) {
    if (file.startsWith(".") || articles.length >= 5) continue;
    const outcome = parseArticleBytes(file, readFileSync(join(corpusDir, file)));
    if (outcome.ok) articles.push(outcome.article);
  }
  const reply = await renderDelivery(
    "digest",
    { articles: articles.map((a) => a.id), more: 7, topic: null },
    articles,
    {
      summary: async (a, n) => splitSentences(a.sections[0]?.text ?? "", a.lang).slice(0, n),
      facts: async () => [],
      cachedSummary: () => null,
    },
    "en",
  );
  if (!reply) throw new Error("empty digest");
  return reply;
}
