import { execFileSync } from "node:child_process";
import { copyFileSync, rmSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Library } from "../../../src/content/library.js";
import type { Clock } from "../../../src/domain/clock.js";
import type { LibraryChange } from "../../../src/domain/library.js";
import { silentLogger } from "../../../src/domain/logger.js";
import { SqliteArticleIndex } from "../../../src/store/sqlite/article-index.js";
import { openDatabase } from "../../../src/store/sqlite/database.js";
import { SEED_FILE } from "../../helpers/seed.js";
import { eventually, markdownArticle, tempContent } from "../../helpers/temp-content.js";

const SEED = SEED_FILE;
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

function setup(options: { clock?: Clock; dbPath?: string; dir?: string } = {}) {
  const content = tempContent();
  const dir = options.dir ?? content.dir;
  const db = openDatabase(options.dbPath ?? ":memory:");
  const warnings: { file?: string; reason?: string }[] = [];
  const log = { ...silentLogger, warn: (obj: object | string) => warnings.push(obj as { file?: string }) };
  const library = new Library(
    dir,
    new SqliteArticleIndex(db),
    options.clock ?? { now: () => new Date() },
    log,
  );
  const events: LibraryChange[] = [];
  library.onChange((e) => events.push(e));
  cleanups.push(() => {
    library.close();
    db.close();
    content.remove();
  });
  return { ...content, dir, db, library, warnings, events };
}

describe("Library search", () => {
  it("GIVEN the seed article THEN accent-free, apostrophe and plain queries all find it", async () => {
    const t = setup();
    copyFileSync(SEED, join(t.dir, "000_df19e6179d96e4ae.txt"));
    await t.library.load();
    for (const query of ["bitcoin", "electricite", "l'électricité", "ÉLECTRICITÉ", "Pakistan Salvador"]) {
      expect(
        t.library.search(query, 5).map((m) => m.id),
        query,
      ).toContain("000_df19e6179d96e4ae");
    }
  });

  it("GIVEN hostile or noisy queries THEN search never throws", async () => {
    const t = setup();
    copyFileSync(SEED, join(t.dir, "000_df19e6179d96e4ae.txt"));
    await t.library.load();
    const noise = "x\"'*(^):-NEAR AND OR NOT {} [] ".repeat(20).slice(0, 500);
    for (const query of [
      '"',
      "'",
      "bitcoin OR",
      "NEAR(bitcoin",
      "title:bitcoin",
      "*",
      "^bitcoin",
      noise,
      "🙂",
      "",
    ]) {
      expect(() => t.library.search(query, 5), query).not.toThrow();
    }
    expect(t.library.search("title:bitcoin", 5).map((m) => m.id)).toContain("000_df19e6179d96e4ae");
  });

  it("GIVEN several articles THEN a title match ranks above a body mention", async () => {
    const t = setup();
    t.write(
      "a.md",
      markdownArticle({
        title: "Weather report",
        body: "Rain all week. Someone mentioned solar panels once.",
      }),
    );
    t.write(
      "b.md",
      markdownArticle({ title: "Solar panels get cheaper", body: "Prices fell again this year." }),
    );
    await t.library.load();
    expect(t.library.search("solar", 5).map((m) => m.id)).toEqual(["b", "a"]);
  });

  it("GIVEN a query with stopwords THEN they do not drag in every article", async () => {
    const t = setup();
    t.write("a.md", markdownArticle({ title: "The weather", body: "The rain fell on the town." }));
    t.write("b.md", markdownArticle({ title: "Solar panels", body: "Prices fell again." }));
    t.write("c.md", markdownArticle({ title: "Le prix", body: "Le marché de l'électricité.", lang: "fr" }));
    await t.library.load();
    expect(t.library.search("the solar", 5).map((m) => m.id)).toEqual(["b"]);
    expect(t.library.search("le solar", 5).map((m) => m.id)).toEqual(["b"]);
    expect(t.library.search("the", 5).map((m) => m.id)).toEqual(["a"]);
  });

  it("GIVEN no article has every word THEN articles with some of them are returned", async () => {
    const t = setup();
    t.write("a.md", markdownArticle({ title: "Bitcoin miners move", body: "Hashrate rose." }));
    await t.library.load();
    expect(t.library.search("bitcoin unicorn", 5).map((m) => m.id)).toEqual(["a"]);
    expect(t.library.search("unicorn", 5)).toEqual([]);
  });
});

