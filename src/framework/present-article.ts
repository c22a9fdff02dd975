import type { ArticleMeta } from "../domain/article.js";
import type { Locale } from "../domain/locale.js";
import type { Button, Card, Field } from "../domain/reply.js";
import type { Translate } from "./messages.js";

/**
 * How an article looks as a card, the one definition shared by the commands that list articles
 * (/news, /latest, /article) and by scheduled posts, digests and announcements, so they cannot
 * drift apart: title, link, date and category as fields, the summary as body, and the "Full
 * text" and "Key facts" buttons.
 */

/** The reader's language: a command's context, or a target's locale and its translator. */
export interface CardLanguage {
  t: Translate;
  locale: Locale;
}

export function metaFields(lang: CardLanguage, meta: ArticleMeta): Field[] {
  const fields: Field[] = [
    {
      name: lang.t("field.date"),
      value: formatDate(meta.date, lang.locale) ?? lang.t("field.undated"),
      inline: true,
    },
  ];
  if (meta.category) fields.push({ name: lang.t("field.category"), value: meta.category, inline: true });
  return fields;
}

export function articleButtons(lang: Pick<CardLanguage, "t">, id: string): Button[] {
  return [
    { label: lang.t("button.fullText"), action: { command: "article", args: { article: id } } },
    { label: lang.t("button.keyFacts"), action: { command: "facts", args: { article: id } } },
  ];
}

/** A card of one article; `summary` is its summary's sentences (none: no body). */
export function articleCard(lang: CardLanguage, meta: ArticleMeta, summary: readonly string[]): Card {
  const text = summary.join(" ");
  return {
    title: meta.title,
    url: meta.source,
    fields: metaFields(lang, meta),
    body: text ? [{ type: "paragraph", text }] : [],
    footer: meta.id,
    buttons: articleButtons(lang, meta.id),
  };
}

/** "17 July 2025" / "17 juillet 2025"; ISO date-times keep their day only. */
export function formatDate(iso: string | null, locale: string): string | null {
  if (!iso) return null;
  const day = /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0];
  if (!day) return iso;
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return dayFormat(locale).format(date);
}

// Building an Intl.DateTimeFormat is costly (7 % of a /news answer in the profile): one per locale.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(locale: string): Intl.DateTimeFormat {
  const tag = locale === "fr" ? "fr-FR" : "en-GB";
  let format = dayFormats.get(tag);
  if (!format) {
    format = new Intl.DateTimeFormat(tag, {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    dayFormats.set(tag, format);
  }
  return format;
}
