/**
 * Dates resolved against the article's date. Precompiled patterns read the common forms ("jeudi",
 * "hier", "5 septembre", "March 17, 2025", "juin 2024") and the periods chrono-node misses ("fin
 * 2025", "début juillet", "mi-2026", "au premier trimestre", "last week", "cette année", a bare
 * year). chrono-node reads the relative rest ("il y a deux semaines", "three days ago", "mardi
 * dernier"), and only for sentences that hold such a phrase: each chrono call costs about 0.2 ms
 * whatever the text (its refiners run every time), more than the rest of the extractor per sentence.
 *
 * Patterns: date-patterns.ts; values: date-values.ts.
 *
 * ISO-like details: YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Www (a week), YYYY-Qn, YYYY-Hn. The vague part
 * of a period maps to a month: début/early = first month, mi/mid = June, fin/late/end = December.
 */
import type * as chrono from "chrono-node";
// The two locales alone: the package index loads all thirteen (+20 MB of RSS for nothing).
import * as chronoEn from "chrono-node/en";
import * as chronoFr from "chrono-node/fr";
import { spend } from "../work-meter.js";
import { Claims } from "./claims.js";
import {
  anchorPositions,
  Bit,
  flagsOf,
  LATIN_UPPER,
  MONTH_EN,
  PERIODS,
  RELATIVE,
  wanted,
} from "./date-patterns.js";
import {
  addDays,
  isoDay,
  pad,
  periodDetail,
  referenceDate,
  speaksOfFuture,
  yearFor,
  yearForMonth,
} from "./date-values.js";
import { type LanguageLexicon, MONTHS } from "./lexicon.js";
import { blankBefore, fold, type Token, tokenize, trimPunct, wordBefore } from "./text.js";

export { isoWeek, referenceDate, speaksOfFuture } from "./date-values.js";

/** A date found in a sentence, with its character range. */
export interface DateMatch {
  text: string;
  detail: string;
  start: number;
  end: number;
}

interface Found extends DateMatch {
  /** A day written without its year, which the sentence's year may complete. */
  yearless: boolean;
}

type ChronoParser = { parse: typeof chrono.parse };
const PARSERS: Record<"fr" | "en", ChronoParser> = { fr: chronoFr, en: chronoEn };

/** What the rules share while they read one sentence. */
interface Reading {
  sentence: string;
  /** The sentence lower-cased, same offsets. */
  lower: string;
  lex: LanguageLexicon;
  ref: Date | null;
  out: Found[];
  claims: Claims;
  clauses: Clauses;
}

/** Resolve one pattern match and keep it unless it overlaps an earlier date. */
function accept(m: RegExpExecArray, kind: string, r: Reading): void {
  const { sentence, lower, lex, ref, clauses } = r;
  let start = m.index;
  let end = start + m[0].length;
  if (r.claims.overlaps(start, end)) return;
  if (kind === "bareYear" && !plausibleYear(sentence, start)) return;
  let groups: Record<string, string | undefined> = m.groups ?? {};
  if (kind === "weekday") {
    const mod = /\b(last|next|this)[\s\u00a0]+$/.exec(lower.slice(Math.max(0, start - 6), start));
    if (mod !== null) {
      start -= mod[0].length;
      groups = { ...groups, mod1: mod[1] };
    }
  }
  if ((kind === "dayMonth" || kind === "monthDay") && groups.year === undefined) {
    const rel = /^[\s\u00a0]+(dernier|prochain|last|next)\b/.exec(lower.slice(end, end + 12));
    if (rel !== null) {
      end += rel[0].length;
      groups = { ...groups, after: rel[1] === "dernier" || rel[1] === "last" ? "past" : "future" };
    }
  }
  // English writes months with a capital: "may" is a verb, "May" a month.
  const month = groups.month;
  if (
    lex.lang === "en" &&
    month !== undefined &&
    !/[A-Z]/.test(sentence[m.index + m[0].indexOf(month)] ?? "")
  )
    return;
  const detail = periodDetail(kind, groups, ref, () => clauses.future(start, end));
  if (detail === null) return;
  r.out.push({ text: sentence.slice(start, end), detail, start, end, yearless: isYearless(kind, groups) });
  r.claims.claim(start, end);
}

