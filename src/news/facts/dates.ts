/**
 * Dates resolved against the article's date. Precompiled patterns read the common forms ("jeudi",
 * "hier", "5 septembre", "March 17, 2025", "juin 2024") and the periods chrono-node misses ("fin
 * 2025", "début juillet", "mi-2026", "au premier trimestre", "last week", "cette année", a bare
 * year). chrono-node reads the relative rest ("il y a deux semaines", "three days ago", "mardi
 * dernier"), and only for sentences that hold such a phrase: each chrono call costs about 0.2 ms
 * whatever the text (its refiners run every time), more than the rest of the extractor per sentence.
 *
 * ISO-like details: YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Www (a week), YYYY-Qn, YYYY-Hn. The vague part
 * of a period maps to a month: début/early = first month, mi/mid = June, fin/late/end = December.
 */
import * as chrono from "chrono-node";
import { type LanguageLexicon, MONTHS, WEEKDAYS } from "./lexicon.js";
import { fold, type Token, tokenize, trimPunct, wordBefore } from "./text.js";

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

const MONTH_FR =
  "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre";
const MONTH_EN = "january|february|march|april|may|june|july|august|september|october|november|december";
const MONTH = `(?<month>${MONTH_FR}|${MONTH_EN})`;
const YEAR = "(?<year>(?:19|20)\\d\\d)(?![\\d%])";
const YEAR2 = "(?<year2>(?:19|20)\\d\\d)(?![\\d%])";
const S = "[\\s\\u00a0]+";
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
const WEEKDAY_FR = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche";
const WEEKDAY_EN = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
const MONTH_EN_SHORT = "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
const LATIN_UPPER = /[A-ZÀ-ÖØ-Þ]/g;
/** Cheap tests on the lower-cased sentence that say whether a pattern can match at all. */
/** What a sentence holds, from its tokens: each pattern runs only when its words are there. */
const Bit = {
  Month: 1,
  Weekday: 2,
  Digit: 4,
  Year: 8,
  Qualifier: 16,
  RelDay: 32,
  Quarter: 64,
  Months: 128,
  Half: 256,
  YearWord: 512,
  Week: 1024,
  MonthWord: 2048,
  Relative: 4096,
} as const;
const WORD_BITS = new Map<string, number>();
function setBits(words: string, bit: number): void {
  for (const w of words.split(" ")) WORD_BITS.set(w, (WORD_BITS.get(w) ?? 0) | bit);
}
setBits("debut mi fin courant early mid late end beginning start middle milieu", Bit.Qualifier);
setBits("hier demain aujourd'hui avant-hier apres-demain yesterday today tomorrow", Bit.RelDay);
setBits("trimestre quarter q1 q2 q3 q4 t1 t2 t3 t4", Bit.Quarter);
setBits("months mois", Bit.Months);
setBits("semestre half", Bit.Half);
setBits("annee an year", Bit.YearWord);
setBits("semaine week", Bit.Week);
setBits("mois mois-ci month", Bit.MonthWord);
setBits("ago lendemain veille day", Bit.Relative);
for (const m of MONTHS.keys()) WORD_BITS.set(m, (WORD_BITS.get(m) ?? 0) | Bit.Month);
for (const d of WEEKDAYS.keys()) WORD_BITS.set(d, (WORD_BITS.get(d) ?? 0) | Bit.Weekday);
const YEAR_IN = /(?:^|\D)(?:19|20)\d\d(?:\D|$)/;

const NEEDLES: Record<string, number> = {
  dayMonth: Bit.Digit | Bit.Month,
  monthDay: Bit.Digit | Bit.Month,
  weekday: Bit.Weekday,
  relDay: Bit.RelDay,
  quarter: Bit.Quarter,
  q1: Bit.Months,
  half: Bit.Half,
  qualifiedYear: Bit.YearWord | Bit.Qualifier,
  week: Bit.Week,
  month: Bit.MonthWord,
  year: Bit.YearWord,
  monthYear: Bit.Year | Bit.Month,
  monthAlone: Bit.Month,
  bareYear: Bit.Year,
};

