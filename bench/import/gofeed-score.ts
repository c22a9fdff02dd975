/**
 * The gofeed translator cases (../shared/eval/feeds/gofeed-translator): each input feed beside
 * the normalized result gofeed expects. A case "with items" passes when every expected item
 * has the title, link, dates (published and updated, compared as instants) and author (name
 * and email) gofeed gives it. Other fields (images, enclosures, extensions) are not Newsdesk's.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseFeedText } from "../../src/sources/parse-feed.js";

export interface CaseResult {
  name: string;
  pass: boolean;
  /** What differed, one line per field. */
  diffs: string[];
}

interface ExpectedItem {
  title?: string;
  link?: string;
  publishedParsed?: string;
  updatedParsed?: string;
  author?: { name?: string; email?: string };
  authors?: { name?: string; email?: string }[];
}

export function gofeedCases(dir: string): { input: string; expected: string; name: string }[] {
  const cases: { input: string; expected: string; name: string }[] = [];
  for (const kind of ["atom", "rss", "json"]) {
    const folder = join(dir, kind);
    for (const file of readdirSync(folder).sort()) {
      if (kind === "json") {
        if (!file.endsWith(".json") || file.endsWith("_expected.json")) continue;
        cases.push({
          name: `json/${file}`,
          input: join(folder, file),
          expected: join(folder, file.replace(/\.json$/, "_expected.json")),
        });
      } else if (file.endsWith(".xml")) {
        cases.push({
          name: `${kind}/${file}`,
          input: join(folder, file),
          expected: join(folder, file.replace(/\.xml$/, ".json")),
        });
      }
    }
  }
  return cases;
}

/** Scores every case that has items; cases without items are left out, as the goal says. */
export function scoreGofeed(dir: string): CaseResult[] {
  const results: CaseResult[] = [];
  for (const c of gofeedCases(dir)) {
    const expected = JSON.parse(readFileSync(c.expected, "utf8")) as { items?: ExpectedItem[] };
    if (!expected.items || expected.items.length === 0) continue;
    const feed = parseFeedText(readFileSync(c.input, "utf8"), null);
    const diffs: string[] = [];
    if (feed === null) diffs.push("not read as a feed");
    else if (feed.items.length !== expected.items.length)
      diffs.push(`${feed.items.length} items, expected ${expected.items.length}`);
    else {
      expected.items.forEach((want, i) => {
        const got = feed.items[i];
        if (!got) return;
        const wantAuthor = want.author ?? want.authors?.[0] ?? null;
        const check = (field: string, a: unknown, b: unknown) => {
          if (a !== b)
            diffs.push(`item ${i} ${field}: got ${JSON.stringify(a)}, expected ${JSON.stringify(b)}`);
        };
        check("title", got.title, want.title ?? null);
        check("link", got.link, want.link ?? null);
        check("published", instant(got.published), instant(want.publishedParsed));
        check("updated", instant(got.updated), instant(want.updatedParsed));
        check("author.name", got.author?.name ?? null, wantAuthor?.name ?? null);
        check("author.email", got.author?.email ?? null, wantAuthor?.email ?? null);
      });
    }
    results.push({ name: c.name, pass: diffs.length === 0, diffs });
  }
  return results;
}

function instant(iso: string | null | undefined): number | null {
  if (iso === null || iso === undefined) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}
