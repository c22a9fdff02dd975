/** The interface languages Newsdesk speaks. Article languages are wider: any ISO 639-1 code. */
export const LOCALES = ["en", "fr"] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

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
