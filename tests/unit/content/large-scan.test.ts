import { rmSync } from "node:fs";
import { basename, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Library } from "../../../src/content/library.js";
import { ParseWorker } from "../../../src/content/parse-files.js";
import type { LibraryChange } from "../../../src/domain/library.js";
import { silentLogger } from "../../../src/domain/logger.js";
import { SqliteArticleIndex } from "../../../src/store/sqlite/article-index.js";
import { openDatabase } from "../../../src/store/sqlite/database.js";
import { markdownArticle, tempContent } from "../../helpers/temp-content.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

/** n articles, one in a hundred about a "zephyrine" turbine; one broken file among them. */
function archive(n: number) {
  const content = tempContent();
  for (let i = 0; i < n; i++) {
    const topic = i % 100 === 0 ? "zephyrine turbine" : `harbour number ${i}`;
    content.write(
      `${String(i).padStart(5, "0")}.md`,
      markdownArticle({
        title: `Report ${i} on the ${topic}`,
        body: `The council discussed the ${topic} today.`,
      }),
    );
  }
  content.write("broken.md", "---\ntitle: [unclosed\n---\nbody");
  cleanups.push(() => content.remove());
  return content;
}

function open(dbPath: string, dir: string) {
  const db = openDatabase(dbPath);
  const library = new Library(dir, new SqliteArticleIndex(db), { now: () => new Date() }, silentLogger);
  const events: LibraryChange[] = [];
  library.onChange((e) => events.push(e));
  cleanups.push(() => {
    library.close();
    db.close();
  });
  return { db, library, events };
}

describe("Library: a large scan", () => {
  it("GIVEN 6,000 files THEN they are parsed on the worker thread, in order, and all searchable", async () => {
    const content = archive(6_000);
    const { library } = open(":memory:", content.dir);
    const report = await library.load();
    expect(report.threads).toBe(2);
    expect(report.parsed).toBe(6_000);
    expect(report.skipped.map((s) => s.file)).toEqual(["broken.md"]);
    expect(library.search("zephyrine", 500)).toHaveLength(60);
    expect(library.get("00042")?.title).toBe("Report 42 on the harbour number 42");
    expect(library.suggest("zeph", 5).every((s) => s.title.includes("zephyrine"))).toBe(true);
  });

  it("GIVEN 6,000 files and parseThreads 1 THEN the same articles load on the main thread", async () => {
    const content = archive(6_000);
    const db = openDatabase(":memory:");
    const library = new Library(
      content.dir,
      new SqliteArticleIndex(db),
      { now: () => new Date() },
      silentLogger,
      {
        parseThreads: 1,
      },
    );
    cleanups.push(() => {
      library.close();
      db.close();
    });
    const report = await library.load();
    expect(report).toMatchObject({ threads: 1, parsed: 6_000 });
    expect(library.search("zephyrine", 500)).toHaveLength(60);
  });

  it("GIVEN a handful of files THEN they are parsed on the main thread", async () => {
    const content = archive(5);
    const report = await open(":memory:", content.dir).library.load();
    expect(report).toMatchObject({ threads: 1, parsed: 5 });
  });
});

describe("Migration 3: prefix index on titles only", () => {
  it("GIVEN a database indexed by version 2 THEN the next load re-indexes every file, keeps first-seen dates and announces nothing", async () => {
    const content = archive(30);
    const dbPath = join(content.dir, "..", `${basename(content.dir)}.sqlite`);
    cleanups.push(() => {
      for (const s of ["", "-wal", "-shm"]) rmSync(`${dbPath}${s}`, { force: true });
    });
    const first = openDatabase(dbPath);
    await new Library(
      content.dir,
      new SqliteArticleIndex(first),
      { now: () => new Date(0) },
      silentLogger,
    ).load();
    // Back to what version 2 left: no title index, migration 3 not applied, an insight cached
    // under the hash of that version.
    first.exec("DROP TABLE titles_fts; DELETE FROM schema_migrations WHERE version = 3");
    first.exec("INSERT INTO insights (hash, kind, value) VALUES ('old-style-hash', 'summary1', '[]')");
    first.close();

    const { db, library, events } = open(dbPath, content.dir);
    const before = db
      .prepare("SELECT count(*) FROM articles WHERE first_seen = ?")
      .pluck()
      .get(new Date(0).toISOString());
    const report = await library.load();
    expect(report.parsed).toBe(30);
    expect(events).toEqual([]);
    expect(db.prepare("SELECT count(*) FROM insights").pluck().get()).toBe(0);
    expect(
      db.prepare("SELECT count(*) FROM articles WHERE first_seen = ?").pluck().get(new Date(0).toISOString()),
    ).toBe(before);
    expect(library.search("zephyrine", 10)).toHaveLength(1);
    expect(library.suggest("zeph", 10)).toHaveLength(1);
    // The warm start after that skips every file again.
    library.close();
    const again = await new Library(
      content.dir,
      new SqliteArticleIndex(db),
      { now: () => new Date() },
      silentLogger,
    ).load();
    expect(again).toMatchObject({ parsed: 0, unchanged: 30 });
  });
});

describe("ParseWorker", () => {
  it("GIVEN a parse still waiting WHEN the worker is closed THEN the wait rejects instead of hanging", async () => {
    const worker = ParseWorker.start();
    if (!worker) throw new Error("no worker on this machine");
    const content = tempContent();
    cleanups.push(() => content.remove());
    const files = Array.from({ length: 200 }, (_, i) => ({
      abs: content.write(`${i}.md`, markdownArticle({ title: `T ${i}`, body: "Text." })),
      rel: `${i}.md`,
      size: 60,
    }));
    const pending = expect(worker.parse(files)).rejects.toThrow(/closed/);
    await worker.close();
    await pending;
    await expect(worker.parse(files)).rejects.toThrow(/closed/);
  });
});
