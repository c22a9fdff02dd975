/**
 * Plain-text articles as scrapers save them: a title line, an optional byline
 * "Author | CATEGORY | LANG | Date", then the body with one paragraph per line. Scrapers lose the
 * line break after a subheading, so "...monétaire international.Accord de collaboration formel"
 * ends a paragraph and carries the next heading; and they keep the page's share buttons
 * ("...numériques.Partager cet article"). Both are undone here, conservatively: a split happens
 * only at the end of a line, never inside "3.5", "U.S.", "example.com" or "M. Dupont".
 */

import type { Article, Section } from "../domain/article.js";
import type { ParseOutcome } from "./article.js";
import { detectLanguage, languageCode } from "./detect-language.js";
import { parseDate } from "./parse-date.js";
import { collapseSpaces } from "./whitespace.js";

/** Where the text came from: the reader derives both from the file's path. */
export interface ArticleSource {
  id: string;
  file: string;
}

/** Share widgets and similar trailers; matched whole, case-insensitively. */
const NETWORKS = "facebook|twitter|x|linkedin|whatsapp|bluesky|telegram|reddit|messenger|threads|e-?mail";
const SHARE = [
  "partager cet article",
  "partagez cet article",
  "partager l['’]article",
  "partager cette page",
  `partager sur (?:${NETWORKS})`,
  `partagez sur (?:${NETWORKS})`,
  "partager",
  "share this (?:article|story|post|page)",
  `share (?:on|via) (?:${NETWORKS})`,
  "share",
  "tweet",
].join("|");
/** "Lire aussi : <another title>" style links to other articles, dropped with what follows them. */
const TRAILER = "(?:à )?lire aussi|à lire (?:aussi|également)|voir aussi|read (?:also|more)|see also|related";
const END_PUNCT = "[.!?…][\"'»”’)\\]]*";
// Separators are one character class, so a long run of buttons cannot make the regex backtrack.
const SHARE_LINE = new RegExp(`^(?:(?:${SHARE})[\\s:.!|·•-]*)+$`, "iu");
const TRAILER_LINE = new RegExp(`^(?:${TRAILER})\\b(?:\\s*:.*)?$`, "iu");
const GLUED_SHARE = new RegExp(`(${END_PUNCT})\\s*(?:(?:${SHARE})[\\s:.!|·•-]*)+$`, "iu");
/** Trailers are short: only the end of a line is searched, so a huge one-line file stays linear. */
const TRAILER_REACH = 300;
const GLUED_TRAILER = new RegExp(`(${END_PUNCT})\\s*(?:${TRAILER})(?:\\s*:.*)?$`, "iu");

/** Words that end with a period without ending a sentence: "M.Dupont" is never a split. */
const ABBREVIATIONS = new Set(
  "mr mrs ms dr st mt mme mlle mm pr prof inc ltd corp co jr sr vs gen gov sen rep no nos art pp vol fig cf".split(
    " ",
  ),
);
/** A line ending a paragraph: final punctuation, possibly inside closing quotes or brackets. */
const PARAGRAPH_END = /(?:[.!?…:;]["'»”’)\]]*|["»”)])$/u;
const BULLET = /^(?:[-•*–—]\s|\d{1,2}[.)]\s)/u;
const MAX_HEADING_CHARS = 120;
const MAX_HEADING_WORDS = 15;
const SENTENCE_END = new Set([".", "!", "?", "…"]);
const CLOSERS = new Set(['"', "'", "»", "”", "’", ")", "]"]);

interface Byline {
  author: string | null;
  category: string | null;
  lang: string | null;
  date: string | null;
}

/** A body line; `shaped` caches isHeadingShaped, which the neighbours of a line ask again. */
type Line = { text: string; heading: boolean; shaped: boolean };

