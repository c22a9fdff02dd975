import type { Article } from "../domain/article.js";
import type { DeliveryKind, DeliveryPayload } from "../domain/delivery.js";
import type { InsightsPort } from "../domain/insights.js";
import type { Locale } from "../domain/locale.js";
import type { Action, Reply } from "../domain/reply.js";
import { sharedWords } from "../framework/messages.js";
import { articleCard } from "../framework/present-article.js";
import { wordsTranslator } from "../framework/words.js";
import { postWords } from "./post-words.js";

/** Sentences of summary under each article of a post or digest. */
const SUMMARY_SENTENCES = 3;
/** A page of /latest (commands/latest.ts): where a digest's "more" continues. */
const LATEST_PAGE = 5;

/**
 * What a scheduled delivery posts, in the target's language: one card per article (title, link,
 * date and category, a 2-3 sentence summary, "Full text" and "Key facts" buttons), under a line
 * that says what it is. The cards are those of /news and /latest (src/framework/present-article.ts).
 * A digest that held more new articles than it shows says so after its cards, with a button that
 * shows them (docs/adr/0086).
 */
export async function renderDelivery(
  kind: DeliveryKind,
  payload: DeliveryPayload,
  articles: readonly Article[],
  insights: InsightsPort,
  locale: Locale,
): Promise<Reply | null> {
  if (articles.length === 0) return null;
  const t = wordsTranslator<keyof typeof postWords.en | keyof typeof sharedWords.en>(
    [postWords, sharedWords],
    locale,
  );
  const summaries = await Promise.all(articles.map((a) => insights.summary(a, SUMMARY_SENTENCES)));
  const cards = articles.map((a, i) => articleCard({ t, locale }, a, summaries[i] ?? []));
  if (kind === "announce") return { text: t("announce.new"), cards, locale };
  if (kind === "post") return { cards, locale };
  const title = payload.topic ? t("digest.titleTopic", { topic: payload.topic }) : t("digest.title");
  const reply: Reply = { text: title, cards, locale };
  if (payload.more) {
    reply.footer = t("digest.more", { count: payload.more });
    reply.buttons = [
      {
        label: t("button.more", { count: payload.more }),
        action: moreAction(articles.length, payload.topic ?? null),
        next: true,
      },
    ];
  }
  return reply;
}

/**
 * Where the articles a digest counted but did not show can be read. The digest shows the newest
 * new articles, so the rest follow them in /latest: the page after those shown (when the digest
 * shows more than a page of /latest, the page that holds the first unshown one). A digest on a
 * topic points to /news on that topic: /latest has no topic filter.
 */
function moreAction(shown: number, topic: string | null): Action {
  if (topic) return { command: "news", args: { query: topic } };
  if (shown < LATEST_PAGE) return { command: "latest", args: { count: shown, page: 2 } };
  return { command: "latest", args: { page: Math.floor(shown / LATEST_PAGE) + 1 } };
}
