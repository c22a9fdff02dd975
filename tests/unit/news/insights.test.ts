import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Library } from "../../../src/content/library.js";
import { articleHash } from "../../../src/domain/article.js";
import { silentLogger } from "../../../src/domain/logger.js";
import { inlineRunner } from "../../../src/news/insight-runner.js";
import { createInsights } from "../../../src/news/insights.js";
import { SqliteArticleIndex } from "../../../src/store/sqlite/article-index.js";
import { openDatabase } from "../../../src/store/sqlite/database.js";
import { SEED_FILE, SEED_ID } from "../../helpers/seed.js";
import { markdownArticle, tempContent } from "../../helpers/temp-content.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

async function loaded() {
  const content = tempContent();
  copyFileSync(SEED_FILE, join(content.dir, `${SEED_ID}.txt`));
  content.write(
    "notes/tide.md",
    markdownArticle({
      title: "Tidal power plant opens",
      body: "The plant opened on Monday. It will power 20,000 homes.\n\n## Costs\n\nIt cost 40 million euros.",
      tags: ["energy", "sea"],
      date: "2025-03-01",
    }),
  );
  const db = openDatabase(":memory:");
  const index = new SqliteArticleIndex(db);
  const library = new Library(content.dir, index, { now: () => new Date() }, silentLogger);
  await library.load();
  cleanups.push(() => {
    library.close();
    db.close();
    content.remove();
  });
  return { library, index };
}

describe("insights cached by article version", () => {
  it("GIVEN loaded articles THEN the hash the library keeps is the hash of the article read back", async () => {
    const { library } = await loaded();
    const metas = library.latest(10);
    expect(metas).toHaveLength(2);
    for (const meta of metas) {
      const article = library.get(meta.id);
      expect(article && articleHash(article)).toBe(meta.hash);
    }
  });

  it("GIVEN a summary computed once THEN cachedSummary finds it by hash, also in a new process's memory", async () => {
    const { library, index } = await loaded();
    const meta = library.latest(10).find((m) => m.id === SEED_ID);
    const article = library.get(SEED_ID);
    if (!meta?.hash || !article) throw new Error("seed not loaded");
    // The default runner: the summary is computed on the insight thread.
    const insights = createInsights(index);
    cleanups.push(() => void insights.close());
    expect(insights.cachedSummary(meta.hash, 2)).toBeNull();
    const summary = await insights.summary(article, 2);
    expect(summary.length).toBeGreaterThan(0);
    expect(insights.cachedSummary(meta.hash, 2)).toEqual(summary);
    expect(insights.cachedSummary(meta.hash, 3)).toBeNull();
    // A fresh instance (empty memory) reads it from the index.
    expect(createInsights(index, { runner: inlineRunner }).cachedSummary(meta.hash, 2)).toEqual(summary);
  });
});
