/**
 * Markdown articles with YAML front matter. `##` headings become sections; the body is reduced
 * to plain text (links keep their words, emphasis markers go) because every consumer (search,
 * summaries, Telegram HTML, Discord embeds) works on plain paragraphs.
 */
import { createRequire } from "node:module";
import type { Article, Section } from "../domain/article.js";
import type { ParseOutcome } from "./article.js";
import { detectLanguage, languageCode } from "./detect-language.js";
import { parseFlatYaml } from "./flat-yaml.js";

/**
 * The YAML parser, loaded on first need: flat front matter (nearly every article) never needs it,
 * and loading it costs a start ~50 ms and a few MB (ADR 0088). Through require, which is synchronous.
 */
const require = createRequire(import.meta.url);
let yaml: typeof import("yaml") | null = null;

import { dateToIso, hasTime, hasZone, parseDate } from "./parse-date.js";
import type { ArticleSource } from "./parse-scraped-text.js";
import { collapseSpaces } from "./whitespace.js";

const KNOWN_KEYS = new Set([
  "title",
  "author",
  "date",
  "category",
  "tags",
  "lang",
  "source",
  "summary",
  "publish_at",
  // Written by sources (src/sources/write-article.ts): kept in the file, not used by the library.
  "feed",
  "guid",
  "text_from",
  "text_note",
]);
const FENCE = /^ {0,3}(```|~~~)/;
const ATX_HEADING = /^ {0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;
const LIST_ITEM = /^\s{0,3}([-*+]|\d{1,3}[.)])\s+(.*)$/;
/** "Title" over "=====" or "-----": a heading of level 1 or 2 (setext style). */
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)\s*$/;

type Fields = Record<string, unknown>;

/** Parses a Markdown article (already decoded, "\n" line ends, no BOM). */
export function parseFrontMatter(text: string, source: ArticleSource): ParseOutcome {
  const warnings: string[] = [];
  const split = splitFrontMatter(text);
  if ("reason" in split) return { ok: false, reason: split.reason, warnings };
  const { fields, body } = split;
  for (const key of Object.keys(fields)) {
    if (!KNOWN_KEYS.has(key)) warnings.push(`the front matter key "${key}" is unknown and ignored`);
  }

  const given = textField(fields, "title", warnings);
  const blocks = markdownBlocks(body);
  const title = given ?? blocks.find((b) => b.heading !== null)?.heading ?? null;
  if (title === null)
    return { ok: false, reason: "the article has no title and no heading to use as one", warnings };
  const sections = toSections(blocks, title);
  if (sections.length === 0)
    return { ok: false, reason: "there is no body text after the front matter", warnings };

  const publishAt = embargo(fields.publish_at, warnings);
  if (publishAt === false) {
    return {
      ok: false,
      reason: `publish_at "${String(fields.publish_at)}" is not an ISO date-time`,
      warnings,
    };
  }
  const bodyText = sections.map((s) => s.text).join("\n\n");
  const article: Article = {
    id: source.id,
    title,
    author: listOrText(fields, "author", warnings)?.join(", ") ?? null,
    category: textField(fields, "category", warnings),
    tags: tagList(fields, warnings),
    lang: langField(fields, warnings) ?? detectLanguage(`${title}\n${bodyText}`),
    date: dateField(fields, warnings),
    sections,
    source: sourceField(fields, warnings),
    file: source.file,
    summary: textField(fields, "summary", warnings),
    publishAt,
  };
  return { ok: true, article, warnings };
}

/** Separates the front matter from the body; a file without front matter has no fields. */
function splitFrontMatter(text: string): { fields: Fields; body: string } | { reason: string } {
  const lines = text.split("\n");
  if ((lines[0] ?? "").trimEnd() !== "---") return { fields: {}, body: text };
  const end = lines.findIndex((l, i) => i > 0 && (l.trimEnd() === "---" || l.trimEnd() === "..."));
  if (end < 0) return { reason: 'the front matter is not closed: no "---" line ends it' };
  const yamlText = lines.slice(1, end).join("\n");
  const flat = parseFlatYaml(yamlText);
  if (flat) return { fields: flat, body: lines.slice(end + 1).join("\n") };
  yaml ??= require("yaml") as typeof import("yaml");
  const lineCounter = new yaml.LineCounter();
  const doc = yaml.parseDocument(yamlText, { lineCounter, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const line = lineCounter.linePos(error.pos[0]).line + 1;
    return { reason: `the front matter is not valid YAML (line ${line}): ${error.message}` };
  }
  let value: unknown;
  try {
    // Aliases are resolved here; a bad one (or an alias bomb over maxAliasCount) throws.
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (thrown) {
    return { reason: `the front matter is not valid YAML: ${(thrown as Error).message}` };
  }
  if (value !== null && (typeof value !== "object" || Array.isArray(value) || value instanceof Date)) {
    return { reason: "the front matter is not a mapping of keys to values" };
  }
  return { fields: (value ?? {}) as Fields, body: lines.slice(end + 1).join("\n") };
}

function textField(fields: Fields, key: string, warnings: string[]): string | null {
  const value = fields[key];
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value.trim() === "" ? null : value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return dateToIso(value);
  warnings.push(`the front matter "${key}" must be text; it is ignored`);
  return null;
}

function listOrText(fields: Fields, key: string, warnings: string[]): string[] | null {
  const value = fields[key];
  if (!Array.isArray(value)) {
    const one = textField(fields, key, warnings);
    return one === null ? null : [one];
  }
  const items = value.flatMap((item) => textField({ item }, "item", []) ?? []);
  if (items.length !== value.length) warnings.push(`the front matter "${key}" must hold text items only`);
  return items.length > 0 ? items : null;
}

/** A YAML list or a comma-separated string; "#" prefixes dropped, duplicates removed. */
function tagList(fields: Fields, warnings: string[]): string[] {
  const raw = typeof fields.tags === "string" ? fields.tags.split(",") : listOrText(fields, "tags", warnings);
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const tag of raw ?? []) {
    const clean = tag.trim().replace(/^#+/, "").trim();
    if (clean === "" || seen.has(clean.toLowerCase())) continue;
    seen.add(clean.toLowerCase());
    tags.push(clean);
  }
  return tags;
}

function langField(fields: Fields, warnings: string[]): string | null {
  const value = textField(fields, "lang", warnings);
  if (value === null) return null;
  const code = languageCode(value);
  if (code === null)
    warnings.push(`the front matter lang "${value}" is not an ISO 639-1 code; detected instead`);
  return code;
}

function dateField(fields: Fields, warnings: string[]): string | null {
  const value = fields.date;
  if (value instanceof Date) return dateToIso(value);
  const text = textField(fields, "date", warnings);
  if (text === null) return null;
  const date = parseDate(text);
  if (date === null)
    warnings.push(`the front matter date "${text}" was not understood; the date is left empty`);
  return date;
}

function sourceField(fields: Fields, warnings: string[]): string | null {
  const value = textField(fields, "source", warnings);
  if (value === null) return null;
  if (URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)) return value;
  warnings.push(`the front matter source "${value}" is not an http(s) URL; it is ignored`);
  return null;
}

/**
 * publish_at as a UTC ISO date-time; null when absent, false when unreadable: an embargo that
 * cannot be read holds the article back rather than publishing it early.
 */
function embargo(value: unknown, warnings: string[]): string | null | false {
  if (value === undefined || value === null || value === "") return null;
  const iso = value instanceof Date ? dateToIso(value) : typeof value === "string" ? parseDate(value) : null;
  if (iso === null) return false;
  let stamp = iso;
  if (!hasTime(iso)) {
    warnings.push(`publish_at "${iso}" has no time; it is read as 00:00 UTC`);
    stamp = `${iso}T00:00:00Z`;
  } else if (!hasZone(iso)) {
    warnings.push(`publish_at "${iso}" has no time zone; it is read as UTC`);
    stamp = `${iso}Z`;
  }
  const ms = Date.parse(stamp);
  return Number.isNaN(ms) ? false : new Date(ms).toISOString().replace(".000Z", "Z");
}

/** A heading (level in 1..6) or a paragraph of plain text. */
type Block = { heading: string; level: number } | { heading: null; text: string };

function markdownBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: string[] = [];
  let fence: string | null = null;
  let code: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ heading: null, text: inline(paragraph.join(" ")) });
    if (list.length > 0) blocks.push({ heading: null, text: list.map(inline).join("\n") });
    paragraph = [];
    list = [];
  };
  for (const raw of withoutHtmlComments(body).split("\n")) {
    if (fence !== null) {
      if (raw.trim().startsWith(fence)) {
        if (code.length > 0) blocks.push({ heading: null, text: code.join("\n") });
        fence = null;
        code = [];
      } else code.push(raw);
      continue;
    }
    const fenceOpen = FENCE.exec(raw);
    const heading = ATX_HEADING.exec(raw);
    const item = LIST_ITEM.exec(raw);
    const line = raw.replace(/^\s*(?:>\s?)+/, "").trim();
    const underline = SETEXT_UNDERLINE.exec(raw);
    if (underline && paragraph.length > 0) {
      blocks.push({ heading: inline(paragraph.join(" ")), level: underline[1]?.startsWith("=") ? 1 : 2 });
      paragraph = [];
    } else if (fenceOpen) {
      flush();
      fence = fenceOpen[1] ?? "```";
    } else if (heading) {
      flush();
      const text = inline(heading[2] ?? "");
      if (text !== "") blocks.push({ heading: text, level: heading[1]?.length ?? 1 });
    } else if (line === "" || THEMATIC_BREAK.test(raw)) {
      flush();
    } else if (item && !THEMATIC_BREAK.test(raw)) {
      if (paragraph.length > 0) flush();
      const marker = /\d/.test(item[1] ?? "") ? (item[1] ?? "") : "-";
      list.push(`${marker} ${item[2] ?? ""}`);
    } else if (list.length > 0) {
      list[list.length - 1] = `${list.at(-1)} ${line}`;
    } else {
      paragraph.push(line);
    }
  }
  flush();
  if (code.length > 0) blocks.push({ heading: null, text: code.join("\n") });
  return blocks;
}