/**
 * Find the dates of one sentence. `ref` is the article's date (null: relative dates are skipped).
 */
export function findDates(
  sentence: string,
  lex: LanguageLexicon,
  ref: Date | null,
  tokens: readonly Token[] = tokenize(sentence),
): DateMatch[] {
  const out: Found[] = [];
  // Patterns run on a lower-cased copy with the same offsets (Latin letters only are folded), so
  // they need neither the "i" nor the "u" flag: both make V8's regexes several times slower.
  let lower = sentence.toLowerCase();
  if (lower.length !== sentence.length) lower = sentence.replace(LATIN_UPPER, (c) => c.toLowerCase());
  const clauses = new Clauses(sentence, lex);
  const reading: Reading = { sentence, lower, lex, ref, out, claims: new Claims(sentence.length), clauses };
  const flags = flagsOf(tokens);
  for (const { re, kind, anchor, sticky } of PERIODS) {
    if (!wanted(kind, flags)) continue;
    if (anchor === undefined || sticky === null) {
      spend(lower.length);
      re.lastIndex = 0;
      for (let m = re.exec(lower); m !== null; m = re.exec(lower)) accept(m, kind, reading);
      continue;
    }
    for (const at of anchorPositions(anchor, tokens)) {
      sticky.lastIndex = at;
      const m = sticky.exec(lower);
      if (m !== null) accept(m, kind, reading);
    }
  }
  if (ref !== null && (flags & Bit.Relative) !== 0 && RELATIVE.test(sentence)) {
    spend(sentence.length);
    for (const r of PARSERS[lex.lang].parse(sentence, ref)) {
      const start = r.index;
      const end = r.index + r.text.length;
      if (reading.claims.overlaps(start, end)) continue;
      const detail = chronoDetail(r, () => clauses.future(start, end), ref);
      if (detail === null) continue;
      reading.claims.claim(start, end);
      out.push({
        text: trimPunct(r.text).replace(/^(?:on|le|the|du|au)\s+/i, ""),
        detail,
        start,
        end,
        yearless: false,
      });
    }
  }
  applySentenceYear(out, ref);
  return out
    .sort((a, b) => a.start - b.start)
    .map(({ text, detail, start, end }) => ({ text, detail, start, end }));
}

function isYearless(kind: string, g: Record<string, string | undefined> | undefined): boolean {
  return (kind === "dayMonth" || kind === "monthDay") && g?.year === undefined;
}

/**
 * The clauses of a sentence (between , ; : — and brackets), and whether each speaks of the future,
 * worked out once per clause: the tense of a date is its clause's. Scanning out from every date
 * and testing its clause again made a sentence of dates without a comma quadratic (a body of
 * "le 1er janvier 2025 " repeated to 156 KB took 23-32 s).
 */
class Clauses {
  /** For a position, where its clause starts; for an end position, where its clause ends. */
  private starts: Int32Array | null = null;
  private ends: Int32Array | null = null;
  private readonly memo = new Map<number, boolean>();

  constructor(
    private readonly sentence: string,
    private readonly lex: LanguageLexicon,
  ) {}

  /** Whether the clause around the match [start, end) speaks of the future. */
  future(start: number, end: number): boolean {
    const [starts, ends] = this.index();
    const a = starts[start] as number;
    const b = ends[end] as number;
    const key = a * (this.sentence.length + 1) + b;
    let future = this.memo.get(key);
    if (future === undefined) {
      spend(b - a);
      future = speaksOfFuture(this.sentence.slice(a, b), this.lex);
      this.memo.set(key, future);
    }
    return future;
  }

  private index(): [Int32Array, Int32Array] {
    if (this.starts !== null && this.ends !== null) return [this.starts, this.ends];
    const s = this.sentence;
    const n = s.length;
    spend(2 * n);
    const starts = new Int32Array(n + 1);
    let a = 0;
    for (let i = 0; i <= n; i++) {
      if (i > 0 && isClauseStart(s.charCodeAt(i - 1))) a = i;
      starts[i] = a;
    }
    const ends = new Int32Array(n + 1);
    let b = n;
    for (let i = n; i >= 0; i--) {
      if (i < n && isClauseEnd(s.charCodeAt(i))) b = i;
      ends[i] = b;
    }
    this.starts = starts;
    this.ends = ends;
    return [starts, ends];
  }
}

