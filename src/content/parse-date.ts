/**
 * Dates as scraped sites and front matter write them, turned into ISO 8601. Only what is written
 * is kept: a date without a time stays a date ("2025-07-17"), a date-time keeps its time and zone,
 * and anything not understood gives null rather than a guess.
 */

/** Month names and their usual abbreviations, English and French, accents folded. */
const MONTHS: Readonly<Record<string, number>> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
  janvier: 1,
  janv: 1,
  fevrier: 2,
  fevr: 2,
  fev: 2,
  mars: 3,
  avril: 4,
  avr: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  juil: 7,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  decembre: 12,
};

const WEEKDAY =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\.?,?\s+/;
const LEAD_IN = /^(?:(?:published|updated|posted)(?:\s+on)?|(?:publie|mis a jour|poste)(?:\s+le)?|le|on)\s+/;
/** A time after a written date ("July 17, 2025 at 10:30 UTC") is dropped: the date alone is kept. */
const TRAILING_TIME = "(?:,?\\s+(?:at\\s+|a\\s+|-\\s+)?\\d{1,2}(?::|h)\\d{2}.*)?";
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[t ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(z|utc|[+-]\d{2}(?::?\d{2})?)?$/;
const MONTH_FIRST = new RegExp(`^([a-z]+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TRAILING_TIME}$`);
const DAY_FIRST = new RegExp(
  `^(\\d{1,2})(?:er|re|st|nd|rd|th)?\\s+([a-z]+)\\.?,?\\s+(\\d{4})${TRAILING_TIME}$`,
);

/**
 * "July 17, 2025", "17 juillet 2025", "1er juillet 2025", "2025-07-17" -> "2025-07-17";
 * "2025-07-17T08:30:00+02:00" -> the same date-time, normalised; anything else -> null.
 */
export function parseDate(text: string): string | null {
  const s = fold(text)
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim()
    .replace(/ᵉʳ/g, "er")
    .replace(LEAD_IN, "")
    .replace(WEEKDAY, "");
  if (s === "") return null;

  let m = ISO_DATE.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));

  m = ISO_DATE_TIME.exec(s);
  if (m) {
    const date = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    const [hh, mm, ss] = [Number(m[4]), Number(m[5]), Number(m[6] ?? "0")];
    if (date === null || hh > 23 || mm > 59 || ss > 59) return null;
    const zone = normaliseZone(m[7]);
    if (zone === undefined) return null;
    return `${date}T${m[4]}:${m[5]}:${m[6] ?? "00"}${zone}`;
  }

  m = MONTH_FIRST.exec(s);
  if (m) return isoDate(Number(m[3]), MONTHS[m[1] ?? ""] ?? 0, Number(m[2]));

  m = DAY_FIRST.exec(s);
  if (m) return isoDate(Number(m[3]), MONTHS[m[2] ?? ""] ?? 0, Number(m[1]));

  return null;
}

/**
 * A JavaScript Date (YAML can produce one) as ISO: "YYYY-MM-DD" when it carries no time of day
 * in UTC, which is how YAML reads a bare date; otherwise the full UTC date-time.
 */
export function dateToIso(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  const full = date.toISOString();
  if (full.endsWith("T00:00:00.000Z")) return full.slice(0, 10);
  return full.replace(".000Z", "Z");
}

/** True when an ISO string from parseDate carries a time of day. */
export function hasTime(iso: string): boolean {
  return iso.includes("T");
}

/** True when an ISO date-time names its zone ("Z" or an offset). */
export function hasZone(iso: string): boolean {
  return /(?:Z|[+-]\d{2}:\d{2})$/.test(iso);
}

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** "" for no zone, "Z" for UTC, "+02:00" style for offsets; undefined for an impossible offset. */
function normaliseZone(zone: string | undefined): string | undefined {
  if (zone === undefined) return "";
  if (zone === "z" || zone === "utc") return "Z";
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return undefined;
  const [hours, minutes] = [Number(m[2]), Number(m[3] ?? "0")];
  if (hours > 14 || minutes > 59) return undefined;
  return `${m[1]}${m[2]}:${m[3] ?? "00"}`;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}+/gu, "");
}
