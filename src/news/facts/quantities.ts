/**
 * Numbers with their units: "2 000 mégawatts" -> "2000 MW", "$740 million" -> "740000000 USD",
 * "4,5 %" -> "4.5 %", "€1.2bn" -> "1200000000 EUR", "1,150 employees" -> "1150 employees".
 * Separators follow the article's language (French: comma decimal, space or point thousands;
 * English: point decimal, comma thousands); values are scaled as decimal strings, never floats.
 */

import { spend } from "../work-meter.js";
import { Claims } from "./claims.js";
import { NUMBER_WORDS, TIME_UNITS } from "./lexicon.js";
import { blankBefore, fold, trimEndOf, wordBefore } from "./text.js";
import { CURRENCY_SYMBOL, KNOWN_UNITS, SCALES, UNITS } from "./units.js";

/** A quantity found in a sentence, with its character range. */
export interface QuantityMatch {
  text: string;
  /** "value unit", or the bare value when a scaled number has no unit ("12000000"). */
  detail: string;
  start: number;
  end: number;
}

/** State carried from sentence to sentence: the last explicit "crown" currency seen. */
export interface QuantityContext {
  crown: string | null;
}

const SP = "[ \\u00a0\\u202f\\u2009]";
const NUMBER = `\\d{1,3}(?:${SP}\\d{3})+(?:[.,]\\d+)?|\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?(?!\\d)|\\d+(?:[.,]\\d+)?`;
// Number words before a scale word: "un million", "two billion".
const WORD_NUMBER = [...NUMBER_WORDS.keys()].join("|");
const SCALE =
  "milliards?|millions?|billions?|trillions?|mille|thousand|bn|mds?|md|mln|mn|m|k|M|Md|Mds|K|Mrd|mrd";
const QUANTITY = new RegExp(
  `(?<![\\p{L}\\d.,])(?<sign>[-−])?(?<cur>(?:US|S|C|A|HK|NZ)?\\$|€|£|¥)?${SP}?(?<num>${NUMBER})(?:${SP}?(?<scale>${SCALE})(?![\\p{L}]))?`,
  "gu",
);
// "un million", "a billion": run only when the sentence holds a scale word (the alternation of
// number words is costly at every position).
const WORD_QUANTITY = new RegExp(
  `(?<![\\p{L}\\d])(?<word>${WORD_NUMBER})${SP}(?<scale>milliards?|millions?|billions?|trillions?)(?![\\p{L}])`,
  "giu",
);
const HAS_SCALE_WORD = /milli|billion|trillion/i;

const MAX_UNIT_WORDS = 4;
// Words after a number that are not a counted noun: function words, time units, months.
const NOT_NOUNS = new Set(
  (
    "and or the a an of to in on at for from by with as than per about et ou le la les l de des du d en " +
    "au aux a sur par pour avec dans contre selon soit sont est was were is are has have had will would " +
    "more less plus moins de entre between after before since depuis until jusqu fois times ans years " +
    "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre january february " +
    "march april may june july august september october november december it its their his her that which " +
    "who dont qui que ce cette ces se sa son ses leur leurs each chacun chacune apres avant pendant vers " +
    "sous chez sans malgre parmi supplementaires supplementaire additional additionnels nouveaux nouvelles " +
    "autres others more"
  ).split(" "),
);
const ADJECTIVE_LIKE = /(?:ing|al|ic|ive|ous|ful|ary|ian|ese|ish|ed)$/;
const EN_ADJECTIVES = new Set(
  "firm new local additional extra full-time part-time young old big small".split(" "),
);
const TAIL_WORD = /^[\s\u00a0\u202f]*(?:de[\s\u00a0]+|d['’]|of[\s\u00a0]+)?/u;
// Sticky: the next word only if blanks alone stand before it. A global search for "the next word
// anywhere" scanned to the end of the sentence after every number of "1 2 3 4 ...".
const NEXT_WORD = /[\s\u00a0\u202f]*([\p{L}$€£%°²/-]+)/uy;
// Earthquakes give the unit first: "magnitude 7.7", "de magnitude 6,2".
const MAGNITUDE = /\bmagnitude(?:[\s\u00a0]+de)?[\s\u00a0]+(\d(?:[.,]\d)?)(?!\d)/giu;
const ZERO = /0/;
const RANGE_JOIN = /^[\s\u00a0\u202f]*(?:and|et|to|à|ou|or|-|–)[\s\u00a0\u202f]*$/u;

/** "1 670" / "1,150" / "1.670" / "4,5" -> integer and fraction digit strings, by the language's rules. */
function splitNumber(raw: string, lang: "fr" | "en"): [string, string] {
  const s = raw.replace(/[ \u00a0\u202f\u2009]/g, "");
  let int = s;
  let frac = "";
  if (lang === "fr") {
    if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(s)) int = s.replace(/\./g, "");
    const parts = int.split(/[.,]/);
    int = parts[0] ?? "0";
    frac = parts[1] ?? "";
  } else {
    if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(s)) int = s.replace(/,/g, "");
    const parts = int.split(/[.,]/);
    int = parts[0] ?? "0";
    frac = parts[1] ?? "";
  }
  return [int, frac];
}

