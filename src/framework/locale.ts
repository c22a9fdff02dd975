import { isLocale, type Locale } from "../domain/locale.js";

/**
 * Maps a platform locale ("fr", "fr-FR", "en-GB", Telegram's language_code) to a supported one.
 * Unknown or missing locales fall back to the configured default.
 */
export function pickLocale(raw: string | null | undefined, fallback: Locale): Locale {
  if (!raw) return fallback;
  const base = raw.toLowerCase().split(/[-_]/)[0];
  return isLocale(base) ? base : fallback;
}

/** Text in every interface language: command descriptions and the like. */
export type Localized = Record<Locale, string>;
