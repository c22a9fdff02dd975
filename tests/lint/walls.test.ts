import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/seed.js";
import { checkFile, checkWalls, formatCrossing, sourceFiles } from "./walls.js";

const FIXTURE = join(ROOT, "tests/fixtures/walls");

/** The crossings of one file of `text` at `path`, as printed. */
const crossings = (path: string, text: string): string[] => checkFile({ path, text }).map(formatCrossing);

describe("the wall check (npm run lint)", () => {
  it("GIVEN a planted crossing beside an allowed import THEN only the crossing is refused, naming the file, the import and the rule", () => {
    const found = checkWalls(sourceFiles(FIXTURE)).map(formatCrossing);
    expect(found).toEqual([
      'src/content/planted-crossing.ts:2 imports "../store/sqlite/database.js": content may not import store/sqlite. content may import: domain (content reads article files and imports only the domain)',
    ]);
  });

  it("GIVEN the planted crossing THEN the command npm run lint runs exits 1 and says it", () => {
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "tests/lint/house-rules.ts", "--root", FIXTURE],
      {
        cwd: ROOT,
        encoding: "utf8",
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('src/content/planted-crossing.ts:2 imports "../store/sqlite/database.js"');
    expect(run.stderr).not.toContain("allowed-import");
  });

  it("GIVEN this project THEN every file of src/ and commands/ is inside a wall and nothing crosses one", () => {
    expect(checkWalls(sourceFiles(ROOT)).map(formatCrossing)).toEqual([]);
  });
});

