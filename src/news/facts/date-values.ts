/**
 * Turning a matched date into its ISO-like value: the year of a day or a month written without one,
 * weeks, quarters, the vague parts of a period, and the tense that decides past or future.
 */
import { type LanguageLexicon, MONTHS, WEEKDAYS } from "./lexicon.js";
import { fold } from "./text.js";

const ORDINAL: Record<string, number> = {
  premier: 1,
  "1er": 1,
  first: 1,
  "1st": 1,
  deuxieme: 2,
  second: 2,
  "2e": 2,
  "2nd": 2,
  troisieme: 3,
  third: 3,
  "3e": 3,
  "3rd": 3,
  quatrieme: 4,
  fourth: 4,
  "4e": 4,
  "4th": 4,
};
const QUALIFIER_MONTH: Record<string, number> = {
  debut: 1,
  early: 1,
  beginning: 1,
  start: 1,
  mi: 6,
  mid: 6,
  middle: 6,
  milieu: 6,
  fin: 12,
  late: 12,
  end: 12,
};

// Period patterns chrono does not cover, in priority order (earlier ones win on overlap).
const TENSED = new Set(["dayMonth", "monthDay", "weekday", "qualified", "monthAlone"]);

export function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isoDay(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** ISO week ("2025-W12") of a UTC date. */
export function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${pad(week)}`;
}

export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * 86_400_000);
}

/** Whether a clause speaks of the future ("recevra", "will", "doit", "prochain"). */
export function speaksOfFuture(clause: string, lex: LanguageLexicon): boolean {
  return lex.future.test(clause);
}

/** The article's date at noon UTC, or null when it has none (relative dates are then skipped). */
export function referenceDate(iso: string | null): Date | null {
  if (iso === null) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (m === null) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
}

/**
 * Pick the year of a month without one, the current month counting as past and as future. The
 * nearest reading is the occurrence closest to the article's month; six months either way is a
 * tie, read as the past one: news reports what happened ("55% in January" in a July article is the
 * January before), and a clause that speaks of the future asks for "future" instead.
 */
export function yearForMonth(ref: Date, month: number, direction: "past" | "future" | "nearest"): number {
  const y = ref.getUTCFullYear();
  const m = ref.getUTCMonth() + 1;
  if (month === m) return y;
  if (direction === "past") return month < m ? y : y - 1;
  if (direction === "future") return month > m ? y : y + 1;
  const ahead = (month - m + 12) % 12;
  if (ahead < 6) return month > m ? y : y + 1;
  return month < m ? y : y - 1;
}

/** Pick the year of a day without one: the closest, or the next (or last) one, today included. */
export function yearFor(
  ref: Date,
  month: number,
  day: number,
  direction: "past" | "future" | "nearest",
): number {
  const y = ref.getUTCFullYear();
  let best = y;
  let bestDist = Number.POSITIVE_INFINITY;
  for (const cand of [y - 1, y, y + 1]) {
    const t = Date.UTC(cand, month - 1, day, 12) - ref.getTime();
    if ((direction === "future" && t < 0) || (direction === "past" && t > 0)) continue;
    if (Math.abs(t) < bestDist) {
      bestDist = Math.abs(t);
      best = cand;
    }
  }
  return best;
}

export function periodDetail(
  kind: string,
  groups: Record<string, string | undefined>,
  ref: Date | null,
  /** Whether the date's clause speaks of the future (asked only when the kind cares). */
  speaksOfFutureHere: () => boolean,
): string | null {
  const g = groups.year2 === undefined ? groups : { ...groups, year: groups.year2 };
  const future = TENSED.has(kind) && speaksOfFutureHere();
  const refYear = ref?.getUTCFullYear() ?? null;
  const year = g.year !== undefined ? Number(g.year) : refYear;
  const month = g.month !== undefined ? (MONTHS.get(fold(g.month)) ?? null) : null;
  switch (kind) {
    case "dayMonth":
    case "monthDay": {
      const m = MONTHS.get(fold(g.month ?? "").replace(/\.$/, ""));
      const day = g.day === undefined ? null : Number.parseInt(g.day, 10);
      if (m === undefined || day === null || Number.isNaN(day)) return null;
      if (g.year === undefined && ref === null) return null;
      // "le 29 mars dernier", "March 3 next"
      const direction = g.after === "past" || g.after === "future" ? g.after : future ? "future" : "nearest";
      const y = g.year !== undefined ? Number(g.year) : yearFor(ref as Date, m, day, direction);
      return `${y}-${pad(m)}-${pad(day)}`;
    }
    case "weekday": {
      if (ref === null) return null;
      const wd = WEEKDAYS.get(fold(g.wd ?? ""));
      if (wd === undefined) return null;
      const mod = fold(g.mod1 ?? g.mod2 ?? "");
      const refDay = ref.getUTCDay();
      let delta: number;
      if (mod === "last" || mod === "dernier") delta = -(((refDay - wd + 6) % 7) + 1);
      else if (mod === "next" || mod === "prochain") delta = ((wd - refDay + 6) % 7) + 1;
      else if (future) delta = (wd - refDay + 7) % 7;
      else delta = -((refDay - wd + 7) % 7);
      return isoDay(addDays(ref, delta));
    }
    case "relDay": {
      if (ref === null) return null;
      const rel = fold(g.rel ?? "");
      const delta: Record<string, number> = {
        "avant-hier": -2,
        "the day before yesterday": -2,
        hier: -1,
        yesterday: -1,
        "apres-demain": 2,
        demain: 1,
        tomorrow: 1,
      };
      return isoDay(addDays(ref, delta[rel] ?? 0));
    }
    case "quarter": {
      if (year === null) return null;
      const ord = g.num !== undefined ? Number(g.num) : ORDINAL[fold(g.ord ?? "")];
      if (fold(g.ord ?? "") === "dernier" || fold(g.ord ?? "") === "last") return `${year}-Q4`;
      return ord === undefined ? null : `${year}-Q${ord}`;
    }
    case "q1":
      return refYear === null ? null : `${refYear}-Q1`;
    case "half": {
      if (year === null) return null;
      const ord = ORDINAL[fold(g.ord ?? "")];
      return ord === undefined ? null : `${year}-H${ord}`;
    }
    case "qualified": {
      const q =
        fold(g.q ?? "")
          .replace(/^the\s+/, "")
          .split(/\s+/)[0] ?? "";
      if (month !== null) {
        if (ref === null && g.year === undefined) return null;
        const y =
          g.year !== undefined
            ? Number(g.year)
            : yearForMonth(ref as Date, month, future ? "future" : "nearest");
        return `${y}-${pad(month)}`;
      }
      if (g.year === undefined) return null;
      const qm = QUALIFIER_MONTH[q];
      return qm === undefined ? g.year : `${g.year}-${pad(qm)}`;
    }
    case "qualifiedYear": {
      if (refYear === null) return null;
      const q =
        fold(g.q ?? "")
          .replace(/^the\s+/, "")
          .split(/\s+/)[0] ?? "";
      const rel = fold(g.rel ?? g.rel2 ?? "");
      const y =
        rel === "next" || rel === "prochaine"
          ? refYear + 1
          : rel === "last" || rel === "derniere"
            ? refYear - 1
            : refYear;
      return `${y}-${pad(QUALIFIER_MONTH[q] ?? 12)}`;
    }
    case "week": {
      if (ref === null) return null;
      return isoWeek(addDays(ref, g.last !== undefined ? -7 : g.next !== undefined ? 7 : 0));
    }
    case "month": {
      if (ref === null) return null;
      const m0 = ref.getUTCMonth() + (g.last !== undefined ? -1 : g.next !== undefined ? 1 : 0);
      const d = new Date(Date.UTC(ref.getUTCFullYear(), m0, 1));
      return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
    }
    case "year":
      if (refYear === null) return null;
      return String(g.last !== undefined ? refYear - 1 : g.next !== undefined ? refYear + 1 : refYear);
    case "monthYear":
      return month === null || g.year === undefined ? null : `${g.year}-${pad(month)}`;
    case "monthAlone": {
      if (month === null || ref === null) return null;
      const prep = fold(g.prep ?? "");
      const direction =
        prep === "depuis" || prep === "since" || prep === "apres" || prep === "after"
          ? "past"
          : prep === "d'ici" || prep === "by" || prep === "until" || prep === "jusqu'en" || future
            ? "future"
            : "nearest";
      return `${yearForMonth(ref, month, direction)}-${pad(month)}`;
    }
    case "bareYear":
      return g.year ?? null;
    default:
      return null;
  }
}