describe("Library lists", () => {
  it("GIVEN dated and undated articles THEN latest lists newest first and undated last", async () => {
    const t = setup();
    t.write("old.md", markdownArticle({ title: "Old", body: "Text here.", date: "2025-01-02" }));
    t.write("new.md", markdownArticle({ title: "New", body: "Text here.", date: "2025-07-20" }));
    t.write("none.md", markdownArticle({ title: "None", body: "Text here." }));
    await t.library.load();
    expect(t.library.latest(5).map((m) => m.id)).toEqual(["new", "old", "none"]);
    expect(t.library.latest(1).map((m) => m.id)).toEqual(["new"]);
  });

  it("GIVEN categories and tags THEN topics counts them", async () => {
    const t = setup();
    t.write(
      "a.md",
      markdownArticle({ title: "A", body: "x y z.", category: "ENERGY", tags: ["solar", "prices"] }),
    );
    t.write("b.md", markdownArticle({ title: "B", body: "x y z.", category: "ENERGY", tags: ["solar"] }));
    await t.library.load();
    const topics = t.library.topics();
    expect(topics.categories).toEqual([{ name: "ENERGY", count: 2 }]);
    expect(topics.tags).toEqual([
      { name: "solar", count: 2 },
      { name: "prices", count: 1 },
    ]);
  });

  it("GIVEN an id or words THEN resolve finds the article; nonsense gives null", async () => {
    const t = setup();
    copyFileSync(SEED, join(t.dir, "000_df19e6179d96e4ae.txt"));
    await t.library.load();
    expect(t.library.resolve("000_df19e6179d96e4ae").article?.title).toContain("Pakistan");
    expect(t.library.resolve("salvador stratégie").article?.id).toBe("000_df19e6179d96e4ae");
    expect(t.library.resolve("qwertyuiop").article).toBeNull();
  });

  it("GIVEN a title prefix THEN suggest offers matching titles", async () => {
    const t = setup();
    copyFileSync(SEED, join(t.dir, "000_df19e6179d96e4ae.txt"));
    t.write("b.md", markdownArticle({ title: "Solar panels", body: "x y z." }));
    await t.library.load();
    expect(t.library.suggest("pakis", 25)).toEqual([
      { id: "000_df19e6179d96e4ae", title: "Le Pakistan et El Salvador discutent de la stratégie Bitcoin" },
    ]);
    expect(t.library.suggest("", 25)).toHaveLength(2);
  });
});

describe("Library embargo", () => {
  it("GIVEN publish_at in the future THEN the article is hidden until that time", async () => {
    let now = new Date("2025-07-01T00:00:00Z");
    const t = setup({ clock: { now: () => now } });
    t.write(
      "e.md",
      markdownArticle({ title: "Embargoed solar", body: "Secret.", publishAt: "2025-07-02T08:00:00Z" }),
    );
    await t.library.load();
    expect(t.library.search("solar", 5)).toEqual([]);
    expect(t.library.latest(5)).toEqual([]);
    expect(t.library.get("e")).toBeNull();
    now = new Date("2025-07-02T08:00:00Z");
    expect(t.library.search("solar", 5).map((m) => m.id)).toEqual(["e"]);
    expect(t.library.get("e")?.title).toBe("Embargoed solar");
  });
});