/** `#`/`##` start sections; deeper headings stay in the text as a paragraph of their own. */
function toSections(blocks: Block[], title: string): Section[] {
  const first = blocks[0];
  const rest =
    first && first.heading !== null && first.level <= 2 && sameText(first.heading, title)
      ? blocks.slice(1)
      : blocks;
  const sections: { heading: string | null; paragraphs: string[] }[] = [{ heading: null, paragraphs: [] }];
  for (const block of rest) {
    if (block.heading !== null && block.level <= 2) sections.push({ heading: block.heading, paragraphs: [] });
    else if (block.heading !== null) sections.at(-1)?.paragraphs.push(block.heading);
    else if (block.text !== "") sections.at(-1)?.paragraphs.push(block.text);
  }
  return sections
    .filter((s, index) => !(index === 0 && s.paragraphs.length === 0))
    .map((s) => ({ heading: s.heading, text: s.paragraphs.join("\n\n") }));
}

/**
 * Inline Markdown to plain text: link and image syntax, emphasis, code spans, escapes, tags.
 * Every span is bounded in length, so an unclosed marker cannot make a long paragraph quadratic.
 */
function inline(text: string): string {
  // Each rewrite runs only when its marker character is present: most paragraphs are plain
  // prose, and ten regex passes over every paragraph were a third of a cold load's parsing.
  let out = text;
  if (out.includes("](")) {
    out = out
      .replace(/!\[([^\]\n]{0,300})\]\([^)\s]{0,2000}\)/g, "$1")
      .replace(/\[([^\]\n]{1,300})\]\([^)\s]{0,2000}\)/g, "$1");
  }
  if (out.includes("<")) {
    out = out
      .replace(/<(https?:\/\/[^>\s]{1,2000})>/g, "$1")
      .replace(/<br\s*\/?>/gi, " ")
      .replace(/<\/?[a-z][^<>]{0,300}>/gi, "");
  }
  const star = out.includes("*");
  const underscore = out.includes("_");
  if (star) out = out.replace(/\*\*(?=\S)([^*]{0,300}?\S)\*\*/g, "$1");
  if (underscore) out = out.replace(/__(?=\S)([^_]{0,300}?\S)__/g, "$1");
  if (star || underscore) {
    out = out.replace(/(^|[^\p{L}\p{N}*_\\])([*_])(?=\S)([^*_]{0,300}?\S)\2(?![\p{L}\p{N}])/gu, "$1$3");
  }
  if (out.includes("`")) out = out.replace(/`([^`]{1,300})`/g, "$1");
  if (out.includes("\\")) out = out.replace(/\\([\\`*_{}[\]()#+\-.!])/g, "$1");
  return collapseSpaces(out);
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();
  return norm(a) === norm(b);
}

/**
 * The text without its HTML comments (`<!-- ... -->`, the first `-->` closes). One pass: the regex
 * /<!--[\s\S]*?-->/g retried from every unclosed `<!--` to the end of the text, so a file of
 * "<!-- " repeated took 73 s to parse at 1 MB (issue 11). Once one `<!--` has no `-->` after it,
 * none after it has either.
 */
function withoutHtmlComments(text: string): string {
  let open = text.indexOf("<!--");
  if (open < 0) return text;
  const kept: string[] = [];
  let from = 0;
  while (open >= 0) {
    const close = text.indexOf("-->", open + 4);
    if (close < 0) break;
    kept.push(text.slice(from, open));
    from = close + 3;
    open = text.indexOf("<!--", from);
  }
  kept.push(text.slice(from));
  return kept.join("");
}
