/**
 * `cli import <url>`: one read of one feed or page into the content folder, outside the bot (ADR
 * 0114). What is already there counts as seen: the dedupe keys written in the folder's imported
 * files (guid, feed, source) and every id in it, so a second run says "unchanged" and ids stay
 * unique. The bot's own memory (the database) is not used: the folder is the one interface.
 */
import { open } from "node:fs/promises";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { listContentFiles } from "../content/list-files.js";
import type { FullTextMode } from "../domain/sources.js";
import { fileArticleWriter } from "./article-writer.js";
import { createFetcher } from "./fetch-source.js";
import { type ImportedItem, importOnce, memorySeenStore } from "./import-once.js";
import { defaultFolderOf } from "./sources-file.js";
import { dedupeKeys } from "./write-article.js";

export interface ImportCommand {
  url: string;
  contentDir: string;
  fullText: FullTextMode;
  dryRun: boolean;
  allowPrivate: boolean;
}

/** One item as `--json` prints it. `file` is the path written (the content folder joined in). */
export type CliItem = Pick<
  ImportedItem,
  "title" | "url" | "date" | "author" | "guid" | "status" | "file" | "fullText" | "reason"
>;

export interface ImportOutcome {
  /** 0: the source was read (even if some items failed); 1: it could not be. */
  code: 0 | 1;
  document: { items: CliItem[]; error?: string };
  text: string;
}

/** Front matter is at the top: this much of a file is enough to read it. */
const HEAD_BYTES = 16 * 1024;

export async function runImport(command: ImportCommand): Promise<ImportOutcome> {
  const { ids, keys } = await whatIsThere(command.contentDir);
  const result = await importOnce(
    command.url,
    { folder: defaultFolderOf(command.url), fullText: command.fullText, dryRun: command.dryRun },
    {
      fetcher: createFetcher({ guard: { allowPrivate: command.allowPrivate } }),
      seen: memorySeenStore(keys),
      writer: fileArticleWriter(command.contentDir, { isTaken: (id) => ids.has(id) }),
      clock: { now: () => Date.now() },
    },
  );
  if (!result.ok)
    return { code: 1, document: { items: [], error: result.reason }, text: `error: ${result.reason}` };
  const items = result.items.map(
    (item): CliItem => ({
      title: item.title,
      url: item.url,
      date: item.date,
      author: item.author,
      guid: item.guid,
      status: item.status,
      file: item.file === null ? null : join(command.contentDir, item.file),
      fullText: item.fullText,
      reason: item.reason,
    }),
  );
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.status, (counts.get(item.status) ?? 0) + 1);
  const lines = items.map((item) =>
    [
      item.status.padEnd(9),
      item.file ?? item.url ?? "",
      item.title ?? "",
      item.reason ? `(${item.reason})` : "",
    ]
      .filter((part) => part !== "")
      .join("  "),
  );
  const summary = [...counts].map(([status, n]) => `${n} ${status}`).join(", ") || "no items";
  lines.push(
    `${result.kind === "page" ? "page" : "feed"} ${command.url}: ${summary}${command.dryRun ? " (dry run: nothing written)" : ""}`,
  );
  return { code: 0, document: { items }, text: lines.join("\n") };
}

/**
 * The ids of every article file in the folder, and the dedupe keys of the imported ones (their
 * `guid`, `feed` and `source` front matter). A missing folder holds nothing.
 */
async function whatIsThere(contentDir: string): Promise<{ ids: Set<string>; keys: string[] }> {
  let files: string[];
  try {
    files = await listContentFiles(contentDir);
  } catch {
    return { ids: new Set(), keys: [] };
  }
  const ids = new Set<string>();
  const keys: string[] = [];
  for (const rel of files) {
    const match = /([^/]+)\.(md|txt)$/.exec(rel);
    if (!match?.[1]) continue;
    ids.add(match[1]);
    if (match[2] !== "md") continue;
    const fields = await frontMatter(join(contentDir, rel));
    const text = (key: string) => (typeof fields?.[key] === "string" ? (fields[key] as string) : null);
    const guid = text("guid");
    const source = text("source");
    if (guid === null && source === null) continue;
    keys.push(...dedupeKeys({ guid, url: source, title: null, text: "" }, text("feed")));
  }
  return { ids, keys };
}

async function frontMatter(path: string): Promise<Record<string, unknown> | null> {
  let head: string;
  try {
    const file = await open(path, "r");
    try {
      const buffer = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await file.read(buffer, 0, HEAD_BYTES, 0);
      head = buffer.subarray(0, bytesRead).toString("utf8");
    } finally {
      await file.close();
    }
  } catch {
    return null;
  }
  const block = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(head);
  if (!block) return null;
  try {
    const value = parseYaml(block[1] ?? "", { maxAliasCount: 10 });
    return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
