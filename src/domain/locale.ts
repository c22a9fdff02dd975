/** The interface languages Newsdesk speaks. Article languages are wider: any ISO 639-1 code. */
export const LOCALES = ["en", "fr"] as const;
/** An interface language. */
export type Locale = (typeof LOCALES)[number];

/** Whether a value (a setting, an option) names an interface language. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
