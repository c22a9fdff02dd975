/**
 * The sources file (SOURCES_FILE, ./sources.yml by default): the feeds and pages the operator
 * wants, read into checked entries (ADR 0111). A bad entry is reported with its line and left
 * out; the others run. A file that cannot be read as YAML at all is "broken": the caller keeps
 * the set it had. Pure: text in, entries and problems out.
 *
 *   sources:
 *     - url: https://example.org/feed.xml
 *       name: Example            # default: the URL's host
 *       category: tech
 *       tags: [science, space]
 *       lang: en                 # default: detected per article
 *       interval: 30             # minutes (or "30m", "2h", "1d"); default 15, at least 5
 *       full_text: auto          # auto | always | never
 *       folder: example          # a sub-folder of the content folder; default from the name
 *       announce_first: 0        # of the first fetch, how many of the newest are announced
 */
import { createHash } from "node:crypto";
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type YAMLMap } from "yaml";
import type { FullTextMode, SourcesFileProblem } from "../domain/sources.js";
import { slugify } from "./write-article.js";

/** One source as configured, checked. */
export interface SourceConfig {
  url: string;
  name: string;
  category: string | null;
  tags: string[];
  lang: string | null;
  intervalMs: number;
  fullText: FullTextMode;
  /** Relative to the content folder, forward slashes, no `.` or `..` segment. */
  folder: string;
  announceFirst: number;
  /** Changes whenever a setting above changes (not the entry's comments, layout or line). */
  fingerprint: string;
  /** Where its entry starts in the file (1-based). */
  line: number;
}

export type SourcesFileReading =
  | { ok: true; sources: SourceConfig[]; problems: SourcesFileProblem[] }
  /** Nothing could be read: the file is not YAML, or not a list of sources. */
  | { ok: false; problems: SourcesFileProblem[] };

const MINUTE = 60_000;
export const DEFAULT_INTERVAL_MS = 15 * MINUTE;
export const MIN_INTERVAL_MS = 5 * MINUTE;
const MAX_INTERVAL_MS = 7 * 24 * 60 * MINUTE;
const MAX_ANNOUNCE_FIRST = 100;
const MAX_TAGS = 20;
const MAX_TEXT = 80;
export const MAX_SOURCES_FILE_BYTES = 1024 * 1024;
const KEYS = [
  "url",
  "name",
  "category",
  "tags",
  "lang",
  "interval",
  "full_text",
  "folder",
  "announce_first",
] as const;

/** Reads the text of a sources file. */
export function readSourcesFile(text: string): SourcesFileReading {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  const lineOf = (node: Node | null | undefined) => (node?.range ? lines.linePos(node.range[0]).line : null);
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        line: e.linePos?.[0]?.line ?? null,
        message: `not valid YAML: ${e.message.split("\n")[0]}`,
      })),
    };
  }
  const problems: SourcesFileProblem[] = [];
  let list: Node | null = doc.contents;
  if (list === null || (isScalar(list) && list.value === null)) return { ok: true, sources: [], problems };
  if (isMap(list)) {
    for (const pair of list.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      if (key !== "sources")
        problems.push({ line: lineOf(pair.key as Node), message: `unknown key "${key}" (only "sources")` });
    }
    list = (list.get("sources", true) as Node | undefined) ?? null;
    if (list === null || (isScalar(list) && list.value === null)) return { ok: true, sources: [], problems };
  }
  if (!isSeq(list))
    return {
      ok: false,
      problems: [{ line: lineOf(list), message: "expected a list of sources under `sources:`" }],
    };

  const sources: SourceConfig[] = [];
  const urls = new Map<string, number>();
  for (const node of list.items as Node[]) {
    const line = lineOf(node) ?? 1;
    if (!isMap(node)) {
      problems.push({ line, message: "a source is a mapping with at least a url (url: https://…)" });
      continue;
    }
    const entry = readEntry(node, line, lineOf);
    if (!entry.ok) {
      problems.push(entry.problem);
      continue;
    }
    const first = urls.get(entry.source.url);
    if (first !== undefined) {
      problems.push({ line, message: `${entry.source.url} is already listed at line ${first}` });
      continue;
    }
    urls.set(entry.source.url, line);
    sources.push(entry.source);
  }
  return { ok: true, sources, problems };
}

type EntryReading = { ok: true; source: SourceConfig } | { ok: false; problem: SourcesFileProblem };

