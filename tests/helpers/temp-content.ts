import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { waitFor } from "./wait-for.js";

/** A throwaway content folder for tests; `write` creates sub-folders as needed. */
export function tempContent(prefix = "newsdesk-") {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    write(rel: string, text: string | Buffer) {
      const full = join(dir, rel);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text);
      return full;
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A Markdown article with front matter, for tests that need one quickly. */
export function markdownArticle(fields: {
  title: string;
  body: string;
  date?: string;
  category?: string;
  tags?: string[];
  lang?: string;
  summary?: string;
  publishAt?: string;
}): string {
  const lines = ["---", `title: ${JSON.stringify(fields.title)}`];
  if (fields.date) lines.push(`date: ${fields.date}`);
  if (fields.category) lines.push(`category: ${fields.category}`);
  if (fields.tags) lines.push(`tags: [${fields.tags.join(", ")}]`);
  lines.push(`lang: ${fields.lang ?? "en"}`);
  if (fields.summary) lines.push(`summary: ${JSON.stringify(fields.summary)}`);
  if (fields.publishAt) lines.push(`publish_at: ${fields.publishAt}`);
  lines.push("---", "", fields.body, "");
  return lines.join("\n");
}

/** waitFor (wait-for.ts) for a yes/no condition: kept for the tests that call it by this name. */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs?: number): Promise<void> {
  await waitFor(check, { what: "the condition", timeoutMs });
}
