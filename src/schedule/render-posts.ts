import type { Article } from "../domain/article.js";
import type { DeliveryKind, DeliveryPayload } from "../domain/delivery.js";
import type { InsightsPort } from "../domain/insights.js";
import type { Locale } from "../domain/locale.js";
import type { Reply } from "../domain/reply.js";
import { translator } from "../framework/messages.js";
import { articleCard } from "../framework/present-article.js";

/** Sentences of summary under each article of a post or digest. */
const SUMMARY_SENTENCES = 3;

/**
 * What a scheduled delivery posts, in the target's language: one card per article (title, link,
 * date and category, a 2-3 sentence summary, "Full text" and "Key facts" buttons), under a line
 * that says what it is. The cards are those of /news and /latest (src/framework/present-article.ts).
 */
export async function renderDelivery(
  kind: DeliveryKind,
  payload: DeliveryPayload,
  articles: readonly Article[],
  insights: InsightsPort,
  locale: Locale,
): Promise<Reply | null> {
  if (articles.length === 0) return null;
  const t = translator(locale);
  const summaries = await Promise.all(articles.map((a) => insights.summary(a, SUMMARY_SENTENCES)));
  const cards = articles.map((a, i) => articleCard({ t, locale }, a, summaries[i] ?? []));
  if (kind === "announce") return { text: t("announce.new"), cards };
  if (kind === "post") return { cards };
  const title = payload.topic ? t("digest.titleTopic", { topic: payload.topic }) : t("digest.title");
  const more = payload.more ? `\n${t("digest.more", { count: payload.more })}` : "";
  return { text: `${title}${more}`, cards };
}
