import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.js";
import { Library } from "../../../src/content/library.js";
import type { InsightCache } from "../../../src/domain/insights.js";
import { makeContext } from "../../../src/framework/context.js";
import { renderPlain } from "../../../src/framework/reply.js";
import { registry, runCommand } from "../../../src/framework/run-command.js";
import { inlineRunner } from "../../../src/news/insight-runner.js";
import { createInsights } from "../../../src/news/insights.js";
import { SqliteArticleIndex } from "../../../src/store/sqlite/article-index.js";
import { openDatabase } from "../../../src/store/sqlite/database.js";
import { recordingLogger } from "../../helpers/recording-logger.js";
import { SEED_FILE, SEED_ID, SEED_TITLE } from "../../helpers/seed.js";
import { tempContent } from "../../helpers/temp-content.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

/** The seed article loaded into a real index whose database may not grow by one more page. */
async function fullDisk() {
  const content = tempContent();
  copyFileSync(SEED_FILE, join(content.dir, `${SEED_ID}.txt`));
  const db = openDatabase(":memory:");
  const index = new SqliteArticleIndex(db);
  const library = new Library(content.dir, index, { now: () => new Date() }, recordingLogger().log);
  await library.load();
  cleanups.push(() => {
    library.close();
    db.close();
    content.remove();
  });
  // What a full disk does to SQLite: the next page it needs cannot be had (SQLITE_FULL).
  const pages = Number(db.pragma("page_count", { simple: true }));
  db.pragma(`max_page_count = ${pages}`);
  return { library, index };
}

function ask(services: Parameters<typeof makeContext>[0]["services"], command: string, args = {}) {
  const ctx = makeContext({
    locale: "en",
    user: { id: "u1", name: "Ana" },
    channel: { platform: "console", id: "console" },
    isModerator: async () => false,
    textLimit: 4000,
    services,
  });
  return runCommand(registry(commands), { command, args }, ctx).then(renderPlain);
}

describe("a full disk costs the insight cache, never the answer", () => {
  it("GIVEN a database that cannot grow THEN /facts and /news still answer, and the log says so once", async () => {
    const { library, index } = await fullDisk();
    const log = recordingLogger();
    const insights = createInsights(index, { runner: inlineRunner, log: log.log });
    const services = { library, insights, clock: { now: () => new Date() }, log: log.log };

    const facts = await ask(services, "facts", { article: SEED_ID });
    expect(facts).toContain("Pakistan");
    expect(facts).not.toMatch(/went wrong/);
    const news = await ask(services, "news", { query: "bitcoin" });
    expect(news).toContain(SEED_TITLE);
    expect(news).not.toMatch(/went wrong/);

    const warnings = log.lines.filter((l) => /could not write the cache/.test(l.msg ?? ""));
    expect(warnings).toHaveLength(1);
    expect(JSON.stringify(warnings[0]?.obj)).toContain("SQLITE_FULL");
    // Not stored, but remembered in memory: asked again, the answer is the same.
    expect(await ask(services, "facts", { article: SEED_ID })).toBe(facts);
  });

  it("GIVEN a cache whose reads fail too THEN the insight is computed anyway", async () => {
    const broken: InsightCache = {
      cachedInsight: () => {
        throw Object.assign(new Error("disk I/O error"), { code: "SQLITE_IOERR" });
      },
      storeInsight: () => {
        throw Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" });
      },
    };
    const log = recordingLogger();
    const insights = createInsights(broken, { runner: inlineRunner, log: log.log });
    const article = {
      id: "a",
      title: "Tidal plant opens",
      author: null,
      category: null,
      tags: [],
      lang: "en",
      date: "2025-03-01",
      sections: [{ heading: null, text: "The plant opened in Brest on Monday. It will power 20,000 homes." }],
      source: null,
      file: "a.md",
      summary: null,
      publishAt: null,
    };
    expect((await insights.facts(article))?.map((f) => f.text)).toContain("Brest");
    expect(await insights.summary(article, 1)).toHaveLength(1);
    expect(log.lines.map((l) => l.msg).filter((m) => /could not (read|write)/.test(m ?? ""))).toHaveLength(2);
  });
});
