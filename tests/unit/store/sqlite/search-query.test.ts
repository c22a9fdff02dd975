import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Library } from "../../../../src/content/library.js";
import { silentLogger } from "../../../../src/domain/logger.js";
import { SqliteArticleIndex } from "../../../../src/store/sqlite/article-index.js";
import { type Db, openDatabase } from "../../../../src/store/sqlite/database.js";
import { buildFtsQuery, normalizeQuery, searchTerms } from "../../../../src/store/sqlite/search-query.js";
import { REAL_CONTENT } from "../../../helpers/seed.js";

/** "bitcoin" as zalgo text: every letter carries overlays and marks above and below. */
const ZALGO_BITCOIN = "b\u0337\u0322\u034ei\u0338t\u0335c\u0336o\u0337i\u0334n\u0337";
const TEN_THOUSAND_MARKS = Array.from({ length: 10_000 }, (_, i) =>
  String.fromCharCode(0x300 + (i % 0x70)),
).join("");

describe("normalizeQuery", () => {
  it("GIVEN zalgo, fullwidth letters, a ligature, zero-width spaces THEN the plain words", () => {
    expect(normalizeQuery(ZALGO_BITCOIN)).toBe("bitcoin");
    expect(normalizeQuery("ｂｉｔｃｏｉｎ")).toBe("bitcoin");
    expect(normalizeQuery("ﬁnance")).toBe("finance");
    expect(normalizeQuery("bit\u200bcoin")).toBe("bitcoin");
  });

  it("GIVEN letters of other scripts with their own marks THEN they are kept", () => {
    // Composed letters stay composed (the index folds Latin accents itself); script marks stay.
    expect(normalizeQuery("électricité")).toBe("électricité");
    expect(normalizeQuery("e\u0301lectricite\u0301")).toBe("électricité");
    expect(normalizeQuery("йогурт")).toBe("йогурт");
    expect(normalizeQuery("हिन्दी")).toBe("हिन्दी");
  });

  it("GIVEN 10,000 combining marks THEN the run is cut before normalising and nothing is searched", () => {
    const devanagariMarks = "\u093f\u0947\u094d".repeat(3_400);
    expect([...normalizeQuery(`क${devanagariMarks}`)].length).toBeLessThanOrEqual(5);
    expect(normalizeQuery(`b${TEN_THOUSAND_MARKS}`)).toBe("b");
    expect(buildFtsQuery(TEN_THOUSAND_MARKS)).toBeNull();
    expect(searchTerms(`${TEN_THOUSAND_MARKS} bitcoin ${TEN_THOUSAND_MARKS}`)).toEqual(["bitcoin"]);
  });
});

describe("search over the shipped articles", () => {
  let db: Db;
  let library: Library;
  beforeAll(async () => {
    db = openDatabase(":memory:");
    library = new Library(REAL_CONTENT, new SqliteArticleIndex(db), { now: () => new Date() }, silentLogger);
    await library.load();
  });
  afterAll(() => {
    library.close();
    db.close();
  });

  it("GIVEN a zalgo 'bitcoin' THEN the same articles as 'bitcoin'", () => {
    const plain = library.search("bitcoin", 20).map((m) => m.id);
    expect(plain.length).toBeGreaterThan(2);
    expect(library.search(ZALGO_BITCOIN, 20).map((m) => m.id)).toEqual(plain);
    expect(library.search(`ｂｉｔｃｏｉｎ ${ZALGO_BITCOIN}`, 20).map((m) => m.id)).toEqual(plain);
  });

  it("GIVEN a zalgo prefix THEN autocomplete suggests the bitcoin titles", () => {
    const titles = library.suggest(ZALGO_BITCOIN.slice(0, 9), 5).map((s) => s.title);
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(title.toLowerCase()).toContain("bitc");
  });

  it("GIVEN 10,000 combining marks as a query or around a word THEN search answers (nothing, or the word's articles)", () => {
    expect(library.search(TEN_THOUSAND_MARKS, 5)).toEqual([]);
    expect(library.suggest(TEN_THOUSAND_MARKS, 5)).toEqual([]);
    expect(library.search(`bitcoin${TEN_THOUSAND_MARKS}`, 20).map((m) => m.id)).toEqual(
      library.search("bitcoin", 20).map((m) => m.id),
    );
  });
});