describe("the arrows", () => {
  // [importing file, import, null when allowed or a piece of the refusal]
  const cases: [string, string, string | null][] = [
    // content and news: the domain only, at any depth of their folders.
    ["src/content/parse-front-matter.ts", "../news/detect-language.js", "content may not import news"],
    ["src/content/library.ts", "../store/sqlite/database.js", "content may not import store/sqlite"],
    ["src/content/library.ts", "../domain/article.js", null],
    ["src/news/facts/dates.ts", "../../domain/fact.js", null],
    ["src/news/facts/dates.ts", "../stopwords.js", null],
    ["src/news/facts/dates.ts", "../../framework/format-time.js", "news may not import framework"],
    // commands: framework, domain, news.
    ["commands/news.ts", "../src/news/summarize.js", null],
    ["commands/news.ts", "./present.js", null],
    ["commands/schedule.ts", "../src/schedule/parse-when.js", "commands may not import schedule"],
    ["commands/news.ts", "../src/store/sqlite/database.js", "commands may not import store/sqlite"],
    ["commands/news.ts", "../src/platforms/console/console-session.js", "may not import platforms/console"],
    // platforms: framework and domain, their own library, never each other.
    ["src/platforms/discord/publish.ts", "../../framework/reply.js", null],
    ["src/platforms/discord/publish.ts", "discord.js", null],
    ["src/platforms/discord/publish.ts", "@discordjs/ws", null],
    ["src/platforms/discord/publish.ts", "../telegram/render-html.js", "may not import platforms/telegram"],
    ["src/platforms/discord/publish.ts", "telegraf", "telegraf belongs to platforms/telegram alone"],
    ["src/platforms/telegram/keyboard.ts", "discord.js", "discord.js belongs to platforms/discord alone"],
    ["src/platforms/discord/deploy.ts", "../../config.js", "may not import config"],
    ["src/platforms/discord/deploy.ts", "../../../commands/index.js", "may not import commands"],
    // the scheduler: the domain's ports and the framework.
    ["src/schedule/planner.ts", "../framework/format-time.js", null],
    [
      "src/schedule/planner.ts",
      "../store/sqlite/scheduling-store.js",
      "schedule may not import store/sqlite",
    ],
    // store engines: the domain and their own database library; nothing of each other.
    ["src/store/sqlite/search-query.ts", "../../news/stopwords.js", "store/sqlite may not import news"],
    ["src/store/sqlite/database.ts", "better-sqlite3", null],
    ["src/store/postgres/pool.ts", "pg", null],
    [
      "src/store/postgres/search.ts",
      "../sqlite/search-query.js",
      "store/postgres may not import store/sqlite",
    ],
    ["src/store/sqlite/database.ts", "pg", "pg belongs to store/postgres alone"],
    // sources: domain, news, content's parsing; never the library's runtime, a platform or the scheduler.
    ["src/sources/write-article.ts", "../content/detect-language.js", null],
    ["src/sources/write-article.ts", "../content/read-article-file.js", null],
    ["src/sources/write-article.ts", "../content/library.js", "only content's parsing and file helpers"],
    ["src/sources/write-article.ts", "../content/watch-folder.js", "only content's parsing and file helpers"],
    ["src/sources/poll.ts", "../platforms/discord/publish.js", "sources may not import platforms/discord"],
    ["src/sources/poll.ts", "../schedule/scheduler.js", "sources may not import schedule"],
    // web: domain, framework, and a platform's preview renderer only.
    ["src/web/pages/articles.ts", "../../platforms/discord/render-embeds.js", null],
    ["src/web/pages/articles.ts", "../../platforms/telegram/render-html.js", null],
    ["src/web/pages/articles.ts", "../../platforms/discord/client.js", "only a platform's preview renderer"],
    ["src/web/pages/articles.ts", "../../store/sqlite/database.js", "web may not import store/sqlite"],
    ["src/web/pages/articles.ts", "better-sqlite3", "better-sqlite3 belongs to store/sqlite alone"],
    // the domain: nothing of the project, no package.
    ["src/domain/article.ts", "node:crypto", null],
    ["src/domain/article.ts", "./locale.js", null],
    ["src/domain/article.ts", "franc-min", "domain imports no package"],
    ["src/domain/article.ts", "../news/tokenize.js", "domain may not import news"],
    // wiring and entries.
    ["src/main.ts", "./platforms/discord/index.js", null],
    ["src/main.ts", "./store/sqlite/database.js", null],
    ["src/main.ts", "discord.js", "discord.js belongs to platforms/discord alone"],
    ["src/core.ts", "./main.js", "main is an entry script"],
    ["src/deploy-discord.ts", "./config.js", null],
    ["src/config.ts", "dotenv", null],
    ["src/config.ts", "./schedule/time-zone.js", null],
    ["src/framework/words.ts", "dotenv", "dotenv belongs to config alone"],
    ["src/framework/words.ts", "../config.js", "framework may not import config"],
    // outside the walls: tests, or a part nobody gave arrows to.
    ["src/content/library.ts", "../../tests/helpers/seed.js", "outside every part"],
  ];

  it.each(cases)("GIVEN %s importing %s", (file, specifier, refusal) => {
    const found = crossings(file, `import { x } from "${specifier}";\n`);
    if (refusal === null) expect(found).toEqual([]);
    else expect(found).toEqual([expect.stringContaining(refusal)]);
  });

  it("GIVEN every form of import THEN each is judged: type-only, re-export, dynamic, require, side effect", () => {
    const text = [
      'import type { Db } from "../store/sqlite/database.js";',
      'export { openDatabase } from "../store/sqlite/database.js";',
      'const later = () => import("../store/sqlite/database.js");',
      'const db = require("../store/sqlite/database.js");',
      'import "../store/sqlite/database.js";',
    ].join("\n");
    expect(checkFile({ path: "src/content/x.ts", text }).map((c) => c.line)).toEqual([1, 2, 3, 4, 5]);
  });

  it("GIVEN an import written in a comment or a string THEN it is no import", () => {
    const text = [
      '// import "../store/sqlite/database.js";',
      '/* export * from "../news/summarize.js"; */',
      "const example = 'import { x } from \"../framework/reply.js\"';",
    ].join("\n");
    expect(crossings("src/content/x.ts", text)).toEqual([]);
  });

  it("GIVEN a new folder or top-level file of src/ without a rule THEN it is refused until it gets arrows", () => {
    expect(crossings("src/widgets/button.ts", "export const x = 1;\n")).toEqual([
      expect.stringContaining("no wall covers this file"),
    ]);
    expect(crossings("src/helpers.ts", "export const x = 1;\n")).toEqual([
      expect.stringContaining("no wall covers this file"),
    ]);
  });
});
