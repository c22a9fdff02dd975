// The two locales alone: the package index loads all thirteen (+20 MB of RSS for nothing).
import * as chronoEn from "chrono-node/en";
import * as chronoFr from "chrono-node/fr";
import { addDays, resolveWallTime, type WallTime, wallTime } from "./time-zone.js";

/**
 * Reads the `when` of "/schedule post": "in 2h", "in 1h30", "dans 30 min", "tomorrow 09:00",
 * "demain 9h", "today 18:30", "monday 9am", "2025-07-18 09:00", "18/07/2025 9h", ISO 8601 with or
 * without an offset, and what chrono-node understands in English or French ("next friday at
 * 5pm"). Wall times are read in `timeZone` (the chat's), never in the host's zone; relative
 * times are exact durations. Returns null when the text is not a time; whether it is in the
 * past is the caller's question.
 */
export function parseWhen(text: string, context: { now: Date; timeZone: string }): Date | null {
  const when = parseAny(text, context);
  // "in 99999999 weeks" and the like fall outside what a Date can hold: not a time.
  return when && Number.isFinite(when.getTime()) ? when : null;
}

function parseAny(text: string, context: { now: Date; timeZone: string }): Date | null {
  const input = text.normalize("NFC").trim().toLowerCase().replace(/[’`]/g, "'").replace(/\s+/g, " ");
  if (input === "" || input.length > 80) return null;
  const now = context.now.getTime();
  const relative = parseRelative(input);
  if (relative !== null) return new Date(now + relative);
  if (ISO_ABSOLUTE.test(input)) {
    const t = Date.parse(input.toUpperCase());
    return Number.isNaN(t) ? null : new Date(t);
  }
  const wall = parseWallTime(input, wallTime(now, context.timeZone), context.timeZone, now);
  if (wall) return new Date(resolveWallTime(wall, context.timeZone));
  // A numeric date we could not accept (month 13, 30 February) is wrong, not for chrono to guess.
  if (/^\d{4}-\d{1,2}-\d{1,2}|^\d{1,2}\/\d{1,2}\/\d{4}/.test(input)) return null;
  const viaChrono = parseWithChrono(input, wallTime(now, context.timeZone));
  if (viaChrono instanceof Date || viaChrono === null) return viaChrono;
  return new Date(resolveWallTime(viaChrono, context.timeZone));
}

const ISO_ABSOLUTE = /^\d{4}-\d{2}-\d{2}t\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(z|[+-]\d{2}:?\d{2})$/;

const UNITS: [RegExp, number][] = [
  [/^(w|wk|wks|weeks?|sem|semaines?)$/, 7 * 86_400_000],
  [/^(d|days?|j|jours?)$/, 86_400_000],
  [/^(h|hrs?|hours?|heures?)$/, 3_600_000],
  [/^(m|mn|mins?|minutes?)$/, 60_000],
  [/^(s|secs?|seconds?|secondes?)$/, 1000],
];

/** "in 2h", "dans 1h30", "in 2 hours and 15 minutes": milliseconds from now, or null. */
function parseRelative(input: string): number | null {
  const head = /^(?:in|dans|d'ici) (.+)$/.exec(input);
  if (!head?.[1]) return null;
  // A comma between digits is a French decimal ("1,5 h"); elsewhere it separates ("2 h, 15 min").
  const body = head[1].replace(/\b(an?|une?)\b(?= [a-z])/g, "1").replace(/\b(and|et)\b|,(?!\d)/g, " ");
  const re = /(\d+(?:[.,]\d+)?)\s*([a-zé]*)/gy;
  let total = 0;
  let lastUnit = 0;
  let pos = 0;
  const s = body.trim();
  while (pos < s.length) {
    while (s[pos] === " ") pos++;
    if (pos >= s.length) break;
    re.lastIndex = pos;
    const m = re.exec(s);
    if (!m?.[1]) return null;
    const amount = Number(m[1].replace(",", "."));
    const unitText = m[2] ?? "";
    let unit: number | undefined;
    if (unitText === "") {
      // "1h30": a bare number after hours means minutes; after minutes, seconds.
      unit = lastUnit === 3_600_000 ? 60_000 : lastUnit === 60_000 ? 1000 : undefined;
    } else {
      unit = UNITS.find(([pattern]) => pattern.test(unitText))?.[1];
    }
    if (unit === undefined) return null;
    total += amount * unit;
    lastUnit = unit;
    pos = re.lastIndex;
  }
  return Math.round(total);
}

const TIME = String.raw`(\d{1,2})(?:(?::|h)(\d{2})?)?(?::(\d{2}))?\s*(am|pm)?`;
const DAY_WORDS: Record<string, number> = {
  today: 0,
  "aujourd'hui": 0,
  tonight: 0,
  "ce soir": 0,
  tomorrow: 1,
  demain: 1,
  "après-demain": 2,
  "apres-demain": 2,
  "day after tomorrow": 2,
};
const WEEKDAYS: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  dimanche: 0,
  lundi: 1,
  mardi: 2,
  mercredi: 3,
  jeudi: 4,
  vendredi: 5,
  samedi: 6,
};

/** Dates and times written out; a bare time means its next occurrence. */
function parseWallTime(input: string, today: WallTime, zone: string, now: number): WallTime | null {
  const iso = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})(?:t| | at | à | a )${TIME}$`).exec(input);
  if (iso)
    return withTime({ year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) }, iso.slice(4));
  const dmy = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})(?: | at | à | a )${TIME}$`).exec(input);
  if (dmy)
    return withTime({ year: Number(dmy[3]), month: Number(dmy[2]), day: Number(dmy[1]) }, dmy.slice(4));

  const words = [...Object.keys(DAY_WORDS), ...Object.keys(WEEKDAYS)].join("|");
  const at = "(?: at | à | a | )";
  const dayFirst = new RegExp(`^(${words})${at}${TIME}$`).exec(input);
  const timeFirst = new RegExp(`^${TIME} (${words})$`).exec(input);
  const dayWord = dayFirst?.[1] ?? timeFirst?.[5];
  const timeParts = dayFirst ? dayFirst.slice(2) : timeFirst?.slice(1, 5);
  if (dayWord !== undefined && timeParts) {
    const offset = DAY_WORDS[dayWord];
    if (offset !== undefined) return withTime(addDays(today, offset), timeParts);
    const target = WEEKDAYS[dayWord] ?? 0;
    const todayWd = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay();
    const ahead = (target - todayWd + 7) % 7;
    const sameDay = withTime(addDays(today, ahead), timeParts);
    if (sameDay && ahead === 0 && resolveWallTime(sameDay, zone) <= now) {
      return withTime(addDays(today, 7), timeParts);
    }
    return sameDay;
  }
  const bare = new RegExp(`^(?:at |à |a )?${TIME}$`).exec(input);
  if (bare && (bare[2] !== undefined || bare[4] !== undefined || input.includes("h"))) {
    const todayAt = withTime(today, bare.slice(1));
    if (!todayAt) return null;
    return resolveWallTime(todayAt, zone) > now ? todayAt : withTime(addDays(today, 1), bare.slice(1));
  }
  return null;
}

function withTime(
  date: { year: number; month: number; day: number },
  parts: (string | undefined)[],
): WallTime | null {
  const [h, m, s, meridiem] = parts;
  let hour = Number(h);
  const minute = m === undefined ? 0 : Number(m);
  const second = s === undefined ? 0 : Number(s);
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === "pm" ? 12 : 0);
  }
  if (!(hour <= 23 && minute <= 59 && second <= 59)) return null;
  if (date.month < 1 || date.month > 12 || date.day < 1) return null;
  if (date.day > new Date(Date.UTC(date.year, date.month, 0)).getUTCDate()) return null;
  return { ...date, hour, minute, second };
}

const FILLER = /^(?:on|at|le|la|à|a|the|,|\s)*$/;

/**
 * chrono-node, fed a reference whose host-local fields equal the chat's wall clock, so that its
 * answer's fields are wall-clock fields in the chat's zone. Only a match of the whole text with
 * an explicit hour counts: "bitcoin tomorrow" is not a time.
 */
function parseWithChrono(input: string, today: WallTime): WallTime | Date | null {
  const ref = new Date(today.year, today.month - 1, today.day, today.hour, today.minute, today.second);
  for (const parser of [chronoEn, chronoFr]) {
    const [result] = parser.parse(input, ref, { forwardDate: true });
    if (!result?.start.isCertain("hour")) continue;
    const rest = input.slice(0, result.index) + input.slice(result.index + result.text.length);
    if (!FILLER.test(rest)) continue;
    // "5pm UTC" names its own offset: then the answer is an absolute instant.
    if (result.start.isCertain("timezoneOffset")) return result.start.date();
    const get = (k: "year" | "month" | "day" | "hour" | "minute" | "second") => result.start.get(k) ?? 0;
    return withTime({ year: get("year"), month: get("month"), day: get("day") }, [
      String(get("hour")),
      String(get("minute")),
      String(get("second")),
    ]);
  }
  return null;
}
