import type { ArticleMeta } from "../domain/article.js";
import type { Locale } from "../domain/locale.js";
import type { Button, Card, Field } from "../domain/reply.js";
import { formatDay } from "./format-time.js";
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
      value: formatDay(meta.date, lang.locale) ?? lang.t("field.undated"),
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
