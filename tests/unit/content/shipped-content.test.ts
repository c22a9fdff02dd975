/**
 * The content check: every article shipped in content/ must load cleanly, so a bad article fails
 * the build instead of a user's command.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../../src/content/detect-language.js";
import { listContentFiles } from "../../../src/content/list-files.js";
import { readArticleFile } from "../../../src/content/read-article-file.js";
import { articleBody } from "../../../src/domain/article.js";
import { REAL_CONTENT, SEED_ID } from "../../helpers/seed.js";

const CONTENT = REAL_CONTENT;
const SEED = `${SEED_ID}.txt`;
const SEED_SHA256 = "775c0ef52bc5dbbc25d7d33be02ecddb9b3d9d01d6b89965893738cde4f9f998";
const files = await listContentFiles(CONTENT);
const outcomes = await Promise.all(
  files.map(async (file) => ({ file, outcome: await readArticleFile(join(CONTENT, file), file) })),
);

describe("GIVEN the articles shipped in content/", () => {
  it("THEN there are the seed and at least ten more, in both formats", () => {
    expect(files).toContain(SEED);
    expect(files.length).toBeGreaterThanOrEqual(11);
    expect(files.some((f) => f.endsWith(".md"))).toBe(true);
    expect(files.some((f) => f.endsWith(".txt"))).toBe(true);
  });

  it("THEN the seed is byte-for-byte the original", () => {
    expect(
      createHash("sha256")
        .update(readFileSync(join(CONTENT, SEED)))
        .digest("hex"),
    ).toBe(SEED_SHA256);
  });

  it.each(files)("WHEN %s is read THEN it loads with no warning", async (file) => {
    const { outcome } = outcomes.find((o) => o.file === file) ?? {};
    expect(outcome, file).toMatchObject({ ok: true, warnings: [] });
  });

  it.each(files)(
    "WHEN %s is read THEN it has a date, a category, sections and its declared language",
    (file) => {
      const { outcome } = outcomes.find((o) => o.file === file) ?? {};
      if (!outcome?.ok) throw new Error(`${file} did not load`);
      const { article } = outcome;
      expect(article.date, file).toMatch(/^2025-\d{2}-\d{2}/);
      expect(article.category, file).toMatch(/^[A-Z]+$/);
      expect(article.sections.length, file).toBeGreaterThanOrEqual(2);
      const body = articleBody(article);
      expect(detectLanguage(body, "??"), file).toBe(article.lang);
      expect(body, file).not.toMatch(/partage[rz] (?:cet article|sur)|share (?:this article|on )/i);
      if (file.endsWith(".md")) {
        expect(article.tags.length, file).toBeGreaterThan(0);
        expect(article.source, file).toMatch(/^https:\/\/example\.(?:com|org)\//);
      }
    },
  );

  it("THEN every id is unique", () => {
    const ids = outcomes.map((o) => (o.outcome.ok ? o.outcome.article.id : o.file));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("THEN French and English articles cover bitcoin, energy and regulation", () => {
    const loaded = outcomes.flatMap((o) => (o.outcome.ok ? [o.outcome.article] : []));
    for (const category of ["BITCOIN", "ENERGY", "REGULATION"]) {
      const langs = new Set(loaded.filter((a) => a.category === category).map((a) => a.lang));
      expect([...langs].sort(), category).toEqual(["en", "fr"]);
    }
    expect(loaded.some((a) => a.summary !== null)).toBe(true);
  });
});
