import type { Locale } from "../domain/locale.js";

/**
 * Dates and times as people read them, and the one cache of the formatters behind them (the
 * scheduler's wall-clock arithmetic, src/schedule/time-zone.ts, uses it too): building an
 * Intl.DateTimeFormat is costly (7 % of a /news answer in the profile), using one is cheap.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The formatter for `locale` in `timeZone` with the options of `style` (one style name, one set of
 * options), built once.
 */
export function dateFormatter(
  style: string,
  locale: string,
  timeZone: string,
  options: Omit<Intl.DateTimeFormatOptions, "timeZone">,
): Intl.DateTimeFormat {
  const key = `${style}|${locale}|${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, format);
  }
  return format;
}

function tag(locale: Locale | string): string {
  return locale === "fr" ? "fr-FR" : "en-GB";
}

/** "Fri 18 Jul 2025, 09:00" in the given zone and language: what lists and confirmations show. */
export function formatInstant(instant: Date, timeZone: string, locale: Locale): string {
  return dateFormatter("instant", tag(locale), timeZone, {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(instant);
}

/** "17 July 2025" / "17 juillet 2025"; ISO date-times keep their day only. */
export function formatDay(iso: string | null, locale: string): string | null {
  if (!iso) return null;
  const day = /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0];
  if (!day) return iso;
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormatter("day", tag(locale), "UTC", { day: "numeric", month: "long", year: "numeric" }).format(
    date,
  );
}

/** "July 2025" / "juillet 2025" for "2025-07"; null for anything else. */
export function formatMonth(yearMonth: string, locale: string): string | null {
  const m = /^(\d{4})-(\d{2})$/.exec(yearMonth);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  if (Number.isNaN(date.getTime())) return null;
  return dateFormatter("month", tag(locale), "UTC", { month: "long", year: "numeric" }).format(date);
}