/** Parses a scraped plain-text article (already decoded, "\n" line ends, no BOM). */
export function parseScrapedText(text: string, source: ArticleSource): ParseOutcome {
  const warnings: string[] = [];
  const lines = text.split("\n").map((l) => l.trimEnd());
  let i = lines.findIndex((l) => l.trim() !== "");
  if (i < 0) return { ok: false, reason: "the file holds no text", warnings };
  const title = collapseSpaces(lines[i] ?? "");
  i++;
  if (title.length > 250) warnings.push(`the first line is long for a title (${title.length} characters)`);

  let byline: Byline | null = null;
  let next = i;
  while (next < lines.length && (lines[next] ?? "").trim() === "") next++;
  if (next < lines.length) {
    byline = parseByline(lines[next] ?? "", warnings);
    if (byline) i = next + 1;
  }

  const body = stripTrailingBoilerplate(lines.slice(i));
  const sections = buildSections(classify(body));
  if (sections.length === 0) return { ok: false, reason: "there is no body text after the title", warnings };

  const bodyText = sections.map((s) => s.text).join("\n\n");
  const article: Article = {
    id: source.id,
    title,
    author: byline?.author ?? null,
    category: byline?.category ?? null,
    tags: [],
    lang: byline?.lang ?? detectLanguage(`${title}\n${bodyText}`),
    date: byline?.date ?? null,
    sections,
    source: null,
    file: source.file,
    summary: null,
    publishAt: null,
  };
  return { ok: true, article, warnings };
}

/**
 * "Nina Bardot | BITCOIN | FR | July 17, 2025" (a missing part may be left empty). Three parts
 * are read as author, category and then a language code or a date. Null when the line is not
 * a byline, which leaves it to the body.
 */
function parseByline(line: string, warnings: string[]): Byline | null {
  if (line.length > 200) return null;
  const parts = line.split("|").map((p) => collapseSpaces(p));
  if (parts.length < 3) return null;
  if (parts.length > 4) warnings.push("the byline has more than four fields; the extra ones are ignored");
  const [authorPart = "", categoryPart = "", third = "", fourth] = parts;
  const looksLikeLang = /^[a-z]{2,3}(?:[-_][a-z]{2})?$/i.test(third) || languageCode(third) !== null;
  const langPart = fourth !== undefined || looksLikeLang ? third : "";
  const datePart = fourth !== undefined ? fourth : looksLikeLang ? "" : third;

  let lang: string | null = null;
  if (langPart !== "") {
    lang = languageCode(langPart);
    if (lang === null)
      warnings.push(`the byline language "${langPart}" is not an ISO 639-1 code; detected instead`);
  }
  let date: string | null = null;
  if (datePart !== "" && datePart !== "-") {
    date = parseDate(datePart);
    if (date === null)
      warnings.push(`the byline date "${datePart}" was not understood; the date is left empty`);
  }
  const author = authorPart.replace(/^(?:by|par)\s+/i, "");
  return {
    author: author === "" || author === "-" ? null : author,
    category: categoryPart === "" || categoryPart === "-" ? null : categoryPart,
    lang,
    date,
  };
}

/** Removes share buttons and "read also" links at the very end, on their own line or glued. */
function stripTrailingBoilerplate(lines: string[]): string[] {
  const out = [...lines];
  for (;;) {
    while (out.length > 0 && (out.at(-1) ?? "").trim() === "") out.pop();
    const last = (out.at(-1) ?? "").trim();
    if (last === "") return out;
    if (last.length <= TRAILER_REACH && (SHARE_LINE.test(last) || TRAILER_LINE.test(last))) {
      out.pop();
      continue;
    }
    const head = last.slice(0, -TRAILER_REACH);
    const tail = last.slice(head.length);
    const cut = tail.replace(GLUED_SHARE, "$1").replace(GLUED_TRAILER, "$1");
    if (cut === tail) return out;
    out[out.length - 1] = head + cut;
  }
}

/**
 * Splits glued headings out of paragraph lines and marks standalone headings. Blank lines are
 * kept (as empty text) because they separate paragraphs.
 */
function classify(lines: string[]): Line[] {
  const split: Line[] = [];
  const lastText = lines.findLastIndex((l) => l.trim() !== "");
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] ?? "").trim();
    // A glued heading needs body text after it: never on the last line with text.
    const glued = line !== "" && index < lastText ? splitGluedHeading(line) : null;
    if (glued) {
      split.push(
        { text: glued[0], heading: false, shaped: false },
        { text: glued[1], heading: true, shaped: true },
      );
    } else split.push({ text: line, heading: false, shaped: isHeadingShaped(line) });
  }
  for (let index = 0; index < split.length; index++) {
    const line = split[index];
    if (!line || line.heading || !line.shaped) continue;
    const prev = neighbour(split, index, -1);
    const next = neighbour(split, index, 1);
    // A heading follows the end of a paragraph (or starts the body) and introduces body text
    // that starts a sentence; a run of short unpunctuated lines is a list, and a line followed by
    // a lowercase one is a wrapped sentence.
    const afterParagraphEnd = prev === null || prev.heading || PARAGRAPH_END.test(prev.text);
    const beforeBody = next !== null && !next.heading && !next.shaped && !/^\p{Ll}/u.test(next.text);
    line.heading = afterParagraphEnd && beforeBody;
  }
  return split;
}

