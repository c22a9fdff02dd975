/**
 * An imported item becomes an ordinary article file: Markdown with YAML front matter, read by
 * the same parser as a hand-written one. This file holds the pure part (the text, the file
 * name, the dedupe keys) and the one write: atomic and never over an existing file.
 *
 * Front matter: title, author, date, category, tags, lang (detected when neither the source
 * nor the page says), source (the canonical URL), feed, guid, and `text_from: feed` with
 * `text_note` when the feed's own text stood in for a page that could not be fetched or read.
 */
import { createHash, randomBytes } from "node:crypto";
import { link, mkdir, unlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { detectLanguage, languageCode } from "../content/detect-language.js";
import type { Block } from "./article-blocks.js";
import { renderBody } from "./markdown-body.js";

export interface ArticleDraft {
  title: string;
  author: string | null;
  /** ISO 8601, or null: a date is never invented. */
  date: string | null;
  category: string | null;
  tags: string[];
  /** ISO 639-1, or null to detect from the text. */
  lang: string | null;
  /** The canonical URL of the article. */
  source: string | null;
  feed: string | null;
  guid: string | null;
  blocks: Block[];
  /** Set when the feed's text was used because the page could not be fetched or read. */
  fallbackReason: string | null;
}

/** The file's text: front matter, then the body. */
export function renderArticle(draft: ArticleDraft): string {
  const body = renderBody(draft.blocks);
  const given = draft.lang ? languageCode(draft.lang) : null;
  const lang = given ?? detectLanguage(`${draft.title}\n${plainText(draft.blocks)}`);
  const lines = ["---", `title: ${quote(draft.title)}`];
  if (draft.author) lines.push(`author: ${quote(draft.author)}`);
  if (draft.date) lines.push(`date: ${quote(draft.date)}`);
  if (draft.category) lines.push(`category: ${quote(draft.category)}`);
  const tags = uniqueTags(draft.tags);
  if (tags.length > 0) lines.push(`tags: [${tags.map(quote).join(", ")}]`);
  lines.push(`lang: ${lang}`);
  if (draft.source) lines.push(`source: ${quote(draft.source)}`);
  if (draft.feed) lines.push(`feed: ${quote(draft.feed)}`);
  if (draft.guid) lines.push(`guid: ${quote(draft.guid)}`);
  if (draft.fallbackReason) lines.push("text_from: feed", `text_note: ${quote(draft.fallbackReason)}`);
  lines.push("---", "", body);
  return lines.join("\n");
}

/**
 * A YAML double-quoted scalar: JSON's string escapes are YAML's too. Line breaks become spaces;
 * other spacing is kept as the source wrote it, so a title reads back exactly.
 */
function quote(value: string): string {
  return JSON.stringify(value.replace(/[\r\n]+/g, " ").trim());
}

function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of tags) {
    const clean = tag.replace(/\s+/g, " ").replace(/^#+/, "").trim();
    if (clean === "" || seen.has(clean.toLowerCase())) continue;
    seen.add(clean.toLowerCase());
    out.push(clean);
  }
  return out;
}

/**
 * A title for a page that has none: its first heading, else the start of its first paragraph
 * (cut at a word, at most 80 characters). The parser needs a title; an invented one is plainer
 * than "Untitled" and still the page's own words.
 */
export function fallbackTitle(blocks: readonly Block[]): string {
  const heading = blocks.find((b) => b.kind === "heading");
  if (heading?.kind === "heading") return heading.text;
  const first = plainText(blocks).replace(/\s+/g, " ").trim();
  if (first.length <= 80) return first === "" ? "Untitled" : first;
  const cut = first.slice(0, 80);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 40 ? cut.lastIndexOf(" ") : 80)}…`;
}

export function plainText(blocks: readonly Block[]): string {
  return blocks
    .map((b) =>
      b.kind === "list" ? b.items.join("\n") : b.kind === "quote" ? b.paragraphs.join("\n") : b.text,
    )
    .join("\n\n");
}

const MAX_SLUG_CHARS = 60;

/** "Le Pakistan et El Salvador" -> "le-pakistan-et-el-salvador": the article id's alphabet. */
export function slugify(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= MAX_SLUG_CHARS) return slug === "" ? "article" : slug;
  const cut = slug.slice(0, MAX_SLUG_CHARS);
  const lastDash = cut.lastIndexOf("-");
  return lastDash > 20 ? cut.slice(0, lastDash) : cut;
}

/**
 * The file for a draft, relative to the content folder: `<folder>/<date>-<slug>.md`, the date
 * being the article's (else the day it was fetched). Article ids come from file names and must
 * be unique across the library, so `isTaken(id)` is asked and "-2", "-3" ... appended.
 */
export function articleFileName(
  draft: Pick<ArticleDraft, "title" | "date">,
  folder: string,
  now: number,
  isTaken: (id: string) => boolean,
): string {
  const day = (draft.date ?? new Date(now).toISOString()).slice(0, 10);
  const stem = `${day}-${slugify(draft.title)}`;
  let id = stem;
  for (let n = 2; isTaken(id); n++) id = `${stem}-${n}`;
  const dir = folder.replace(/^\/+|\/+$/g, "");
  return dir === "" ? `${id}.md` : `${dir}/${id}.md`;
}

/**
 * Keys under which an item counts as seen, strongest first: its guid (scoped to the feed unless
 * it is a URL or URN, since "42" is unique only within one feed), its canonical URL (the same
 * article from two feeds), and a hash of title and text when it has neither.
 */
export function dedupeKeys(
  item: { guid: string | null; url: string | null; title: string | null; text: string },
  feedUrl: string | null,
): string[] {
  const keys: string[] = [];
  if (item.guid) {
    const global = /^(?:https?:\/\/|urn:|tag:)/i.test(item.guid);
    keys.push(global ? `guid:${item.guid}` : `guid:${feedUrl ?? ""}#${item.guid}`);
  }
  if (item.url) keys.push(`url:${item.url}`);
  if (keys.length === 0) {
    const norm = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();
    const digest = createHash("sha256")
      .update(`${norm(item.title ?? "")}\n${norm(item.text)}`)
      .digest("base64url");
    keys.push(`hash:${digest.slice(0, 32)}`);
  }
  return keys;
}

/**
 * Writes `text` to `contentDir/relPath` atomically and never over an existing file: the text
 * goes to a hidden temporary file in the same folder (the library ignores dot-files), which is
 * then hard-linked to its name (fails if the name exists) and unlinked. A watcher sees the
 * whole file appear at once, and a file an operator created meanwhile is left alone.
 * Returns false when the name was taken.
 */
export async function writeArticleFile(contentDir: string, relPath: string, text: string): Promise<boolean> {
  const target = join(contentDir, relPath);
  await mkdir(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.newsdesk-import-${randomBytes(6).toString("hex")}.tmp`);
  await writeFile(temp, text, { flag: "wx" });
  try {
    await link(temp, target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    await unlink(temp).catch(() => {});
  }
}
