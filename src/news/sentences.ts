/**
 * Sentence and paragraph splitting for French and English news text.
 *
 * A hand-written scanner rather than Intl.Segmenter: the segmenter splits after "M." and keeps
 * glued sentences ("inquiétudes.Accord") whole, both common in scraped news. The scanner visits
 * each terminator once and only looks a few characters around it, so it is linear and cheap.
 *
 * Limits (ADR 0053): the summary and the key facts read the first MAX_ANALYSED_CHARS characters
 * of an article, and a "sentence" longer than MAX_SENTENCE_CHARS (text without terminators, one
 * huge word) is cut into pieces of at most that length. Every rule that works within a sentence
 * then costs a bounded amount per character, whatever the text.
 */
import { spend } from "./work-meter.js";

/**
 * Characters of an article's text the summary and the key facts read (about 30,000 words, ten
 * times a long feature): the rest of a longer text is not analysed.
 */
export const MAX_ANALYSED_CHARS = 200_000;
/** Longest sentence analysed whole: 2.4 times the longest of OrangeSum's 21,209 sentences but one. */
export const MAX_SENTENCE_CHARS = 2_000;

/** The part of `text` that is analysed: its first MAX_ANALYSED_CHARS characters. */
export function analysedPart(text: string, budget = MAX_ANALYSED_CHARS): string {
  return text.length <= budget ? text : text.slice(0, Math.max(0, budget));
}

/**
 * The sentences of an article's sections, in order, up to MAX_ANALYSED_CHARS characters of text
 * in all: what the summary and the key facts read.
 */
export function analysedSentences(sections: readonly { text: string }[], lang: string): string[] {
  const out: string[] = [];
  let budget = MAX_ANALYSED_CHARS;
  for (const section of sections) {
    if (budget <= 0) break;
    const text = analysedPart(section.text, budget);
    budget -= text.length;
    // One by one, never push(...spread): a spread of 130,000 items overflows the stack.
    for (const s of splitSentences(text, lang)) out.push(s);
  }
  return out;
}

/** Split plain text into paragraphs: any line break ends a paragraph; blank ones are dropped. */
export function splitParagraphs(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n|\r/)) {
    const t = line.trim();
    if (t.length > 0) out.push(t);
  }
  return out;
}

/**
 * Split text into sentences, never across a paragraph break. `lang` is an ISO 639-1 code. No
 * sentence is longer than MAX_SENTENCE_CHARS: a longer run is cut at a space (or anywhere, in a
 * word that long).
 */
export function splitSentences(text: string, lang: string): string[] {
  void lang; // The rules cover French and English together; the parameter keeps room for others.
  const out: string[] = [];
  spend(text.length);
  for (const para of splitParagraphs(text)) splitParagraph(para, out);
  return out;
}

