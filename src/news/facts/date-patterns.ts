/**
 * The date patterns and the cheap tests that decide which of them run on a sentence. Patterns work
 * on a lower-cased copy of the sentence (same offsets) without the "i" and "u" flags, which make
 * V8's regexes several times slower; those with an anchor run as sticky regexes only where a token
 * of that sort stands (a day number, a month, a weekday...).
 */
import { MONTHS, WEEKDAYS } from "./lexicon.js";
import type { Token } from "./text.js";

const MONTH_FR =
  "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre";
export const MONTH_EN =
  "january|february|march|april|may|june|july|august|september|october|november|december";
const MONTH = `(?<month>${MONTH_FR}|${MONTH_EN})`;
const YEAR = "(?<year>(?:19|20)\\d\\d)(?![\\d%])";
const YEAR2 = "(?<year2>(?:19|20)\\d\\d)(?![\\d%])";
const S = "[\\s\\u00a0]+";
const WEEKDAY_FR = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche";
const WEEKDAY_EN = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
const MONTH_EN_SHORT = "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
export const LATIN_UPPER = /[A-ZÀ-ÖØ-Þ]/g;
/** What a sentence holds, from its tokens: each pattern runs only when its words are there. */
export const Bit = {
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
export function flagsOf(tokens: readonly Token[]): number {
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

export function wanted(kind: string, f: number): boolean {
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
export const PERIODS = PATTERNS.map((p) => ({
  ...p,
  sticky: p.anchor === undefined ? null : new RegExp(p.re.source, "y"),
}));
const DAY_NUMBER = /^(?:[12]\d|3[01]|0?[1-9])(?:er|st|nd|rd|th)?$/;
const YEAR_TOKEN = /^(?:19|20)\d\d$/;

export function anchorPositions(anchor: Anchor, tokens: readonly Token[]): number[] {
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
export const RELATIVE =
  /\b(?:il y a|ago|dans \d+|in \d+ (?:days|weeks)|lendemain|veille|the day after|the day before)\b/iu;
