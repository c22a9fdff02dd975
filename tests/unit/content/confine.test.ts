import { realpathSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config.js";
import { LINK_OUTSIDE, LINK_REFUSED, LINK_TO_FOLDER } from "../../../src/content/confine.js";
import { Library, type LibraryOptions } from "../../../src/content/library.js";
import { readArticleFile } from "../../../src/content/read-article-file.js";
import { SqliteArticleIndex } from "../../../src/store/sqlite/article-index.js";
import { openDatabase } from "../../../src/store/sqlite/database.js";
import { recordingLogger } from "../../helpers/recording-logger.js";
import { markdownArticle, tempContent } from "../../helpers/temp-content.js";
import { waitFor } from "../../helpers/wait-for.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

/** A fake .env beside the content folder, as in the reproduction. */
const SECRET = "TELEGRAM_BOT_TOKEN=123456:leakedtokenzyx";
// A generous bound for a broken build; a passing run sees the line within milliseconds.
const LOG_WAIT = { timeoutMs: 5_000 } as const;

function setup(options: LibraryOptions = {}) {
  const content = tempContent();
  const outside = tempContent("newsdesk-outside-");
  const env = outside.write("dot-env", `${SECRET}\nDISCORD_TOKEN=abc\n`);
  const db = openDatabase(":memory:");
  const logger = recordingLogger();
  const library = new Library(
    content.dir,
    new SqliteArticleIndex(db),
    { now: () => new Date() },
    logger.log,
    options,
  );
  cleanups.push(() => {
    library.close();
    db.close();
    content.remove();
    outside.remove();
  });
  const link = (target: string, rel: string) => symlinkSync(target, join(content.dir, rel));
  /** A file written inside after a change, whose arrival shows the reload queue got that far. */
  const sentinel = async (name: string) => {
    content.write(`${name}.md`, markdownArticle({ title: `Sentinel ${name}`, body: "Here." }));
    await waitFor(() => library.get(name), { what: `${name} indexed` });
    await library.settle();
  };
  const warnedAbout = (rel: string) =>
    logger.lines.find((l) => l.level === "warn" && (l.obj as { file?: string }).file === rel);
  return { content, outside, env, library, logger, link, sentinel, warnedAbout };
}

describe("Confinement: symbolic links added while the bot runs", () => {
  it("GIVEN a watched folder WHEN a link to a file outside appears THEN it is refused with a warning naming it and never served", async () => {
    const t = setup();
    t.content.write("a.md", markdownArticle({ title: "Alpha", body: "One." }));
    await t.library.load();
    t.library.watch();
    t.link(t.env, "leak.txt");
    await waitFor(() => t.warnedAbout("leak.txt"), { what: "a warning naming leak.txt", ...LOG_WAIT });
    await t.sentinel("s1");
    expect(t.library.skipped.get("leak.txt")).toBe(LINK_REFUSED);
    expect(t.library.get("leak")).toBeNull();
    expect(t.library.search("leakedtokenzyx", 5)).toEqual([]);
    expect(t.library.resolve("leak").article).toBeNull();
    expect(t.logger.text()).not.toContain("leakedtokenzyx");
  });

  it("GIVEN a watched folder WHEN a link to a folder outside appears THEN nothing there is watched or indexed, and a warning names it", async () => {
    const t = setup();
    t.outside.write("old.md", markdownArticle({ title: "Old outside", body: "Out." }));
    t.content.write("a.md", markdownArticle({ title: "Alpha", body: "One." }));
    await t.library.load();
    t.library.watch();
    t.link(t.outside.dir, "x");
    await waitFor(() => t.warnedAbout("x"), { what: "a warning naming x", ...LOG_WAIT });
    // Written outside after the link: a watch through the link would report and index it.
    t.outside.write("later.md", markdownArticle({ title: "Later outside", body: "Out." }));
    await t.sentinel("s1");
    expect(t.library.get("later")).toBeNull();
    expect(t.library.get("old")).toBeNull();
    const root = realpathSync(t.content.dir);
    expect(t.library.watchedFolders()).toEqual([root]);
  });

  it("GIVEN a watched sub-folder WHEN it is swapped for a link outside THEN its articles go and no watch follows the link", async () => {
    const t = setup();
    t.content.write("sub/a.md", markdownArticle({ title: "Alpha", body: "One." }));
    await t.library.load();
    t.library.watch();
    await waitFor(() => t.library.watchedFolders().length === 2, { what: "sub watched" });
    rmSync(join(t.content.dir, "sub"), { recursive: true });
    t.link(t.outside.dir, "sub");
    await waitFor(() => t.warnedAbout("sub"), { what: "a warning naming sub", ...LOG_WAIT });
    t.outside.write("later.md", markdownArticle({ title: "Later outside", body: "Out." }));
    await t.sentinel("s1");
    expect(t.library.get("a")).toBeNull();
    expect(t.library.get("later")).toBeNull();
    expect(t.library.watchedFolders().every((f) => !f.startsWith(realpathSync(t.outside.dir)))).toBe(true);
  });
});

describe("Confinement: symbolic links found at start-up", () => {
  it("GIVEN links to a file and a folder outside THEN the load skips both with a warning naming each", async () => {
    const t = setup();
    t.outside.write("out.md", markdownArticle({ title: "Outside", body: "Out." }));
    t.content.write("a.md", markdownArticle({ title: "Alpha", body: "One." }));
    t.link(t.env, "leak.txt");
    t.link(t.outside.dir, "x");
    const report = await t.library.load();
    expect(report.skipped).toEqual([
      { file: "leak.txt", reason: LINK_REFUSED },
      { file: "x", reason: LINK_REFUSED },
    ]);
    expect(t.warnedAbout("leak.txt")).toBeDefined();
    expect(t.warnedAbout("x")).toBeDefined();
    expect(t.library.count()).toBe(1);
    t.library.watch();
    expect(t.library.watchedFolders()).toEqual([realpathSync(t.content.dir)]);
  });
});

describe("Confinement: CONTENT_FOLLOW_SYMLINKS=true", () => {
  it("GIVEN links inside and outside the folder THEN those to files inside are followed, the rest refused, at start and while running", async () => {
    const t = setup({ followSymlinks: true });
    const target = t.content.write("real/a.md", markdownArticle({ title: "Alpha wind", body: "One." }));
    t.link(target, "alias.md");
    t.link(t.env, "leak.txt");
    t.link(join(t.content.dir, "real"), "folder-alias");
    const report = await t.library.load();
    expect(t.library.get("alias")?.title).toBe("Alpha wind");
    expect(report.skipped).toEqual([
      { file: "folder-alias", reason: LINK_TO_FOLDER },
      { file: "leak.txt", reason: LINK_OUTSIDE },
    ]);

    t.library.watch();
    const second = t.content.write("real/b.md", markdownArticle({ title: "Bravo tide", body: "Two." }));
    t.link(second, "alias-b.md");
    t.link(t.env, "leak2.txt");
    t.link(t.outside.dir, "x");
    await waitFor(() => t.library.get("alias-b"), { what: "alias-b followed" });
    await waitFor(() => t.warnedAbout("leak2.txt") && t.warnedAbout("x"), { what: "warnings", ...LOG_WAIT });
    await t.sentinel("s1");
    expect(t.library.skipped.get("leak2.txt")).toBe(LINK_OUTSIDE);
    expect(t.library.skipped.get("x")).toBe(LINK_OUTSIDE);
    expect(t.library.search("leakedtokenzyx", 5)).toEqual([]);
    expect(t.library.watchedFolders().sort()).toEqual(
      [realpathSync(t.content.dir), realpathSync(join(t.content.dir, "real"))].sort(),
    );
  });
});

describe("readArticleFile for the library", () => {
  it("GIVEN a path that is a link WHEN links are refused THEN it is not read (O_NOFOLLOW)", async () => {
    const t = setup();
    t.link(t.env, "leak.txt");
    const outcome = await readArticleFile(join(t.content.dir, "leak.txt"), "leak.txt", undefined, {
      refuseLinks: true,
    });
    expect(outcome).toMatchObject({ ok: false, reason: LINK_REFUSED });
  });
});

describe("the CONTENT_FOLLOW_SYMLINKS setting", () => {
  it("GIVEN nothing, true or a typo THEN links are refused by default, followed on true, and a typo is named", () => {
    expect(loadConfig({}).CONTENT_FOLLOW_SYMLINKS).toBe(false);
    expect(loadConfig({ CONTENT_FOLLOW_SYMLINKS: "true" }).CONTENT_FOLLOW_SYMLINKS).toBe(true);
    expect(() => loadConfig({ CONTENT_FOLLOW_SYMLINKS: "yes" })).toThrow(/CONTENT_FOLLOW_SYMLINKS/);
  });
});