function neighbour(lines: Line[], index: number, step: 1 | -1): Line | null {
  for (let i = index + step; i >= 0 && i < lines.length; i += step) {
    const line = lines[i];
    if (line && line.text !== "") return line;
  }
  return null;
}

/**
 * "...du Fonds monétaire international.Accord de collaboration formel" -> [paragraph, heading].
 * The heading is what follows the line's last sentence punctuation with no space in between:
 * it starts with an uppercase letter, has a lowercase one (so "ASP.NET" stays whole), holds no
 * sentence punctuation except a final "?" or "!", and is short. The word before the punctuation
 * must not be an initial or an abbreviation ("U.S.", "M.", "Dr.").
 */
export function splitGluedHeading(line: string): [string, string] | null {
  // Only the end of the line can hold a glued heading: looking at a bounded window keeps this
  // cheap on long paragraphs.
  const window = line.length - (MAX_HEADING_CHARS + 4);
  let coreEnd = line.length;
  if (line.endsWith("?") || line.endsWith("!")) {
    coreEnd--;
    while (coreEnd > 0 && /\s/u.test(line[coreEnd - 1] ?? "")) coreEnd--;
  }
  let punct = -1;
  for (let i = coreEnd - 1; i >= 0 && i >= window; i--) {
    if (SENTENCE_END.has(line[i] ?? "")) {
      punct = i;
      break;
    }
  }
  if (punct < 0) return null;
  let start = punct + 1;
  while (start < coreEnd && CLOSERS.has(line[start] ?? "")) start++;
  const heading = line.slice(start);
  const paragraph = line.slice(0, start);
  if (!/^\p{Lu}/u.test(heading) || !/\p{Ll}/u.test(heading)) return null;
  if (!isShort(heading) || /[;:,]$/.test(heading)) return null;
  const before = paragraph.slice(-80);
  const word = /(\p{L}+)[.!?…]["'»”’)\]]*$/u.exec(before)?.[1];
  if (word !== undefined && (word.length === 1 || ABBREVIATIONS.has(word.toLowerCase()))) return null;
  if (before.trim().split(/\s+/).length < 3) return null;
  return [paragraph.trimEnd(), heading.trim()];
}

/** Short, starts with a capital or a digit, no sentence punctuation except a final "?" or "!". */
function isHeadingShaped(text: string): boolean {
  if (text === "" || text.length > MAX_HEADING_CHARS || BULLET.test(text)) return false;
  if (!/^[\p{Lu}\p{N}]/u.test(text) || !/\p{L}/u.test(text)) return false;
  if (/[.,;:…"»”)]$/u.test(text)) return false;
  return isShort(text) && !/[.!?…]\s/u.test(text);
}

function isShort(text: string): boolean {
  if (text.length > MAX_HEADING_CHARS) return false;
  let words = 1;
  for (let i = 1; i < text.length; i++) if (text[i] === " " && text[i - 1] !== " ") words++;
  return words <= MAX_HEADING_WORDS;
}

/**
 * Groups lines into sections. Within a block of consecutive lines, a line that does not end a
 * sentence was wrapped by the scraper and is joined to the next one; a blank line always ends
 * a paragraph.
 */
function buildSections(lines: Line[]): Section[] {
  const sections: { heading: string | null; paragraphs: string[] }[] = [{ heading: null, paragraphs: [] }];
  let open: string[] | null = null;
  const flush = () => {
    if (open && open.length > 0) sections.at(-1)?.paragraphs.push(collapseSpaces(open.join(" ")));
    open = null;
  };
  for (const line of lines) {
    if (line.heading) {
      flush();
      sections.push({ heading: collapseSpaces(line.text), paragraphs: [] });
    } else if (line.text === "") {
      flush();
    } else {
      if (open && BULLET.test(line.text)) flush();
      open ??= [];
      open.push(line.text);
      if (PARAGRAPH_END.test(line.text)) flush();
    }
  }
  flush();
  return sections
    .filter((s, index) => !(index === 0 && s.heading === null && s.paragraphs.length === 0))
    .map((s) => ({ heading: s.heading, text: s.paragraphs.join("\n\n") }));
}