/** Adds a sentence (trimmed, non-empty) to `out`, cut into pieces when it is too long. */
function emit(out: string[], sentence: string): void {
  const s = sentence.trim();
  if (s.length <= MAX_SENTENCE_CHARS) {
    if (s.length > 0) out.push(s);
    return;
  }
  let start = 0;
  while (s.length - start > MAX_SENTENCE_CHARS) {
    let cut = start + MAX_SENTENCE_CHARS;
    // The last space in the second half of the window; none there: cut inside the word.
    let k = cut;
    while (k > start + MAX_SENTENCE_CHARS / 2 && !isSpace(s.charCodeAt(k))) k--;
    if (k > start + MAX_SENTENCE_CHARS / 2) cut = k;
    else if (isHighSurrogate(s.charCodeAt(cut - 1))) cut--; // never split an emoji's two halves
    const piece = s.slice(start, cut).trim();
    if (piece.length > 0) out.push(piece);
    start = cut;
  }
  const rest = s.slice(start).trim();
  if (rest.length > 0) out.push(rest);
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

// Abbreviations after which a period never ends a sentence (case-sensitive: "M." is Monsieur, "m." metres).
const STRONG = new Set(
  (
    "M MM Mme Mmes Mlle Mlles Mgr Me Dr Drs Pr Prof St Ste Mr Mrs Ms Messrs Gen Gén Sen Rep Gov Lt " +
    "Col Sgt Capt Adm Rev Hon Mt Ft vs Vs cf Cf ex Ex env av apr approx resp janv févr fév avr juil " +
    "sept oct nov déc coll trad éd p pp n s v"
  ).split(" "),
);

// Abbreviations that do not end a sentence before a number ("No. 5", "Jan. 12", "art. 3").
const BEFORE_NUMBER = new Set(
  "No no Nos nos art Art vol Vol ch chap fig Fig Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split(" "),
);

// Abbreviations that often end a sentence too ("Apple Inc. The company"): a break only before a
// word that typically opens a sentence.
const WEAK = new Set("Inc Corp Ltd Co Jr Sr Bros etc hab min max cie Cie".split(" "));

const SENTENCE_OPENERS = new Set(
  (
    "The A An It Its He She They We I You In On At As But And Or So This That These Those There " +
    "His Her Their Our My After Before For However Meanwhile Yet When While If Then Now Also " +
    "Le La Les L Il Elle Ils Elles On Un Une Des Ce Cet Cette Ces Mais Et Ou Dans En Selon Pour Par " +
    "Depuis Après Avant Au Aux Du De D C Cela Ceci Ça Nous Vous Je J Son Sa Ses Leur Leurs Lors Puis " +
    "Alors Ainsi Pourtant Enfin Sur Avec Sans Quand Si Cependant Toutefois Dès Pendant"
  ).split(" "),
);

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const LETTER = /\p{L}/u;
const DOTTED_ACRONYM = /^(?:\p{L}\.-?)+\p{L}$/u;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x2007;
}

function isTerminator(c: number): boolean {
  return c === 46 /* . */ || c === 33 /* ! */ || c === 63 /* ? */ || c === 0x2026 /* … */;
}

/** Closing quotes and brackets that belong to the sentence they follow. */
function isCloser(c: number): boolean {
  return c === 0xbb || c === 0x201d || c === 0x2019 || c === 41 || c === 93 || c === 0x203a;
}

function isOpenerChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c >= 48 && c <= 57) return true; // digit
  if (c === 0xab || c === 0x201c || c === 0x2018 || c === 34 || c === 39 || c === 40 || c === 91) return true;
  if (c === 0x2014 || c === 0x2013 || c === 45 || c === 0xbf || c === 0xa1 || c === 0x2039) return true;
  return UPPER.test(ch);
}

/** The word right after position `i` (letters only), for the weak-abbreviation test. */
function wordAt(s: string, i: number): string {
  let j = i;
  while (j < s.length && LETTER.test(s[j] as string)) j++;
  return s.slice(i, j);
}

function isWordChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) {
    return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 46;
  }
  return LETTER.test(ch);
}

/**
 * Decide whether a single period at `dot`, followed by whitespace then `next` (at `nextIdx`),
 * ends a sentence, by looking at the token before it.
 */
function periodBreaks(s: string, dot: number, nextIdx: number): boolean {
  let start = dot;
  while (start > 0 && isWordChar(s[start - 1] as string)) start--;
  const token = s.slice(start, dot);
  if (token.length === 0) return true;
  const next = s[nextIdx] as string;
  const nextIsDigit = next >= "0" && next <= "9";
  if (STRONG.has(token)) return false;
  if (BEFORE_NUMBER.has(token)) return !nextIsDigit;
  if (token.length === 1 && UPPER.test(token)) return false; // initial: "J. K. Rowling"
  if (token === "e.g" || token === "i.e" || token === "p.ex" || token === "E.g" || token === "I.e")
    return false;
  if (WEAK.has(token) || DOTTED_ACRONYM.test(token)) return SENTENCE_OPENERS.has(wordAt(s, nextIdx));
  return true;
}

function isCjkStop(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f;
}