/** Multiply a decimal (as digit strings) by 10^exp and print it plainly: ("15", "8", 9) -> "15800000000". */
export function scaleDecimal(int: string, frac: string, exp: number): string {
  let digits = int + frac;
  let point = int.length + exp;
  if (point > digits.length) digits = digits.padEnd(point, "0");
  if (point < 0) {
    digits = "0".repeat(-point) + digits;
    point = 0;
  }
  let whole = digits.slice(0, point).replace(/^0+(?=\d)/, "") || "0";
  const fraction = trimEndOf(digits.slice(point), ZERO);
  if (whole === "") whole = "0";
  return fraction.length > 0 ? `${whole}.${fraction}` : whole;
}

interface Unit {
  unit: string;
  end: number;
}

/** The unit written after a number (from `from` in the sentence), if any. */
function unitAfter(sentence: string, from: number, lang: "fr" | "en", scaled: boolean): Unit | null {
  const lead = TAIL_WORD.exec(sentence.slice(from));
  const leadLen = lead?.[0].length ?? 0;
  const joined = leadLen > 0 && /(?:de|d['’]|of)[\s\u00a0]*$/u.test(lead?.[0] ?? "");
  // "de"/"of" only links a unit after a scale word: "7 milliards de dollars", not "2 de plus".
  if (joined && !scaled) return null;
  let start = from + leadLen;
  if (!joined && /^[\p{L}]/u.test(sentence.slice(from, from + 1))) return null; // glued letters: "73rd"
  // "27-km": a hyphen takes a known unit only, never a noun ("30-year", "30-storey").
  const hyphen = !joined && /^-\p{L}/u.test(sentence.slice(from, from + 2));
  if (hyphen) start = from + 1;
  const words: { key: string; end: number }[] = [];
  NEXT_WORD.lastIndex = start;
  for (
    let m = NEXT_WORD.exec(sentence);
    m !== null && words.length < MAX_UNIT_WORDS;
    m = NEXT_WORD.exec(sentence)
  ) {
    const word = m[1] as string;
    words.push({ key: fold(word), end: m.index + m[0].length });
  }
  if (words.length === 0 || (words[0] as { end: number }).end - start > 40) return null;
  for (let n = words.length; n >= 1; n--) {
    const key = words
      .slice(0, n)
      .map((w) => w.key)
      .join(" ");
    const unit = UNITS.get(key);
    if (unit !== undefined) return { unit, end: (words[n - 1] as { end: number }).end };
  }
  const first = words[0] as { key: string; end: number };
  if (hyphen) return null;
  // An upper-case unit the tables do not know: "3.4 million TEU".
  if (/^\p{Lu}{2,5}$/u.test(sentence.slice(start, first.end)))
    return { unit: sentence.slice(start, first.end), end: first.end };
  // A counted noun: "1,150 employees", "412 cas", "900 engineering jobs".
  if (!/^\p{Ll}[\p{Ll}-]{2,}$/u.test(sentence.slice(start, first.end))) return null;
  if (NOT_NOUNS.has(first.key) || TIME_UNITS.has(first.key)) return null;
  const second = words[1];
  if (
    lang === "en" &&
    second !== undefined &&
    (ADJECTIVE_LIKE.test(first.key) || EN_ADJECTIVES.has(first.key)) &&
    /^\p{Ll}[\p{Ll}-]{2,}$/u.test(sentence.slice(first.end, second.end).trim()) &&
    !NOT_NOUNS.has(second.key) &&
    !TIME_UNITS.has(second.key)
  ) {
    return { unit: sentence.slice(start, second.end), end: second.end };
  }
  return { unit: sentence.slice(start, first.end), end: first.end };
}

interface Raw {
  start: number;
  end: number;
  int: string;
  frac: string;
  exp: number;
  unit: string | null;
  scaled: boolean;
  sign: string;
}

/** Find the quantities of one sentence, skipping the character ranges already claimed (dates). */
export function findQuantities(
  sentence: string,
  lang: "fr" | "en",
  claimed: readonly [number, number][],
  context: QuantityContext,
): QuantityMatch[] {
  const raws: Raw[] = [];
  const taken = new Claims(sentence.length);
  for (const [a, b] of claimed) taken.claim(a, b);
  MAGNITUDE.lastIndex = 0;
  const quake = /magnitude/i.test(sentence);
  for (let m = quake ? MAGNITUDE.exec(sentence) : null; m !== null; m = MAGNITUDE.exec(sentence)) {
    const [int, frac] = splitNumber(m[1] ?? "0", lang);
    const end = m.index + m[0].length;
    raws.push({ start: m.index, end, int, frac, exp: 0, unit: "magnitude", scaled: false, sign: "" });
    taken.claim(m.index, end);
  }
  const scaleWord = HAS_SCALE_WORD.test(sentence);
  if (!/\d/.test(sentence) && !scaleWord) return [];
  const matches: RegExpExecArray[] = [];
  spend(sentence.length);
  QUANTITY.lastIndex = 0;
  for (let m = QUANTITY.exec(sentence); m !== null; m = QUANTITY.exec(sentence)) matches.push(m);
  WORD_QUANTITY.lastIndex = 0;
  for (
    let m = scaleWord ? WORD_QUANTITY.exec(sentence) : null;
    m !== null;
    m = WORD_QUANTITY.exec(sentence)
  ) {
    matches.push(m);
  }
  for (const m of matches) {
    const g = m.groups ?? {};
    const start = m.index;
    let end = start + m[0].length;
    if (taken.overlaps(start, end)) continue;
    const [int, frac] =
      g.num !== undefined
        ? splitNumber(g.num, lang)
        : [String(NUMBER_WORDS.get(fold(g.word ?? "")) ?? 1), ""];
    let scaleKey = g.scale;
    let exp = 0;
    let unit: string | null = g.cur !== undefined ? (CURRENCY_SYMBOL[g.cur] ?? null) : null;
    if (scaleKey !== undefined) {
      const short = /^(?:m|k|M|K|bn|md|mds|Md|Mds)$/.test(scaleKey);
      const currencyAfter = /^[\s\u00a0\u202f]?[$€£]/.test(sentence.slice(end));
      if (short && unit === null && !currencyAfter && scaleKey !== "bn") {
        // "100 m" is metres, "5 k" is ambiguous: only money takes the short scales.
        end -=
          m[0].length -
          m[0].lastIndexOf(scaleKey) +
          (/[ \u00a0\u202f]$/.test(m[0].slice(0, m[0].lastIndexOf(scaleKey))) ? 1 : 0);
        scaleKey = undefined;
      } else {
        exp = SCALES[scaleKey.toLowerCase()] ?? 0;
      }
    }
    // Years, models and the like: "2022", "Ariane 6", "Boeing 737", "49.3" with nothing after.
    const year =
      g.num !== undefined && /^(1[89]|20)\d\d$/.test(g.num) && unit === null && scaleKey === undefined;
    const before = wordBefore(sentence, start);
    const afterName = before !== null && /^\p{Lu}/u.test(before.word) && !blankBefore(sentence, before.start);
    if (afterName && unit === null) continue;
    const after = unitAfter(sentence, end, lang, scaleKey !== undefined);
    if (unit === null && after !== null) {
      if (year && !UNITS.has(fold(after.unit))) continue;
      unit = UNITS.get(fold(after.unit)) ?? after.unit;
      end = after.end;
    } else if (unit === null && year) continue;
    if (/^[\p{L}\d]/u.test(sentence.slice(end, end + 1))) continue;
    if (unit === "crowns") unit = context.crown ?? unit;
    else if (unit === "DKK" || unit === "SEK" || unit === "NOK") context.crown = unit;
    raws.push({ start, end, int, frac, exp, unit, scaled: scaleKey !== undefined, sign: g.sign ? "-" : "" });
  }
  raws.sort((a, b) => a.start - b.start);
  // "between 120 and 360 shillings": the first number takes the unit and scale of the second.
  for (let i = 0; i + 1 < raws.length; i++) {
    const a = raws[i] as Raw;
    const b = raws[i + 1] as Raw;
    // Only for real units: "39-33" is a score, not a range of "33 après".
    const known = b.unit !== null && KNOWN_UNITS.has(b.unit);
    if (a.unit === null && !a.scaled && known && RANGE_JOIN.test(sentence.slice(a.end, b.start))) {
      a.unit = b.unit;
      a.exp = b.exp;
      a.scaled = b.scaled;
    }
  }
  const out: QuantityMatch[] = [];
  for (const r of raws) {
    if (r.unit === null && !r.scaled) continue;
    const value = r.sign + scaleDecimal(r.int, r.frac, r.exp);
    const text = sentence.slice(r.start, r.end).trim();
    out.push({ text, detail: r.unit === null ? value : `${value} ${r.unit}`, start: r.start, end: r.end });
  }
  return out;
}
