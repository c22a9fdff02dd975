import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Library } from "../../../src/content/library.js";
import { SqliteArticleIndex } from "../../../src/store/sqlite/article-index.js";
import { openDatabase } from "../../../src/store/sqlite/database.js";
import { recordingLogger } from "../../helpers/recording-logger.js";
import { markdownArticle } from "../../helpers/temp-content.js";
import { waitFor } from "../../helpers/wait-for.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});
// A generous bound for a broken build; a passing run follows within a second.
const FOLLOWED = { timeoutMs: 8_000 } as const;

/** A parent folder holding `content/`, as a deploy sees it; the library is given `content`. */
function setup(contentName = "content") {
  const parent = mkdtempSync(join(tmpdir(), "newsdesk-parent-"));
  const dir = join(parent, contentName);
  const db = openDatabase(":memory:");
  const logger = recordingLogger();
  const library = new Library(dir, new SqliteArticleIndex(db), { now: () => new Date() }, logger.log);
  cleanups.push(() => {
    library.close();
    db.close();
    rmSync(parent, { recursive: true, force: true });
  });
  const write = (folder: string, name: string, title: string) => {
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${name}.md`), markdownArticle({ title, body: `${title}.` }));
  };
  return { parent, dir, library, logger, write };
}

describe("The content folder replaced while the bot runs", () => {
  it("GIVEN mv content old && mkdir content && cp old/* content/ THEN new files are indexed, the old folder is no longer followed, and it is logged", async () => {
    const t = setup();
    t.write(t.dir, "a", "Alpha");
    await t.library.load();
    t.library.watch();

    const old = join(t.parent, "old");
    renameSync(t.dir, old);
    // Gone: what was loaded stays served until a folder comes back.
    await t.logger.waitForLine(/the content folder is gone/, FOLLOWED.timeoutMs);
    expect(t.library.get("a")?.title).toBe("Alpha");

    mkdirSync(t.dir);
    cpSync(old, t.dir, { recursive: true });
    t.write(t.dir, "b", "Bravo");
    await waitFor(() => t.library.get("b"), { what: "b indexed", ...FOLLOWED });
    await t.logger.waitForLine(/the content folder was replaced; following the new one/);

    // Edits go to the new folder's files; the old folder is not ours any more.
    t.write(old, "ghost", "Ghost");
    t.write(t.dir, "a", "Alpha revised");
    await waitFor(() => t.library.get("a")?.title === "Alpha revised", { what: "a edited", ...FOLLOWED });
    await t.library.settle();
    expect(t.library.get("ghost")).toBeNull();
    expect(t.library.count()).toBe(2);
  });

  it("GIVEN the folder deleted and re-created at once (its inode number reused) THEN the new one is followed", async () => {
    const t = setup();
    t.write(t.dir, "a", "Alpha");
    await t.library.load();
    t.library.watch();
    rmSync(t.dir, { recursive: true });
    mkdirSync(t.dir);
    t.write(t.dir, "c", "Charlie");
    await waitFor(() => t.library.get("c"), { what: "c indexed", ...FOLLOWED });
    // The re-scan of the new folder drops what it no longer holds.
    await waitFor(() => t.library.get("a") === null, { what: "a dropped", ...FOLLOWED });
    t.write(join(t.dir, "sub"), "d", "Delta");
    await waitFor(() => t.library.get("d"), { what: "d indexed in a new sub-folder", ...FOLLOWED });
  });

  it("GIVEN content is a link to a release WHEN the link is switched to the next release THEN the next release is served", async () => {
    const t = setup("current");
    const one = join(t.parent, "releases", "1");
    const two = join(t.parent, "releases", "2");
    t.write(one, "a", "Alpha");
    t.write(one, "old-only", "Old only");
    t.write(two, "a", "Alpha two");
    t.write(two, "new-only", "New only");
    symlinkSync(one, t.dir);
    await t.library.load();
    t.library.watch();
    expect(t.library.get("old-only")).not.toBeNull();

    // As `ln -sfn` does: a new link, renamed over the old one.
    symlinkSync(two, join(t.parent, "current.tmp"));
    renameSync(join(t.parent, "current.tmp"), t.dir);
    await waitFor(() => t.library.get("new-only"), { what: "release 2 indexed", ...FOLLOWED });
    await waitFor(() => t.library.get("old-only") === null, { what: "release 1 dropped", ...FOLLOWED });
    expect(t.library.get("a")?.title).toBe("Alpha two");
  });
});
