import { readdirSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Library } from "../../../src/content/library.js";
import { createCore } from "../../../src/core.js";
import { SqliteArticleIndex } from "../../../src/store/sqlite/article-index.js";
import { openDatabase } from "../../../src/store/sqlite/database.js";
import { recordingLogger } from "../../helpers/recording-logger.js";
import { sayToConsole } from "../../helpers/say.js";
import { markdownArticle, tempContent } from "../../helpers/temp-content.js";
import { waitFor } from "../../helpers/wait-for.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});
const FILES = 1_200;

function archive(n: number) {
  const content = tempContent();
  for (let i = 0; i < n; i++) {
    const name = `f${String(i).padStart(5, "0")}`;
    content.write(`${name}.md`, markdownArticle({ title: `Report ${i} on harbour ${name}`, body: "Text." }));
  }
  cleanups.push(() => content.remove());
  return content;
}

const present = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".md")).length;

describe("Files changed while the first load runs", () => {
  it("GIVEN the bot starting WHEN most files are deleted mid-load THEN afterwards it serves exactly the files present", async () => {
    const content = archive(FILES);
    const deleted: string[] = [];
    let loadRunning = false;
    // The library asks the time as it stores each parsed article: the first ask is mid-load, after
    // the listing and the first batch's parse. Five files in six go there and then.
    const clock = {
      now: () => {
        if (loadRunning && deleted.length === 0) {
          for (let i = 0; i < FILES; i++) {
            if (i % 6 === 0) continue;
            const name = `f${String(i).padStart(5, "0")}`;
            unlinkSync(join(content.dir, `${name}.md`));
            deleted.push(name);
          }
        }
        return new Date("2025-07-20T08:00:00Z");
      },
    };
    const logger = recordingLogger();
    loadRunning = true;
    const core = await createCore({
      contentDir: content.dir,
      databasePath: ":memory:",
      defaultLocale: "en",
      log: logger.log,
      clock,
      watch: true,
    });
    loadRunning = false;
    cleanups.push(() => void core.close());
    expect(deleted.length).toBe(1_000);
    const remaining = present(content.dir);
    expect(remaining).toBe(FILES - 1_000);

    await waitFor(() => core.library.count() === remaining, {
      what: `the library to hold ${remaining} articles (has ${core.library.count()})`,
      timeoutMs: 10_000,
    });
    await core.library.settle();
    expect(core.library.count()).toBe(remaining);
    // A file deleted before its read is gone, not broken: no "skipped" warning for it.
    expect(core.report.skipped).toEqual([]);
    const gone = deleted[0] as string;
    expect(core.library.get(gone)).toBeNull();
    const reply = await sayToConsole(core)(`/article ${gone}`);
    expect(reply.error).toBe(true);
    expect(reply.plain).toContain(`No article matches “${gone}”`);
  }, 60_000);

  it("GIVEN a library loaded and only then watched THEN what changed in between is caught up", async () => {
    const content = archive(3);
    const db = openDatabase(":memory:");
    const library = new Library(
      content.dir,
      new SqliteArticleIndex(db),
      { now: () => new Date() },
      recordingLogger().log,
    );
    cleanups.push(() => {
      library.close();
      db.close();
    });
    await library.load();
    unlinkSync(join(content.dir, "f00001.md"));
    content.write("late.md", markdownArticle({ title: "Late arrival", body: "Text." }));
    library.watch();
    await waitFor(() => library.get("late") && library.get("f00001") === null, { what: "the gap caught up" });
    expect(library.count()).toBe(3);
  });
});
