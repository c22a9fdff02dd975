import type { Cron } from "../framework/cron-syntax.js";
import { addDays, instantsOf, offsetAt, wallTime } from "./time-zone.js";

/**
 * Cron fire times (the expression is read by src/framework/cron-syntax.ts), computed here on a
 * clock port rather than `new Date()`, with one explicit DST policy (ADR 0031):
 * - a fire time inside a spring-forward gap fires when the gap ends, shifted by its length
 *   (02:30 -> 03:30), unless that instant already fires;
 * - a fire time inside a fall-back overlap fires once, at its first occurrence, except when the
 *   hour field is "every hour": then both occurrences fire, so an hourly job stays hourly.
 * Day-of-month and day-of-week combine with AND, as node-cron's own matcher does.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** How far the search for a next or previous fire time goes (Feb 29 on a Monday is rare). */
const SEARCH_DAYS = 366 * 30;

/**
 * Whether the cron fires at least once, ever. Thirty years from 2000 hold every pairing of
 * date, weekday and leap year that the Gregorian calendar has until 2100 (it repeats every 28).
 */
export function firesEver(cron: Cron): boolean {
  return nextFire(cron, new Date(Date.UTC(2000, 0, 1)), "UTC") !== null;
}

/** Whether the cron fires at all on this local date. */
export function firesOn(cron: Cron, year: number, month: number, day: number): boolean {
  return (
    cron.months.includes(month) &&
    matchesDayOfMonth(cron.daysOfMonth, year, month, day) &&
    matchesDayOfWeek(cron.daysOfWeek, year, month, day)
  );
}

/** The instants the cron fires at on one local date in `zone`, ascending, DST policy applied. */
export function firesOnDay(cron: Cron, year: number, month: number, day: number, zone: string): number[] {
  if (!firesOn(cron, year, month, day)) return [];
  const midnight = Date.UTC(year, month - 1, day);
  // Offsets can only be -12h..+14h, so these probes bracket the whole local day.
  const before = offsetAt(midnight - 14 * HOUR, zone);
  const after = offsetAt(midnight + DAY + 12 * HOUR, zone);
  if (before === after) return cron.timesOfDay.map((s) => midnight + s * 1000 - before);
  const out = new Set<number>();
  for (const s of cron.timesOfDay) {
    const hour = Math.floor(s / 3600);
    const wall = { year, month, day, hour, minute: Math.floor(s / 60) % 60, second: s % 60 };
    const instants = instantsOf(wall, zone);
    const [first, second] = instants;
    if (first === undefined) out.add(midnight + s * 1000 - before);
    else {
      out.add(first);
      if (second !== undefined && cron.everyHour) out.add(second);
    }
  }
  return [...out].sort((a, b) => a - b);
}

/** The first fire time strictly after `after`, or null if there is none within 30 years. */
export function nextFire(cron: Cron, after: Date, zone: string): Date | null {
  const from = after.getTime();
  // Start a day early: a shifted or repeated time may belong to the previous local date.
  let date = addDays(wallTime(from, zone), -1);
  for (let i = 0; i < SEARCH_DAYS; i++, date = addDays(date, 1)) {
    for (const t of firesOnDay(cron, date.year, date.month, date.day, zone)) if (t > from) return new Date(t);
  }
  return null;
}

/** The newest fire time at or before `at`, or null; `notBefore` bounds the search. */
export function previousFire(cron: Cron, at: Date, zone: string, notBefore?: Date): Date | null {
  const until = at.getTime();
  const floor = notBefore?.getTime() ?? Number.NEGATIVE_INFINITY;
  let date = addDays(wallTime(until, zone), 1);
  for (let i = 0; i < SEARCH_DAYS; i++, date = addDays(date, -1)) {
    if (Date.UTC(date.year, date.month - 1, date.day) + DAY + 14 * HOUR < floor) return null;
    const fires = firesOnDay(cron, date.year, date.month, date.day, zone);
    for (let j = fires.length - 1; j >= 0; j--) {
      const t = fires[j] as number;
      if (t <= until) return t >= floor ? new Date(t) : null;
    }
  }
  return null;
}

/**
 * The smallest gap between two consecutive fire times over `days` days from the first fire
 * after `from` (DST days included), or Infinity if it fires at most once. Stops early below
 * `stopBelowMs`.
 */
export function minimumGapMs(cron: Cron, zone: string, from: Date, days = 400, stopBelowMs = 0): number {
  const first = nextFire(cron, from, zone);
  if (!first) return Number.POSITIVE_INFINITY;
  let min = Number.POSITIVE_INFINITY;
  let previous: number | null = null;
  let date = addDays(wallTime(first.getTime(), zone), -1);
  for (let i = 0; i <= days + 1; i++, date = addDays(date, 1)) {
    for (const t of firesOnDay(cron, date.year, date.month, date.day, zone)) {
      if (t < first.getTime()) continue;
      if (previous !== null && t > previous) min = Math.min(min, t - previous);
      if (previous === null || t > previous) previous = t;
      if (min < stopBelowMs) return min;
    }
  }
  return min;
}

// Day matching, after node-cron's own rules (L, L-n, nW, LW in day-of-month; nL, n#k in day-of-week).

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function weekday(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

function nearestWeekday(year: number, month: number, target: number): number {
  const last = lastDayOfMonth(year, month);
  if (target < 1 || target > last) return -1;
  const wd = weekday(year, month, target);
  if (wd === 6) return target === 1 ? target + 2 : target - 1;
  if (wd === 0) return target === last ? target - 2 : target + 1;
  return target;
}

function matchesDayOfMonth(field: readonly (number | string)[], year: number, month: number, day: number) {
  const last = lastDayOfMonth(year, month);
  for (const value of field) {
    if (value === day) return true;
    if (typeof value !== "string") continue;
    if (value === "L" && day === last) return true;
    const w = /^(\d{1,2}|L)W$/.exec(value);
    if (w?.[1] && nearestWeekday(year, month, w[1] === "L" ? last : Number(w[1])) === day) return true;
    const offset = /^L-(\d{1,2})$/.exec(value);
    if (offset?.[1] && last - Number(offset[1]) === day) return true;
  }
  return false;
}

function matchesDayOfWeek(field: readonly (number | string)[], year: number, month: number, day: number) {
  const wd = weekday(year, month, day);
  for (const value of field) {
    if (value === wd) return true;
    if (typeof value !== "string") continue;
    const nth = /^([0-7])#([1-5])$/.exec(value);
    if (nth?.[1] && nth[2] && Number(nth[1]) % 7 === wd && Math.floor((day - 1) / 7) + 1 === Number(nth[2])) {
      return true;
    }
    const lastOf = /^([0-7])L$/i.exec(value);
    if (lastOf?.[1] && Number(lastOf[1]) % 7 === wd && day + 7 > lastDayOfMonth(year, month)) return true;
  }
  return false;
}
