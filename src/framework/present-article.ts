import type { Locale } from "./locale.js";
import type { Translate } from "./messages.js";
import type { ArticleMeta } from "./ports.js";
import type { Button, Card, Field } from "./reply.js";

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
  return dateFormat(locale, "day").format(date);
}

/** "July 2025" / "juillet 2025" for "2025-07"; null for anything else. */
export function formatMonth(yearMonth: string, locale: string): string | null {
  const m = /^(\d{4})-(\d{2})$/.exec(yearMonth);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  return Number.isNaN(date.getTime()) ? null : dateFormat(locale, "month").format(date);
}

// Building an Intl.DateTimeFormat is costly (7 % of a /news answer in the profile): one per locale and form.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, form: "day" | "month"): Intl.DateTimeFormat {
  const tag = locale === "fr" ? "fr-FR" : "en-GB";
  let format = dateFormats.get(`${tag}:${form}`);
  if (!format) {
    format = new Intl.DateTimeFormat(tag, {
      ...(form === "day" ? { day: "numeric" } : {}),
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    dateFormats.set(`${tag}:${form}`, format);
  }
  return format;
}
