/**
 * What the summarizer knows about each candidate sentence: its content terms (stemmed, stopwords
 * dropped, as ids into a per-article vocabulary), its length, its facts (numbers, proper nouns)
 * and the cues that make a poor summary sentence (question, quotation, boilerplate).
 */
import { scanWords, termFunction, tokenize } from "./tokenize.js";
import { spend } from "./work-meter.js";

/** Features of one sentence. Term ids index the vocabulary of the article being summarized. */
export interface SentenceFeatures {
  text: string;
  /** Distinct content-term ids. */
  terms: number[];
  /** Content-term ids in reading order, repeats included (for trigram blocking). */
  sequence: number[];
  words: number;
  numbers: number;
  properNouns: number;
  question: boolean;
  /** Opens with a quotation mark: reported speech, rarely a self-contained summary. */
  startsWithQuote: boolean;
  /** Nothing but a quotation. */
  quoteOnly: boolean;
  /** Page furniture or scraped script: never a candidate. */
  boilerplate: boolean;
  /** Opens with a pronoun or connective that points back to an earlier sentence. */
  dangling: boolean;
}

const OPEN_QUOTE = /^[«"“„‘‹'—–-]/u;
const CLOSE_QUOTE = /[»"”’›']\s*$/u;
const CLOSER = /[»"”’)\]]/u;
// Matched on the lowercased sentence with includes(): one Unicode regex with these alternatives
// cost more than everything else in the summarizer together.
const BOILERPLATE_MARKERS = [
  "window.",
  "function(",
  "function (",
  "= new ",
  "http://",
  "https://",
  "©",
  "crédit photo",
  "crédits photo",
  "credit photo",
  "lire aussi",
  "abonnez-vous",
  "newsletter",
  "cliquez ici",
  "click here",
  "subscribe",
  "sign up",
  "read more",
  "all rights reserved",
  "tous droits réservés",
];
const CODE = /\bvar\s+\w+\s*=|[{};]\s*$/;
const DANGLING = new Set(
  (
    "il elle ils elles ce cela ça ceci celui celle ceux celles mais et puis donc or ensuite cependant toutefois " +
    "en lui leur y he she they it this that these those but and so then however also his her their its"
  ).split(" "),
);

const SCRIPT_MARKERS = ["window.", " = new ", "function(", "function ("];
const SENTENCE_END = /[.!?…»"”)]\s*$/u;

/**
 * Scraped pages leave script glued after the last sentence ("immonde". window.pvp_... = new Pvp(...):
 * the splitter cannot split before a lowercase identifier). Cut the text at the first script marker
 * when what comes before it is a finished sentence; otherwise return it unchanged.
 */
export function trimScript(text: string): string {
  let cut = -1;
  for (const m of SCRIPT_MARKERS) {
    const at = text.indexOf(m);
    if (at > 0 && (cut < 0 || at < cut)) cut = at;
  }
  if (cut < 0) return text;
  // Back up to the start of the identifier the marker belongs to ("window.pvp_", "x = new").
  let start = cut;
  while (start > 0 && !/\s/u.test(text[start - 1] as string)) start--;
  const head = text.slice(0, start).trimEnd();
  return SENTENCE_END.test(head) ? head : text;
}

/** The vocabulary of one article: term -> id. */
export type Vocabulary = Map<string, number>;

function idOf(term: string, vocab: Vocabulary): number {
  let id = vocab.get(term);
  if (id === undefined) {
    id = vocab.size;
    vocab.set(term, id);
  }
  return id;
}

/** Distinct content-term ids of a text, adding new terms to the vocabulary. */
export function termIds(text: string, lang: string, vocab: Vocabulary): number[] {
  const termOf = termFunction(lang);
  const ids = new Set<number>();
  for (const w of tokenize(text)) {
    const t = termOf(w);
    if (t !== null) ids.add(idOf(t, vocab));
  }
  return [...ids];
}

/**
 * A question mark, then perhaps one closing quote or bracket, at the end. Not the regex
 * /\?\s*[»")]?\s*$/: it tries every split of a long run of blanks after each "?", quadratic.
 */
function endsWithQuestion(text: string): boolean {
  let t = text.trimEnd();
  if (CLOSER.test(t.slice(-1))) t = t.slice(0, -1).trimEnd();
  return t.endsWith("?");
}

function hasDigit(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

function startsUpper(text: string, a: number): boolean {
  const c = text.charCodeAt(a);
  if (c < 128) return c >= 65 && c <= 90;
  const ch = text[a] as string;
  return ch !== ch.toLowerCase();
}

function isBoilerplate(lower: string, text: string): boolean {
  for (const m of BOILERPLATE_MARKERS) if (lower.includes(m)) return true;
  return CODE.test(text);
}

/** Analyse one sentence. */
export function sentenceFeatures(text: string, lang: string, vocab: Vocabulary): SentenceFeatures {
  const termOf = termFunction(lang);
  const lower = text.toLowerCase();
  // Lowercasing can change the length (rare: "İ"); then lowercase word by word instead.
  const sameIndices = lower.length === text.length;
  // A Set, not includes() on the list: a 2,000-character run of distinct words is 300 terms.
  const terms = new Set<number>();
  const sequence: number[] = [];
  let words = 0;
  let numbers = 0;
  let properNouns = 0;
  let first = "";
  scanWords(text, (a, b) => {
    const w = sameIndices ? lower.slice(a, b) : text.slice(a, b).toLowerCase();
    words++;
    if (words === 1) first = w;
    const t = termOf(w);
    if (hasDigit(text, a, b)) numbers++;
    else if (words > 1 && t !== null && startsUpper(text, a)) properNouns++;
    if (t === null) return;
    const id = idOf(t, vocab);
    sequence.push(id);
    terms.add(id);
  });
  spend(text.length);
  const startsWithQuote = OPEN_QUOTE.test(text);
  return {
    text,
    terms: [...terms],
    sequence,
    words,
    numbers,
    properNouns,
    question: endsWithQuestion(text),
    startsWithQuote,
    quoteOnly: startsWithQuote && CLOSE_QUOTE.test(text),
    boilerplate: isBoilerplate(lower, text),
    dangling: DANGLING.has(first),
  };
}
