import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Library } from "../../../src/content/library.js";
import { silentLogger } from "../../../src/domain/logger.js";
import { suggestArticles } from "../../../src/platforms/discord/autocomplete.js";
import { SqliteArticleIndex } from "../../../src/store/sqlite/article-index.js";
import { type Db, openDatabase } from "../../../src/store/sqlite/database.js";
import { SEED_FILE, SEED_ID, SEED_TITLE } from "../../helpers/seed.js";
import { markdownArticle, tempContent } from "../../helpers/temp-content.js";

/**
 * Autocomplete runs on every keystroke of anyone in a server, with whatever they type: FTS5
 * syntax, SQL, control characters, a pasted novel. Each must answer a short list of real articles
 * (possibly empty), never throw, never match everything by accident.
 */

const content = tempContent("newsdesk-suggest-");
let db: Db;
let library: Library;
beforeAll(async () => {
  copyFileSync(SEED_FILE, join(content.dir, `${SEED_ID}.txt`));
  content.write("solar.md", markdownArticle({ title: "Solar panels on every roof", body: "Text here." }));
  content.write("quote.md", markdownArticle({ title: 'The "quoted" NEAR title', body: "Text here." }));
  db = openDatabase(":memory:");
  library = new Library(content.dir, new SqliteArticleIndex(db), { now: () => new Date() }, silentLogger);
  await library.load();
});
afterAll(() => {
  library.close();
  db.close();
  content.remove();
});

const HOSTILE = [
  '"',
  '"unclosed',
  "*",
  "pak*",
  "^pak",
  "-pak",
  "pak OR solar",
  "NOT solar",
  "NEAR(pak solar)",
  "title:pak",
  "{title}: pak",
  "'; DROP TABLE articles; --",
  "pak\u0000istan",
  "\u202Epak",
  "p\u0301a\u0308k\u0327",
  "🙂🙂🙂",
  "()[]{}<>!@#$%^&*",
  "\t\n\r",
  "   ",
  "a".repeat(10_000),
  "pak ".repeat(2_000),
];

describe("suggest with hostile input", () => {
  it.each(HOSTILE.map((typed) => [JSON.stringify(typed).slice(0, 40), typed]))(
    "GIVEN %s THEN a short list of real articles, no error",
    (_label, typed) => {
      const ids = new Set([SEED_ID, "solar", "quote"]);
      const found = library.suggest(typed, 25);
      expect(found.length).toBeLessThanOrEqual(25);
      for (const s of found) expect(ids.has(s.id)).toBe(true);
      // The Discord autocomplete built on it: at most 25 choices, each within Discord's limits.
      for (const choice of suggestArticles(library, typed)) {
        expect(ids.has(choice.value)).toBe(true);
        expect(choice.name.length).toBeGreaterThan(0);
        expect(choice.name.length).toBeLessThanOrEqual(100);
      }
    },
  );

  it("GIVEN FTS5 operators around real words THEN they are read as the words they are", () => {
    const ids = (typed: string) => library.suggest(typed, 25).map((s) => s.id);
    // Not "everything but solar", not a union, not a proximity search: the same as typed in lower case.
    expect(ids("NOT solar")).toEqual(ids("not solar"));
    expect(ids("NOT solar")).not.toContain(SEED_ID);
    expect(ids("pak OR solar")).toEqual(ids("pak or solar"));
    expect(ids("NEAR(pak solar)")).toEqual(ids("near pak solar"));
    expect(library.suggest("pak*", 25)).toEqual([{ id: SEED_ID, title: SEED_TITLE }]);
    expect(ids('"quoted')).toEqual(["quote"]);
  });
});