function isCjkCloser(c: number): boolean {
  return c === 0x300d || c === 0x300f || c === 0xff09 || c === 0x3011 || c === 0x201d || c === 0xbb;
}

function isUpperLatin(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

function isLowerLatin(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}

/**
 * A scraped heading glued to the next sentence without punctuation: "rendus sur placeQuelques
 * instants". Requires a lowercase word of 4+ letters running into a capitalised word of 3+ letters,
 * so "iPhone", "eBay", "macOS" and "McDonald" are left alone.
 */
function gluedHeading(s: string, i: number): boolean {
  if (!isLowerLatin(s.charCodeAt(i + 1)) || !isLowerLatin(s.charCodeAt(i + 2))) return false;
  let j = i - 1;
  while (j >= 0 && isLowerLatin(s.charCodeAt(j))) j--;
  if (i - 1 - j < 4) return false;
  return j < 0 || !LETTER.test(s[j] as string);
}

function splitParagraph(s: string, out: string[]): void {
  const n = s.length;
  let start = 0;
  let straightQuotes = 0; // parity of '"' seen: odd means a quotation is open
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 34) {
      straightQuotes++;
      i++;
      continue;
    }
    if (c === 0x3002 || c === 0xff01 || c === 0xff1f) {
      // CJK full stops end a sentence with no space after; closing brackets stay with it.
      i++;
      while (i < n && (isCjkStop(s.charCodeAt(i)) || isCjkCloser(s.charCodeAt(i)))) i++;
      emit(out, s.slice(start, i));
      start = i;
      continue;
    }
    if (!isTerminator(c)) {
      if (isUpperLatin(c) && i > 0 && gluedHeading(s, i)) {
        emit(out, s.slice(start, i));
        start = i;
      }
      i++;
      continue;
    }
    const termStart = i;
    while (i < n && isTerminator(s.charCodeAt(i))) i++;
    const single = i - termStart === 1 && c === 46;
    // "(...)" or "[...]" marks an elision inside a quotation, not an ending.
    const before = termStart > 0 ? s.charCodeAt(termStart - 1) : 0;
    if (before === 40 || before === 91) continue;
    if (i >= n) break;

    // Glued sentences: "inquiétudes.Accord", "2019.Le", "non!Puis", `lire".Sven`.
    const nc = s.charCodeAt(i);
    if (!isSpace(nc) && nc !== 34 && !isCloser(nc)) {
      if (
        i - termStart === 1 &&
        termStart > 0 &&
        UPPER.test(s[i] as string) &&
        (LOWER.test(s[termStart - 1] as string) ||
          (before >= 48 && before <= 57) ||
          before === 37 ||
          before === 34 ||
          isCloser(before)) &&
        (i + 1 >= n || LOWER.test(s[i + 1] as string) || s[i + 1] === "'" || s[i + 1] === "’")
      ) {
        emit(out, s.slice(start, i));
        start = i;
      }
      continue;
    }

    // Closing quotes/brackets belong to this sentence: `non. »`, `no."`, `no.”`, `(sic.)`.
    let end = i;
    let j = i;
    for (;;) {
      let k = j;
      while (k < n && isSpace(s.charCodeAt(k))) k++;
      if (k >= n) break;
      const q = s.charCodeAt(k);
      const closesStraight = q === 34 && (k === j || straightQuotes % 2 === 1);
      if (isCloser(q) || closesStraight) {
        if (q === 34) straightQuotes++;
        j = k + 1;
        end = j;
        continue;
      }
      break;
    }
    // A break needs whitespace then something that can open a sentence.
    let k = end;
    while (k < n && isSpace(s.charCodeAt(k))) k++;
    if (k === end || k >= n) {
      i = end;
      continue;
    }
    const next = s[k] as string;
    if (!isOpenerChar(next)) {
      i = end;
      continue;
    }
    if (single && end === i && !periodBreaks(s, termStart, k)) {
      i = end;
      continue;
    }
    emit(out, s.slice(start, end));
    start = k;
    i = k;
  }
  emit(out, s.slice(start));
}
