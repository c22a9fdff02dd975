/**
 * The dashboard's own words, in English and French. The language is the reader's choice (the
 * switch, kept in a cookie), else the best of the browser's Accept-Language, else English.
 */
import { commonWords } from "./words/common.js";
import { deliveryWords } from "./words/deliveries.js";
import { pageWords } from "./words/pages.js";
import { scheduleWords } from "./words/schedules.js";

export const UI_LANGUAGES = ["en", "fr"] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

const BOOKS = [commonWords, pageWords, scheduleWords, deliveryWords] as const;

type Books = typeof BOOKS;
type KeysOf<B> = B extends { en: infer E } ? keyof E : never;
/** Every word of every page. */
export type WordKey = Extract<KeysOf<Books[number]>, string>;

const WORDS: Record<UiLanguage, Record<WordKey, string>> = {
  en: Object.assign({}, ...BOOKS.map((b) => b.en)),
  fr: Object.assign({}, ...BOOKS.map((b) => b.fr)),
};

export type Translate = (key: WordKey, params?: Record<string, string | number>) => string;

export function translator(language: UiLanguage): Translate {
  const words = WORDS[language];
  return (key, params) =>
    words[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole,
    );
}

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === "string" && (UI_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The best supported language of an Accept-Language header ("fr-CH, fr;q=0.9, en;q=0.8"), by
 * quality then order; English when none is supported. Malformed parts are skipped, never thrown on.
 */
export function fromAcceptLanguage(header: string | undefined): UiLanguage {
  let best: { language: UiLanguage; q: number } | null = null;
  for (const part of (header ?? "").slice(0, 512).split(",")) {
    const [tag = "", ...params] = part.trim().split(";");
    const base = tag.trim().toLowerCase().split("-")[0];
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!isUiLanguage(base) || !Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { language: base, q };
  }
  return best?.language ?? "en";
}
