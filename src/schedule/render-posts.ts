import type { Article } from "../content/article.js";
import type { Locale } from "../framework/locale.js";
import { type Translate, translator } from "../framework/messages.js";
import type { InsightsPort } from "../framework/ports.js";
import type { Card, Reply } from "../framework/reply.js";
import type { DeliveryKind, DeliveryPayload } from "../store/deliveries.js";

/** Sentences of summary under each article of a post or digest. */
const SUMMARY_SENTENCES = 3;

/**
 * What a scheduled delivery posts, in the target's language: one card per article (title, link,
 * date and category, a 2-3 sentence summary, "Full text" and "Key facts" buttons), under a line
 * that says what it is. Matches the cards of /news and /latest (commands/present.ts).
 */
export function renderDelivery(
  kind: DeliveryKind,
  payload: DeliveryPayload,
  articles: readonly Article[],
  insights: InsightsPort,
  locale: Locale,
): Reply | null {
  if (articles.length === 0) return null;
  const t = translator(locale);
  const cards = articles.map((a) => articleCard(a, insights, t, locale));
  if (kind === "announce") return { text: t("announce.new"), cards };
  if (kind === "post") return { cards };
  const title = payload.topic ? t("digest.titleTopic", { topic: payload.topic }) : t("digest.title");
  const more = payload.more ? `\n${t("digest.more", { count: payload.more })}` : "";
  return { text: `${title}${more}`, cards };
}

function articleCard(article: Article, insights: InsightsPort, t: Translate, locale: Locale): Card {
  const summary = insights.summary(article, SUMMARY_SENTENCES).join(" ");
  const fields = [
    { name: t("field.date"), value: formatDay(article.date, locale) ?? t("field.undated"), inline: true },
  ];
  if (article.category) fields.push({ name: t("field.category"), value: article.category, inline: true });
  return {
    title: article.title,
    url: article.source,
    fields,
    body: summary ? [{ type: "paragraph", text: summary }] : [],
    footer: article.id,
    buttons: [
      { label: t("button.fullText"), action: { command: "article", args: { article: article.id } } },
      { label: t("button.keyFacts"), action: { command: "facts", args: { article: article.id } } },
    ],
  };
}

function formatDay(iso: string | null, locale: Locale): string | null {
  const day = iso ? /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0] : undefined;
  if (!day) return iso;
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
}

/** "Fri 18 Jul 2025, 09:00" in the given zone and language: what lists and confirmations show. */
export function formatInstant(instant: Date, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(instant);
}
