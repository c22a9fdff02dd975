import { describe, expect, it } from "vitest";
import type { Article } from "../../../../src/domain/article.js";
import { RANK_WINDOW, SqliteArticleIndex } from "../../../../src/store/sqlite/article-index.js";
import { openDatabase } from "../../../../src/store/sqlite/database.js";

function article(id: string, title: string, text: string): Article {
  return {
    id,
    title,
    author: null,
    category: null,
    tags: [],
    lang: "en",
    date: null,
    sections: [{ heading: null, text }],
    source: null,
    file: `${id}.md`,
    summary: null,
    publishAt: null,
  };
}

/** Article 0 is the oldest and the best match for "harbour" and "lighthouse" (both in its title). */
function index(): SqliteArticleIndex {
  const idx = new SqliteArticleIndex(openDatabase(":memory:"));
  const now = new Date();
  const add = (a: Article) =>
    idx.upsert(a, { file: a.file, id: a.id, mtimeMs: 1, size: 1, hash: a.id }, [], now);
  idx.batch(() => {
    add(article("a0", "Harbour lighthouse harbour", "The harbour lighthouse reopened."));
    for (let i = 1; i <= RANK_WINDOW + 100; i++) {
      const title = i === RANK_WINDOW ? "Harbour works" : `Council meeting ${i}`;
      add(
        article(
          `a${i}`,
          title,
          `The council spoke about the harbour ${i}.${i % 50 === 0 ? " A lighthouse too." : ""}`,
        ),
      );
    }
  });
  return idx;
}

describe("SqliteArticleIndex ranking window", () => {
  const visible = () => true;

  it("GIVEN a word in more articles than the window THEN bm25 ranks the newest window only", () => {
    const idx = index();
    const ids = idx.search("harbour", 5, visible);
    expect(ids).toHaveLength(5);
    // The newest title match leads; the oldest article, outside the window, is not ranked.
    expect(ids[0]).toBe(RANK_WINDOW + 1);
    expect(ids).not.toContain(1);
  });

  it("GIVEN a word in fewer articles than the window THEN every match is ranked, oldest included", () => {
    const idx = index();
    expect(idx.search("lighthouse", 5, visible)[0]).toBe(1);
  });
});
