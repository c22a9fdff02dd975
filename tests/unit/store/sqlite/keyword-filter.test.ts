import { afterAll, describe, expect, it } from "vitest";
import type { Article } from "../../../../src/domain/article.js";
import { readKeywordFilter } from "../../../../src/schedule/keyword-filter.js";
import { SqliteArticleIndex } from "../../../../src/store/sqlite/article-index.js";
import { openDatabase } from "../../../../src/store/sqlite/database.js";

/** Keyword filters: what a moderator types, read as words and phrases, matched by the FTS5 index. */

const db = openDatabase(":memory:");
const index = new SqliteArticleIndex(db);
afterAll(() => db.close());

function add(id: string, title: string, text: string, tags: string[] = []): void {
  const article: Article = {
    id,
    file: `${id}.md`,
    title,
    author: null,
    category: null,
    tags,
    lang: "en",
    date: null,
    source: null,
    summary: null,
    publishAt: null,
    sections: [{ heading: null, text }],
  };
  index.upsert(article, { file: `${id}.md`, id, mtimeMs: 1, size: 1, hash: id }, [], new Date(0));
}

add("salvador", "Bukele buys more", "El Salvador's president bought bitcoin again.");
add("etf", "ETF inflows", "Spot bitcoin ETF inflows rose while El Salvador watched.");
add("energie", "Électricité", "Le prix de l'électricité baisse au Salvador.");
add("apart", "Far apart", "El is a word here, and Salvador comes much later.");

const matching = (text: string) => {
  const reading = readKeywordFilter(text);
  if (!reading.ok) throw new Error(reading.problem);
  return ["salvador", "etf", "energie", "apart"].filter((id) => index.matches(id, reading.filter));
};

describe("reading a keyword filter", () => {
  it("GIVEN words, quoted phrases and exclusions THEN each is one part, spelled back the same way", () => {
    expect(readKeywordFilter('bitcoin  -etf "el  salvador" « prix du gaz » -“spot market”')).toEqual({
      ok: true,
      filter: { include: ["bitcoin", "el salvador", "prix du gaz"], exclude: ["etf", "spot market"] },
      text: 'bitcoin -etf "el salvador" "prix du gaz" -"spot market"',
    });
    const again = readKeywordFilter('bitcoin -etf "el salvador" "prix du gaz" -"spot market"');
    expect(again.ok && again.text).toBe('bitcoin -etf "el salvador" "prix du gaz" -"spot market"');
  });

  it("GIVEN nothing searchable, too many parts or too long THEN it says which", () => {
    expect(readKeywordFilter("- !!")).toEqual({ ok: false, problem: "noWords" });
    expect(readKeywordFilter('""')).toEqual({ ok: false, problem: "noWords" });
    expect(readKeywordFilter("a b c d e f g h i j k")).toEqual({ ok: false, problem: "tooMany" });
    expect(readKeywordFilter("x".repeat(201))).toEqual({ ok: false, problem: "tooLong" });
  });
});

describe("matching a keyword filter with the index", () => {
  it("GIVEN a phrase THEN its words must be together; an exclusion THEN it removes", () => {
    expect(matching('"el salvador"')).toEqual(["salvador", "etf"]);
    expect(matching('"el salvador" -etf')).toEqual(["salvador"]);
    expect(matching("el salvador")).toEqual(["salvador", "etf", "apart"]);
    expect(matching("-bitcoin")).toEqual(["energie", "apart"]);
  });

  it("GIVEN other case or accents THEN they match as search does", () => {
    expect(matching("ELECTRICITE")).toEqual(["energie"]);
    expect(matching("Électricité -SPOT")).toEqual(["energie"]);
  });

  it("GIVEN FTS5 or regex syntax THEN it is only words", () => {
    // As FTS5, NEAR and OR would match; as words, no article says "near" or "or".
    expect(matching("NEAR(el salvador)")).toEqual([]);
    expect(matching("salvador OR etf")).toEqual([]);
    expect(matching("salvador.* -.etf*")).toEqual(["salvador", "energie", "apart"]);
    expect(index.matches("missing", { include: [], exclude: [] })).toBe(false);
  });
});