/** , ; : — ( */
function isClauseStart(c: number): boolean {
  return c === 44 || c === 59 || c === 58 || c === 0x2014 || c === 40;
}

/** , ; : — ) */
function isClauseEnd(c: number): boolean {
  return c === 44 || c === 59 || c === 58 || c === 0x2014 || c === 41;
}

function plausibleYear(sentence: string, start: number): boolean {
  // "Euro 2024", "COP 2025", "Ligue 1": a year right after a capitalised name belongs to the name.
  const before = wordBefore(sentence, start);
  if (before !== null && /^\p{Lu}/u.test(before.word) && !MONTHS.has(fold(before.word))) {
    return blankBefore(sentence, before.start); // sentence-initial word: fine
  }
  return true;
}

function chronoDetail(r: chrono.ParsedResult, future: () => boolean, ref: Date): string | null {
  const c = r.start;
  const date = c.date();
  const text = fold(r.text);
  const relative =
    /dernier|derniere|prochain|prochaine|last|next|ago|il y a|hier|demain|yesterday|today|tomorrow|aujourd/.test(
      text,
    );
  if (c.isCertain("day") || relative) {
    if (!c.isCertain("year") && c.isCertain("month") && !relative) {
      const month = c.get("month") ?? date.getUTCMonth() + 1;
      const day = c.get("day") ?? date.getUTCDate();
      const y = yearFor(ref, month, day, future() ? "future" : "nearest");
      return `${y}-${pad(month)}-${pad(day)}`;
    }
    return isoDay(new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate())));
  }
  if (c.isCertain("weekday")) {
    const weekday = c.get("weekday") ?? 0;
    const refDay = ref.getUTCDay();
    const delta = future() ? (weekday - refDay + 7) % 7 : -((refDay - weekday + 7) % 7);
    return isoDay(addDays(ref, delta));
  }
  if (c.isCertain("month")) {
    const month = c.get("month") ?? 1;
    const y = c.isCertain("year")
      ? (c.get("year") ?? ref.getUTCFullYear())
      : yearForMonth(ref, month, "nearest");
    return `${y}-${pad(month)}`;
  }
  return null;
}

/**
 * A day written without a year in a sentence that names one year close to the article's
 * ("l'édition 2026 ... le 4 juillet") takes that year; the bare year is then part of the date.
 */
function applySentenceYear(found: Found[], ref: Date | null): void {
  const years = found.filter((d) => /^\d{4}$/.test(d.detail));
  if (years.length !== 1 || ref === null) return;
  const year = years[0] as Found;
  if (Math.abs(Number(year.detail) - ref.getUTCFullYear()) > 1) return;
  let used = false;
  for (const d of found) {
    if (!d.yearless) continue;
    d.detail = `${year.detail}${d.detail.slice(4)}`;
    used = true;
  }
  if (used) found.splice(found.indexOf(year), 1);
}

const FR_MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];
const EN_MONTHS = MONTH_EN.split("|").map((m) => `${m[0]?.toUpperCase()}${m.slice(1)}`);

/** The publication date as a fact of its own: its text and the line it is presented with. */
export function publicationDate(
  iso: string,
  lang: "fr" | "en",
): { text: string; detail: string; sentence: string } | null {
  const ref = referenceDate(iso);
  if (ref === null) return null;
  const day = ref.getUTCDate();
  const month = ref.getUTCMonth();
  const year = ref.getUTCFullYear();
  const text =
    lang === "fr"
      ? `${day === 1 ? "1er" : day} ${FR_MONTHS[month]} ${year}`
      : `${EN_MONTHS[month]} ${day}, ${year}`;
  const sentence = lang === "fr" ? `Publié le ${text}.` : `Published on ${text}.`;
  return { text, detail: isoDay(ref), sentence };
}
