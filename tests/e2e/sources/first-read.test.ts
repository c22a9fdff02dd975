import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../../src/core.js";
import { announcingCore } from "../../helpers/announcing-core.js";
import { type FixtureServer, NO_EVAL_DATA, startFixtureServer } from "../../helpers/http-fixture-server.js";
import { FEED_PATH, rssFeed } from "../../helpers/rss-feed.js";
import { SEED_FILE } from "../../helpers/seed.js";
import { markdownArticle, tempContent } from "../../helpers/temp-content.js";
import { waitFor } from "../../helpers/wait-for.js";

/**
 * No flood, end to end in one process: the real sources room (file, runner, fetcher, writer) over
 * the fixture server, the real library watching the content folder, the real scheduler on a real
 * database. A new source's first read is imported and not announced (but its newest
 * `announce_first`); what a later read brings is announced once.
 */

const content = tempContent("newsdesk-first-read-");
const data = mkdtempSync(join(tmpdir(), "newsdesk-first-read-db-"));
let server: FixtureServer;
let core: Core | undefined;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await core?.close();
  await server.close();
  content.remove();
  rmSync(data, { recursive: true, force: true });
});

describe.skipIf(NO_EVAL_DATA)("a new source in a running bot", () => {
  it("GIVEN a first read THEN nothing is announced but its newest announce_first; a later item THEN announced once", async () => {
    copyFileSync(SEED_FILE, join(content.dir, "seed.txt"));
    const storms = [
      { guid: "s3", title: "Third storm", day: 15 },
      { guid: "s2", title: "Second storm", day: 14 },
      { guid: "s1", title: "First storm", day: 13 },
    ];
    server.setBody(rssFeed(storms));
    const sourcesFile = join(data, "sources.yml");
    const entries = (extra: string) => `sources:
  - url: ${server.url(FEED_PATH)}
    name: Weather
    folder: weather
    full_text: never
${extra}  - url: ${server.url("/feeds/rss-parser/content-encoded.rss")}
    name: Food
    folder: food
    full_text: never
    announce_first: 1
`;
    writeFileSync(sourcesFile, entries(""));

    const bot = await announcingCore({
      contentDir: content.dir,
      databasePath: join(data, "bot.db"),
      targets: ["console"],
      sources: { file: sourcesFile, allowPrivate: true },
    });
    core = bot.core;
    await core.scheduler?.start();
    core.sources?.start();
    const library = core.library;
    const inFolder = (folder: string) => library.latest(100).filter((m) => m.file.startsWith(`${folder}/`));
    await waitFor(() => inFolder("weather").length === 3 && inFolder("food").length === 7, {
      what: "both sources imported",
    });
    // Imported files load without a warning about their front matter.
    expect(library.skipped.size).toBe(0);

    // Announcements go out oldest first and in order: a file dropped after the import is the marker.
    content.write("marker.md", markdownArticle({ title: "Marker article", body: "Dropped by hand." }));
    const titles = () => bot.posted.map((p) => p.reply.cards[0]?.title);
    await waitFor(() => titles().includes("Marker article"), { what: "the marker's announcement" });
    const newestFood = inFolder("food").sort((a, b) => (b.date ?? "").localeCompare(a.date ?? ""))[0];
    expect(titles()).toEqual([newestFood?.title, "Marker article"]);

    // A later read: a new item, announced (the edit of the entry makes it poll at once).
    server.setBody(rssFeed([{ guid: "s4", title: "Fourth storm", day: 16 }, ...storms]));
    writeFileSync(sourcesFile, entries("    tags: [weather]\n"));
    await waitFor(() => titles().includes("Fourth storm"), { what: "the new item's announcement" });
    expect(titles()).toEqual([newestFood?.title, "Marker article", "Fourth storm"]);
    expect(inFolder("weather")).toHaveLength(4);
    expect(bot.log.lines.filter((l) => l.level === "error")).toEqual([]);
  });
});
