/**
 * The one place that reads article files: size and type checks, decoding, then the parser for
 * the extension. Every refusal is a ParseOutcome with a one-sentence reason, never a throw, so
 * one bad file costs a log line and not the whole library.
 */
import { constants, readFile, stat } from "node:fs";
import { promisify } from "node:util";
import type { ParseOutcome } from "./article.js";
import { LINK_REFUSED } from "./confine.js";
import { parseFrontMatter } from "./parse-front-matter.js";
import { parseScrapedText } from "./parse-scraped-text.js";
import { articleIdFromPath } from "./slug.js";

/** Bigger files are not articles (a dump or a misplaced archive): they are skipped unread. */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;
const PARSERS = { ".txt": parseScrapedText, ".md": parseFrontMatter } as const;
/** How much of a file the binary sniffing looks at. */
const SNIFF_BYTES = 8_192;
/**
 * Combining marks kept in a row before NFC: String.prototype.normalize is quadratic in the length
 * of a run (100,000 marks: 2.4 s), and no script stacks more than a few on one letter. The search
 * query is cut the same way (src/store/sqlite/search-query.ts).
 */
const MAX_MARK_RUN = 8;
const MARK_RUN = new RegExp(`(\\p{M}{${MAX_MARK_RUN}})\\p{M}+`, "gu");

// The callback API, promisified: fs/promises' readFile costs four promise round trips a file.
const statFile = promisify(stat);
const readBytes = promisify(readFile);
/**
 * The library opens only paths it has checked: with O_NOFOLLOW, a file swapped for a link between
 * the check and the read fails (ELOOP) instead of being read through the link. 0 where the flag
 * does not exist (Windows).
 */
const NO_FOLLOW = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);
// Node takes open(2) flags as a number wherever it takes a flag string (fs docs, "File system
// flags"); the type declares only the string.
const READ_NO_FOLLOW = { flag: NO_FOLLOW as unknown as string };

/**
 * Reads and parses one article file; `relPath` (relative to the content folder) names it. A scan
 * that has just listed the regular files and stat-ed them passes the size it saw instead of
 * paying for a second stat.
 */
export async function readArticleFile(
  absPath: string,
  relPath: string,
  knownSize?: number,
  options: { refuseLinks?: boolean } = {},
): Promise<ParseOutcome> {
  // Decided by the name, before any read: an image or an archive in the folder is never opened.
  const file = relPath.replaceAll("\\", "/");
  if (articleExtension(file) === null) return notAnArticle(file);
  try {
    let size = knownSize;
    if (size === undefined) {
      const info = await statFile(absPath);
      if (!info.isFile()) return skip("it is not a regular file");
      size = info.size;
    }
    if (size > MAX_ARTICLE_BYTES) return tooLarge(size);
    const bytes = await readBytes(absPath, options.refuseLinks ? READ_NO_FOLLOW : {});
    // The file may have grown since it was stat-ed.
    if (bytes.length > MAX_ARTICLE_BYTES) return tooLarge(bytes.length);
    return parseArticleBytes(relPath, bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
    if (code === "ELOOP" && options.refuseLinks) return skip(LINK_REFUSED);
    const reason = `the file could not be read (${code})`;
    return code === "ENOENT" ? { ok: false, reason, warnings: [], gone: true } : skip(reason);
  }
}

function tooLarge(bytes: number): ParseOutcome {
  return skip(`the file is larger than 5 MB (${(bytes / 1024 / 1024).toFixed(1)} MB)`);
}

/**
 * Parses the bytes of an article file, without touching the disk. Rejects unknown extensions,
 * empty and binary files; decodes UTF-8 (BOM dropped), or Latin-1 with a warning when the bytes
 * are not valid UTF-8; normalises line ends; then hands over to the .txt or .md parser.
 */
export function parseArticleBytes(relPath: string, bytes: Buffer): ParseOutcome {
  const file = relPath.replaceAll("\\", "/");
  const ext = articleExtension(file);
  if (ext === null) return notAnArticle(file);
  const id = articleIdFromPath(file);
  if (id === "") return skip("the file name has no letter or digit to make an id from");
  if (bytes.length === 0) return skip("the file is empty");
  if (isUtf16(bytes)) return skip("the file is UTF-16 encoded; save it as UTF-8");
  if (looksBinary(bytes)) return skip("the file looks binary, not like text");

  const warnings: string[] = [];
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("windows-1252").decode(bytes);
    warnings.push("the file is not valid UTF-8; it was decoded as Latin-1 (windows-1252)");
  }
  text = text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(MARK_RUN, "$1")
    .normalize("NFC");
  if (text.trim() === "") return skip("the file holds only whitespace", warnings);

  const outcome = PARSERS[ext](text, { id, file });
  return { ...outcome, warnings: [...warnings, ...outcome.warnings] } as ParseOutcome;
}

/** ".txt" or ".md" (any case), or null for a file that is not an article. */
export function articleExtension(path: string): ".txt" | ".md" | null {
  const ext = extensionOf(path);
  return ext === ".txt" || ext === ".md" ? ext : null;
}

function extensionOf(path: string): string {
  const dot = path.lastIndexOf(".");
  return dot > path.lastIndexOf("/") ? path.slice(dot).toLowerCase() : "";
}

function notAnArticle(file: string): ParseOutcome {
  const ext = extensionOf(file);
  return skip(
    `${ext === "" ? "a file without extension" : `"${ext}"`} is not an article: only .txt and .md are read`,
  );
}

function skip(reason: string, warnings: string[] = []): ParseOutcome {
  return { ok: false, reason, warnings };
}

function isUtf16(bytes: Buffer): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** NUL bytes, or more than 2% control characters other than tab, line ends and form feed. */
function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, SNIFF_BYTES);
  if (bytes.includes(0)) return true;
  let control = 0;
  // An indexed loop: iterating a Buffer with for-of is several times slower, on every file.
  for (let i = 0; i < sample.length; i++) {
    const byte = sample[i] as number;
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) || byte === 0x7f) {
      control++;
    }
  }
  return control / sample.length > 0.02;
}