function readEntry(
  node: YAMLMap,
  line: number,
  lineOf: (node: Node | null | undefined) => number | null,
): EntryReading {
  const values = new Map<string, { value: unknown; line: number }>();
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    const at = lineOf(pair.key as Node) ?? line;
    if (!(KEYS as readonly string[]).includes(key)) {
      const known = KEYS.join(", ");
      return { ok: false, problem: { line: at, message: `unknown key "${key}" (known: ${known})` } };
    }
    const value = pair.value === null ? null : (pair.value as Node).toJSON();
    values.set(key, { value, line: lineOf(pair.value as Node) ?? at });
  }
  const fail = (key: string, message: string): EntryReading => ({
    ok: false,
    problem: { line: values.get(key)?.line ?? line, message },
  });
  const get = (key: (typeof KEYS)[number]) => values.get(key)?.value ?? null;

  const read = readUrl(get("url"));
  if ("problem" in read) return fail("url", read.problem);
  const url = read.url;
  const name = text(get("name"), MAX_TEXT);
  if (name === false) return fail("name", `name must be text of at most ${MAX_TEXT} characters`);
  const category = text(get("category"), 64);
  if (category === false) return fail("category", "category must be text of at most 64 characters");
  const tags = readTags(get("tags"));
  if (tags === null)
    return fail("tags", `tags must be a list of at most ${MAX_TAGS} words, e.g. [science, space]`);
  const lang = get("lang");
  if (lang !== null && !(typeof lang === "string" && /^[a-z]{2}$/i.test(lang.trim())))
    return fail("lang", "lang must be a two-letter language code such as en or fr");
  const intervalMs = readInterval(get("interval"));
  if (typeof intervalMs === "string") return fail("interval", intervalMs);
  const fullText = get("full_text") ?? "auto";
  if (fullText !== "auto" && fullText !== "always" && fullText !== "never")
    return fail("full_text", "full_text must be auto, always or never");
  const announceFirst = get("announce_first") ?? 0;
  if (
    !Number.isInteger(announceFirst) ||
    (announceFirst as number) < 0 ||
    (announceFirst as number) > MAX_ANNOUNCE_FIRST
  )
    return fail("announce_first", `announce_first must be a whole number from 0 to ${MAX_ANNOUNCE_FIRST}`);
  const shownName = name ?? hostName(url);
  const folder = readFolder(get("folder"), shownName);
  if (folder.startsWith("!")) return fail("folder", folder.slice(1));

  const settings = {
    url,
    name: shownName,
    category,
    tags,
    lang: typeof lang === "string" ? lang.trim().toLowerCase() : null,
    intervalMs,
    fullText: fullText as FullTextMode,
    folder,
    announceFirst: announceFirst as number,
  };
  const fingerprint = createHash("sha256").update(JSON.stringify(settings)).digest("base64url").slice(0, 16);
  return { ok: true, source: { ...settings, fingerprint, line } };
}

/** The URL (as the WHATWG parser spells it), or why it is not one. */
function readUrl(value: unknown): { url: string } | { problem: string } {
  if (value === null) return { problem: "a source needs a url (url: https://…)" };
  if (typeof value !== "string") return { problem: "url must be text: an http(s) address" };
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { problem: `url "${value.trim().slice(0, 100)}" is not an address` };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return { problem: "url must start with http:// or https://" };
  if (url.username !== "" || url.password !== "")
    return { problem: "url must not carry a user name or password" };
  return { url: url.href };
}

/** Trimmed text, null when absent, false when not text or too long. */
function text(value: unknown, max: number): string | null | false {
  if (value === null) return null;
  if (typeof value !== "string" && typeof value !== "number") return false;
  const clean = String(value).replace(/\s+/g, " ").trim();
  if (clean.length > max) return false;
  return clean === "" ? null : clean;
}

function readTags(value: unknown): string[] | null {
  if (value === null) return [];
  const list = typeof value === "string" ? value.split(",") : value;
  if (!Array.isArray(list) || list.length > MAX_TAGS) return null;
  const tags: string[] = [];
  for (const tag of list) {
    const clean = text(tag, 64);
    if (clean === false) return null;
    if (clean !== null) tags.push(clean);
  }
  return tags;
}

/** Minutes as a number, or "30m", "30 min", "2h", "1d"; the reason when it is not acceptable. */
function readInterval(value: unknown): number | string {
  if (value === null) return DEFAULT_INTERVAL_MS;
  const match = /^(\d{1,6})\s*(m|min|mins|minutes?|h|hours?|d|days?)?$/i.exec(String(value).trim());
  if (typeof value === "boolean" || !match)
    return 'interval must be minutes (15) or a duration such as "30m", "2h" or "1d"';
  const unit = (match[2] ?? "m").toLowerCase()[0];
  const ms = Number(match[1]) * (unit === "h" ? 60 : unit === "d" ? 1440 : 1) * MINUTE;
  if (ms < MIN_INTERVAL_MS)
    return "interval must be at least 5 minutes (sites ask not to be polled more often)";
  if (ms > MAX_INTERVAL_MS) return "interval must be at most 7 days";
  return ms;
}

/** The folder, checked to stay inside the content folder; "!reason" when it does not. */
function readFolder(value: unknown, name: string): string {
  if (value === null) return slugify(name);
  if (typeof value !== "string") return "!folder must be text: a sub-folder of the content folder";
  const raw = value.trim().replace(/\\/g, "/");
  if (raw.startsWith("/") || /^[a-z]:/i.test(raw))
    return "!folder must be a sub-folder of the content folder, not an absolute path";
  const parts = raw.split("/").filter((p) => p !== "" && p !== ".");
  if (parts.length === 0) return "!folder must name a sub-folder of the content folder";
  if (parts.includes("..")) return "!folder must stay inside the content folder (no ..)";
  if (parts.some((p) => p.startsWith(".")))
    return "!folder must not be hidden (a name starting with a dot): the library skips hidden folders";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (parts.some((p) => /[\u0000-\u001f]/.test(p))) return "!folder must not hold control characters";
  return parts.join("/");
}

/** "www.example.org" -> "example.org": the default name. */
function hostName(url: string): string {
  return new URL(url).hostname.replace(/^www\./, "");
}

/** The folder of a source with no name and no folder: its host, as a slug ("example-org"). */
export function defaultFolderOf(url: string): string {
  return slugify(hostName(url));
}