describe("Library loading", () => {
  it("GIVEN two files with one id THEN the first is kept and the second skipped with a warning", async () => {
    const t = setup();
    t.write("a/same.md", markdownArticle({ title: "First", body: "One." }));
    t.write("b/same.md", markdownArticle({ title: "Second", body: "Two." }));
    const report = await t.library.load();
    expect(t.library.get("same")?.title).toBe("First");
    expect(report.skipped).toEqual([
      { file: "b/same.md", reason: expect.stringContaining('duplicate id "same"') },
    ]);
  });

  it("GIVEN a broken file among good ones THEN the others load and the broken one is reported", async () => {
    const t = setup();
    t.write("good.md", markdownArticle({ title: "Good", body: "Fine." }));
    t.write("empty.txt", "");
    t.write("notes.docx", "binary-ish");
    const report = await t.library.load();
    expect(t.library.count()).toBe(1);
    expect(report.skipped.map((s) => s.file).sort()).toEqual(["empty.txt", "notes.docx"]);
    expect(t.warnings.map((w) => w.file).sort()).toEqual(["empty.txt", "notes.docx"]);
  });

  it("GIVEN an unchanged folder and a kept database THEN a restart parses nothing", async () => {
    const content = tempContent();
    const dbPath = join(content.dir, ".db", "index.db");
    content.write("a.md", markdownArticle({ title: "A", body: "One." }));
    content.write("b.md", markdownArticle({ title: "B", body: "Two." }));
    const first = setup({ dir: content.dir, dbPath });
    expect((await first.library.load()).parsed).toBe(2);
    first.library.close();
    first.db.close();
    const second = setup({ dir: content.dir, dbPath });
    const report = await second.library.load();
    expect(report).toMatchObject({ parsed: 0, unchanged: 2, articles: 2 });
    expect(second.library.search("two", 5).map((m) => m.id)).toEqual(["b"]);
    cleanups.push(() => rmSync(content.dir, { recursive: true, force: true }));
  });

  it("GIVEN the first load of an empty index THEN no article is announced as added", async () => {
    const t = setup();
    t.write("a.md", markdownArticle({ title: "A", body: "One." }));
    await t.library.load();
    expect(t.events).toEqual([]);
  });
});

describe("Library hot reload", () => {
  // How fast is for the bench to say (hot reload p99, bench/README.md); here only that it happens.
  it("GIVEN a watched folder THEN added, changed and deleted files are followed", async () => {
    const t = setup();
    t.write("a.md", markdownArticle({ title: "Alpha", body: "One." }));
    await t.library.load();
    t.library.watch();

    t.write("sub/b.md", markdownArticle({ title: "Bravo wind farm", body: "Two." }));
    await eventually(() => t.library.search("bravo", 5).length === 1);
    expect(t.events).toContainEqual({ type: "added", id: "b" });

    t.write("a.md", markdownArticle({ title: "Alpha revised", body: "Tidal power." }));
    await eventually(() => t.library.search("tidal", 5).length === 1);
    expect(t.library.get("a")?.title).toBe("Alpha revised");

    unlinkSync(join(t.dir, "a.md"));
    await eventually(() => t.library.get("a") === null);
    expect(t.library.search("tidal", 5)).toEqual([]);
    expect(t.events).toContainEqual({ type: "removed", id: "a" });
  });

  it("GIVEN a FIFO appears in the watched folder THEN it is skipped unread and later files still load", async () => {
    const t = setup();
    t.write("a.md", markdownArticle({ title: "Alpha", body: "One." }));
    await t.library.load();
    t.library.watch();
    // Reading a FIFO blocks until a writer comes: the reload queue must never open one.
    execFileSync("mkfifo", [join(t.dir, "pipe.md")]);
    await eventually(() => t.library.skipped.has("pipe.md"));
    expect(t.library.skipped.get("pipe.md")).toBe("it is not a regular file");
    t.write("b.md", markdownArticle({ title: "Bravo wind farm", body: "Two." }));
    await eventually(() => t.library.search("bravo", 5).length === 1);
  });

  it("GIVEN a folder created after start THEN later edits inside it are followed too", async () => {
    const t = setup();
    t.write("a.md", markdownArticle({ title: "Alpha", body: "One." }));
    await t.library.load();
    t.library.watch();
    t.write("x/y/c.md", markdownArticle({ title: "Charlie geothermal", body: "Three." }));
    await eventually(() => t.library.search("geothermal", 5).length === 1);
    // An edit to an existing file is reported only by its own folder's watch.
    t.write("x/y/c.md", markdownArticle({ title: "Charlie hydrogen", body: "Three." }));
    await eventually(() => t.library.get("c")?.title === "Charlie hydrogen");
  });

  it("GIVEN a file that breaks THEN it stops being served and comes back when fixed", async () => {
    const t = setup();
    t.write("a.md", markdownArticle({ title: "Alpha", body: "One." }));
    await t.library.load();
    t.library.watch();
    t.write("a.md", "");
    await eventually(() => t.library.get("a") === null);
    expect(t.library.skipped.has("a.md")).toBe(true);
    t.write("a.md", markdownArticle({ title: "Alpha again", body: "One." }));
    await eventually(() => t.library.get("a")?.title === "Alpha again");
  });
});