/** The bits of a sentence's tokens (see `Bit`). */
function flagsOf(tokens: readonly Token[]): number {
  let f = 0;
  let prev = "";
  for (const t of tokens) {
    f |= WORD_BITS.get(t.key) ?? 0;
    if (t.numeric) {
      f |= Bit.Digit;
      if (YEAR_IN.test(t.text)) f |= Bit.Year;
      if (prev === "dans" || prev === "in") f |= Bit.Relative;
    }
    if (t.key === "y" && prev === "il") f |= Bit.Relative;
    const dash = t.key.indexOf("-");
    if (dash > 0 && (t.key.startsWith("mi-") || t.key.startsWith("mid-"))) {
      f |= Bit.Qualifier;
      if (MONTHS.has(t.key.slice(dash + 1))) f |= Bit.Month;
    }
    prev = t.key;
  }
  return f;
}

function wanted(kind: string, f: number): boolean {
  if (kind === "qualified") return (f & (Bit.Year | Bit.Month)) !== 0 && (f & Bit.Qualifier) !== 0;
  const need = NEEDLES[kind];
  return need === undefined || (f & need) === need;
}
type Anchor = "day" | "month" | "monthPrep" | "weekday" | "qualifier" | "year";
const PATTERNS: { re: RegExp; kind: string; anchor?: Anchor }[] = [
  {
    kind: "dayMonth",
    anchor: "day",
    re: new RegExp(
      `\\b(?<day>1er|[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?${S}(?:of${S})?${MONTH}(?:,?${S}${YEAR})?\\b`,
      "g",
    ),
  },
  {
    kind: "monthDay",
    anchor: "month",
    re: new RegExp(
      `\\b(?<month>${MONTH_EN}|(?:${MONTH_EN_SHORT})\\.?)${S}(?<day>[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\\d)(?:,?${S}${YEAR})?`,
      "g",
    ),
  },
  {
    kind: "weekday",
    anchor: "weekday",
    re: new RegExp(
      `\\b(?<wd>${WEEKDAY_FR}|${WEEKDAY_EN})(?:${S}(?<mod2>dernier|prochain))?\\b(?!,?${S}\\d)`,
      "g",
    ),
  },
  {
    kind: "relDay",
    re: /\b(?<rel>avant-hier|après-demain|aujourd['’]hui|hier|demain|the day before yesterday|yesterday|today|tomorrow)\b/g,
  },
  {
    kind: "quarter",
    re: new RegExp(
      `\\b(?<ord>premier|1er|deuxième|second|2e|troisième|3e|quatrième|4e|dernier)${S}trimestre(?:${S}(?:de${S})?${YEAR})?`,
      "g",
    ),
  },
  {
    kind: "quarter",
    re: new RegExp(
      `\\b(?<ord>first|second|third|fourth|last|1st|2nd|3rd|4th)${S}quarter(?:${S}(?:of${S})?${YEAR})?`,
      "g",
    ),
  },
  { kind: "quarter", re: new RegExp(`\\b[qt](?<num>[1-4])${S}${YEAR}`, "g") },
  { kind: "q1", re: /\b(?:first three months of (?:the|this) year|trois premiers mois de l['’]année)/g },
  {
    kind: "half",
    re: new RegExp(`\\b(?<ord>premier|1er|second|deuxième|2e)${S}semestre(?:${S}(?:de${S})?${YEAR})?`, "g"),
  },
  {
    kind: "half",
    re: new RegExp(`\\b(?<ord>first|second)${S}half(?:${S}of${S}(?:the${S}year|${YEAR}))?`, "g"),
  },
  {
    kind: "qualified",
    anchor: "qualifier",
    re: new RegExp(
      `\\b(?<q>début|debut|mi|fin|courant|early|mid|late|(?:the${S})?(?:end|beginning|start|middle)${S}of)(?:-|${S})(?:(?:de${S})?l['’]année${S}|the${S}year${S})?(?:${MONTH}(?:${S}${YEAR})?|${YEAR2})`,
      "g",
    ),
  },
  {
    kind: "qualifiedYear",
    anchor: "qualifier",
    re: new RegExp(
      `\\b(?<q>début|debut|milieu|fin|early|late|mid|(?:the${S})?(?:end|beginning|start|middle)${S}of)[\\s\\u00a0-]+(?:de${S})?(?:l['’]année|the${S}year|(?<rel>this|next|last)${S}year)(?:${S}(?<rel2>prochaine|dernière|en${S}cours))?`,
      "g",
    ),
  },
  {
    kind: "week",
    re: /\b(?:(?<this>cette semaine|this week)|(?<last>la semaine (?:dernière|passée)|last week)|(?<next>la semaine prochaine|next week))/g,
  },
  {
    kind: "month",
    re: /\b(?:(?<this>ce mois-ci|this month)|(?<last>le mois dernier|last month)|(?<next>le mois prochain|next month))/g,
  },
  {
    kind: "year",
    re: /\b(?:(?<this>cette année|this year|l['’]année en cours)|(?<last>l['’]an (?:dernier|passé)|l['’]année (?:dernière|passée)|last year)|(?<next>l['’]an prochain|l['’]année prochaine|next year))/g,
  },
  { kind: "monthYear", anchor: "month", re: new RegExp(`(?<!\\d${S}|\\d)\\b${MONTH}${S}${YEAR}`, "g") },
  {
    kind: "monthAlone",
    anchor: "monthPrep",
    re: new RegExp(
      `\\b(?<prep>en|depuis|dès|d['’]ici|avant|après|jusqu['’]en|courant|fin|début|mois${S}de|mois${S}d['’]|in|since|by|until|from|through|during|before|after)${S}(?:le${S}mois${S}de${S})?${MONTH}\\b(?!${S}\\d|[\\s\\u00a0]*\\d)`,
      "g",
    ),
  },
  {
    kind: "bareYear",
    anchor: "year",
    re: new RegExp(`(?<![\\d.,a-zà-öø-ÿ]|\\d${S})${YEAR}(?![.,]\\d)`, "g"),
  },
];
/**
 * Patterns with an anchor run only where a token of that sort stands (a day number, a month, a
 * weekday...), as sticky regexes; the others scan the sentence, when their words are in it.
 */
const PERIODS = PATTERNS.map((p) => ({
  ...p,
  sticky: p.anchor === undefined ? null : new RegExp(p.re.source, "y"),
}));
const DAY_NUMBER = /^(?:[12]\d|3[01]|0?[1-9])(?:er|st|nd|rd|th)?$/;
const YEAR_TOKEN = /^(?:19|20)\d\d$/;

function anchorPositions(anchor: Anchor, tokens: readonly Token[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    switch (anchor) {
      case "day":
        if (DAY_NUMBER.test(t.text)) out.push(t.start);
        break;
      case "month":
        if (MONTHS.has(t.key)) out.push(t.start);
        break;
      case "monthPrep":
        // The preposition stands one to four words before the month: "en mai", "dès le mois de mars".
        if (MONTHS.has(t.key))
          for (let k = Math.max(0, i - 4); k < i; k++) out.push((tokens[k] as Token).start);
        break;
      case "weekday":
        if (WEEKDAYS.has(t.key)) out.push(t.start);
        break;
      case "qualifier":
        if (
          ((WORD_BITS.get(t.key) ?? 0) & Bit.Qualifier) !== 0 ||
          t.key.startsWith("mi-") ||
          t.key.startsWith("mid-")
        ) {
          const prev = tokens[i - 1];
          if (prev?.key === "the") out.push(prev.start); // "the end of 2026"
          out.push(t.start);
        }
        break;
      case "year":
        if (YEAR_TOKEN.test(t.text)) out.push(t.start);
        break;
    }
  }
  return out;
}

/** Relative phrases the patterns above leave to chrono. */
const RELATIVE =
  /\b(?:il y a|ago|dans \d+|in \d+ (?:days|weeks)|lendemain|veille|the day after|the day before)\b/iu;

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function isoDay(d: Date): string {
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

function addDays(d: Date, days: number): Date {
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

/** Pick the year of a month without one, the current month counting as past and as future. */
function yearForMonth(ref: Date, month: number, direction: "past" | "future" | "nearest"): number {
  const y = ref.getUTCFullYear();
  const m = ref.getUTCMonth() + 1;
  if (month === m) return y;
  if (direction === "past") return month < m ? y : y - 1;
  if (direction === "future") return month > m ? y : y + 1;
  const ahead = (month - m + 12) % 12;
  if (ahead <= 6) return month > m ? y : y + 1;
  return month < m ? y : y - 1;
}

/** Pick the year of a day without one: the closest, or the next (or last) one, today included. */
function yearFor(ref: Date, month: number, day: number, direction: "past" | "future" | "nearest"): number {
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

function periodDetail(
  kind: string,
  groups: Record<string, string | undefined>,
  ref: Date | null,
  clause: string,
  lex: LanguageLexicon,
): string | null {
  const g = groups.year2 === undefined ? groups : { ...groups, year: groups.year2 };
  const future = TENSED.has(kind) && speaksOfFuture(clause, lex);
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

type ChronoParser = { parse: typeof chrono.parse };
const PARSERS: Record<"fr" | "en", ChronoParser> = { fr: chrono.fr, en: chrono.en };

/** Resolve one pattern match and keep it unless it overlaps an earlier date. */
function accept(
  m: RegExpExecArray,
  kind: string,
  sentence: string,
  lower: string,
  lex: LanguageLexicon,
  ref: Date | null,
  out: Found[],
): void {
  let start = m.index;
  let end = start + m[0].length;
  if (overlapsAny(out, start, end)) return;
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
  const detail = periodDetail(kind, groups, ref, clauseAround(sentence, start, end), lex);
  if (detail !== null)
    out.push({ text: sentence.slice(start, end), detail, start, end, yearless: isYearless(kind, groups) });
}

const TENSED = new Set(["dayMonth", "monthDay", "weekday", "qualified", "monthAlone"]);

function overlapsAny(found: readonly DateMatch[], a: number, b: number): boolean {
  for (const d of found) if (a < d.end && b > d.start) return true;
  return false;
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
  const flags = flagsOf(tokens);
  for (const { re, kind, anchor, sticky } of PERIODS) {
    if (!wanted(kind, flags)) continue;
    if (anchor === undefined || sticky === null) {
      re.lastIndex = 0;
      for (let m = re.exec(lower); m !== null; m = re.exec(lower))
        accept(m, kind, sentence, lower, lex, ref, out);
      continue;
    }
    for (const at of anchorPositions(anchor, tokens)) {
      sticky.lastIndex = at;
      const m = sticky.exec(lower);
      if (m !== null) accept(m, kind, sentence, lower, lex, ref, out);
    }
  }
  if (ref !== null && (flags & Bit.Relative) !== 0 && RELATIVE.test(sentence)) {
    for (const r of PARSERS[lex.lang].parse(sentence, ref)) {
      const start = r.index;
      const end = r.index + r.text.length;
      if (overlapsAny(out, start, end)) continue;
      const detail = chronoDetail(r, clauseAround(sentence, start, end), lex, ref);
      if (detail === null) continue;
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

/** The clause around a match (between commas, semicolons, dashes): its tense is the date's. */
function clauseAround(sentence: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && !/[,;:—(]/.test(sentence[a - 1] as string)) a--;
  let b = end;
  while (b < sentence.length && !/[,;:—)]/.test(sentence[b] as string)) b++;
  return sentence.slice(a, b);
}

function plausibleYear(sentence: string, start: number): boolean {
  // "Euro 2024", "COP 2025", "Ligue 1": a year right after a capitalised name belongs to the name.
  const before = wordBefore(sentence, start);
  if (before !== null && /^\p{Lu}/u.test(before.word) && !MONTHS.has(fold(before.word))) {
    return sentence.slice(0, before.start).trim() === ""; // sentence-initial word: fine
  }
  return true;
}

function chronoDetail(
  r: chrono.ParsedResult,
  clause: string,
  lex: LanguageLexicon,
  ref: Date,
): string | null {
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
      const y = yearFor(ref, month, day, speaksOfFuture(clause, lex) ? "future" : "nearest");
      return `${y}-${pad(month)}-${pad(day)}`;
    }
    return isoDay(new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate())));
  }
  if (c.isCertain("weekday")) {
    const weekday = c.get("weekday") ?? 0;
    const refDay = ref.getUTCDay();
    const future = speaksOfFuture(clause, lex);
    const delta = future ? (weekday - refDay + 7) % 7 : -((refDay - weekday + 7) % 7);
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
