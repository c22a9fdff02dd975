import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Core, createCore } from "../../../src/core.js";
import type { Publisher } from "../../../src/domain/publisher.js";
import type { Reply } from "../../../src/domain/reply.js";
import { PublisherRegistry } from "../../../src/schedule/publisher-registry.js";
import { type FixtureServer, NO_EVAL_DATA, startFixtureServer } from "../../helpers/http-fixture-server.js";
import { recordingLogger } from "../../helpers/recording-logger.js";
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

function feed(items: { guid: string; title: string; day: number }[]): string {
  const xml = items
    .map(
      (i) =>
        `<item><title>${i.title}</title><link>https://news.example/${i.guid}</link><guid>${i.guid}</guid>` +
        `<pubDate>${new Date(Date.UTC(2025, 6, i.day, 8)).toUTCString()}</pubDate>` +
        `<description>${i.title}. The whole story in a few words.</description></item>`,
    )
    .join("");
  return `<rss version="2.0"><channel><title>Weather</title>${xml}</channel></rss>`;
}

describe.skipIf(NO_EVAL_DATA)("a new source in a running bot", () => {
  it("GIVEN a first read THEN nothing is announced but its newest announce_first; a later item THEN announced once", async () => {
    copyFileSync(SEED_FILE, join(content.dir, "seed.txt"));
    const storms = [
      { guid: "s3", title: "Third storm", day: 15 },
      { guid: "s2", title: "Second storm", day: 14 },
      { guid: "s1", title: "First storm", day: 13 },
    ];
    server.setBody(feed(storms));
    const sourcesFile = join(data, "sources.yml");
    const entries = (extra: string) => `sources:
  - url: ${server.url("/bytes?type=application/rss%2Bxml")}
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

    const posted: Reply[] = [];
    const recorder: Publisher = {
      platform: "console",
      publish: async (_target, reply) => {
        posted.push(reply);
        return { messageId: String(posted.length) };
      },
    };
    const rec = recordingLogger();
    core = await createCore({
      contentDir: content.dir,
      databasePath: join(data, "bot.db"),
      defaultLocale: "en",
      log: rec.log,
      watch: true,
      schedule: {
        digestCron: null,
        timeZone: "UTC",
        targets: ["console"],
        catchUp: "latest",
        publishers: new PublisherRegistry([recorder]),
      },
      sources: { file: sourcesFile, allowPrivate: true },
    });
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
    const titles = () => posted.map((p) => p.cards[0]?.title);
    await waitFor(() => titles().includes("Marker article"), { what: "the marker's announcement" });
    const newestFood = inFolder("food").sort((a, b) => (b.date ?? "").localeCompare(a.date ?? ""))[0];
    expect(titles()).toEqual([newestFood?.title, "Marker article"]);

    // A later read: a new item, announced (the edit of the entry makes it poll at once).
    server.setBody(feed([{ guid: "s4", title: "Fourth storm", day: 16 }, ...storms]));
    writeFileSync(sourcesFile, entries("    tags: [weather]\n"));
    await waitFor(() => titles().includes("Fourth storm"), { what: "the new item's announcement" });
    expect(titles()).toEqual([newestFood?.title, "Marker article", "Fourth storm"]);
    expect(inFolder("weather")).toHaveLength(4);
    expect(rec.lines.filter((l) => l.level === "error")).toEqual([]);
  });
});
