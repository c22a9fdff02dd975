import { dateFormatter } from "../framework/format-time.js";

/**
 * Wall-clock arithmetic in IANA time zones, on plain epoch milliseconds, with no dependency on
 * the host's own zone. The one DST policy of Newsdesk lives here (ADR 0031):
 * - a wall time that does not exist (spring forward) is moved forward by the gap: 02:30 on the
 *   night Paris jumps from 02:00 to 03:00 means 03:30;
 * - a wall time that happens twice (fall back) means its first occurrence.
 */

/** A local date and time, months 1-12, as a clock on the wall shows it. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
function formatter(zone: string): Intl.DateTimeFormat {
  return dateFormatter("wall-parts", "en-US", zone, {
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
}

/** The canonical spelling of a zone ("europe/paris" -> "Europe/Paris"), or null if unknown. */
export function canonicalTimeZone(zone: string): string | null {
  const text = zone.trim();
  if (text === "" || text.length > 64) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export function isValidTimeZone(zone: string): boolean {
  return canonicalTimeZone(zone) !== null;
}

/** What a wall clock in `zone` shows at `instant` (whole seconds). */
export function wallTime(instant: number, zone: string): WallTime {
  const out: WallTime = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatter(zone).formatToParts(new Date(instant))) {
    if (part.type in out) out[part.type as keyof WallTime] = Number(part.value);
  }
  // Some engines print midnight as 24 even with h23.
  if (out.hour === 24) out.hour = 0;
  return out;
}

/** The zone's offset from UTC at `instant`, in milliseconds (Paris in summer: +7,200,000). */
export function offsetAt(instant: number, zone: string): number {
  const w = wallTime(instant, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The wall time read as if it were UTC: a number to do calendar arithmetic on. */
export function wallAsUtc(w: WallTime): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/**
 * Every instant at which the wall clock shows `w`: none in a spring-forward gap, two in a
 * fall-back overlap, one otherwise. Ascending.
 */
export function instantsOf(w: WallTime, zone: string): number[] {
  const guess = wallAsUtc(w);
  // Real zones change offset at most once within a day on either side of a wall time.
  const offsets = new Set([offsetAt(guess - DAY, zone), offsetAt(guess + DAY, zone)]);
  const found: number[] = [];
  for (const offset of offsets) {
    const candidate = guess - offset;
    if (offsetAt(candidate, zone) === offset && !found.includes(candidate)) found.push(candidate);
  }
  return found.sort((a, b) => a - b);
}

/**
 * The one instant a wall time stands for, under the DST policy above: the first occurrence, or
 * for a time inside a gap, the same time read with the offset from before the gap.
 */
export function resolveWallTime(w: WallTime, zone: string): number {
  const [first] = instantsOf(w, zone);
  if (first !== undefined) return first;
  return wallAsUtc(w) - offsetAt(wallAsUtc(w) - DAY, zone);
}

/** The calendar day after (or `n` days after) a local date. */
export function addDays(
  date: { year: number; month: number; day: number },
  n: number,
): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + n));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
