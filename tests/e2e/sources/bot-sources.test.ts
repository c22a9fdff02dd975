import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixtureServer, startFixtureServer } from "../../helpers/http-fixture-server.js";
import { FEED_PATH, rssFeed } from "../../helpers/rss-feed.js";
import { spawnBot } from "../../helpers/spawn-bot.js";
import { waitFor } from "../../helpers/wait-for.js";

/**
 * The bot as `npm start` runs it, with a sources file pointing at the fixture server
 * (FETCH_ALLOW_PRIVATE=true, since it is on 127.0.0.1): the feed is imported on the first read
 * without a post, and an item that appears later is announced on the console.
 */

const work = mkdtempSync(join(tmpdir(), "newsdesk-bot-sources-"));
let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

describe("the bot with a sources file", () => {
  it("GIVEN a feed THEN its first read is imported silently, and a new item is announced on the console", async () => {
    const content = join(work, "content");
    mkdirSync(content);
    const sourcesFile = join(work, "sources.yml");
    const entry = (extra = "") =>
      `sources:\n  - url: ${server.url(FEED_PATH)}\n    name: Coast\n    full_text: never\n${extra}`;
    const harbour = { guid: "harbour", title: "Harbour reopens", day: 20 };
    const ferry = { guid: "ferry", title: "Ferry delayed", day: 19 };
    server.setBody(rssFeed([harbour, ferry]));
    writeFileSync(sourcesFile, entry());
    const bot = spawnBot({
      CONTENT_DIR: content,
      DATABASE_PATH: join(work, "bot.db"),
      SOURCES_FILE: sourcesFile,
      FETCH_ALLOW_PRIVATE: "true",
      ANNOUNCE_TARGETS: "console",
    });
    try {
      await bot.waitFor(/source read: 2 new article/, "stderr");
      expect(readdirSync(join(content, "coast")).sort()).toEqual([
        "2025-07-19-ferry-delayed.md",
        "2025-07-20-harbour-reopens.md",
      ]);
      // Searchable once the library has loaded them (it follows the folder within moments).
      await waitFor(
        () => {
          bot.send("/news harbour");
          return /Results for[\s\S]*Harbour reopens/.test(bot.stdout());
        },
        { what: "the imported article found by /news", intervalMs: 300 },
      );

      // A new item, and the entry edited (an edited source is polled at once).
      server.setBody(rssFeed([{ guid: "lighthouse", title: "Lighthouse relit", day: 21 }, harbour, ferry]));
      writeFileSync(sourcesFile, entry("    tags: [coast]\n"));
      await bot.waitFor(/--- post #1 ---[\s\S]*Lighthouse relit/);
      expect(bot.stdout()).not.toMatch(/--- post #2 ---/);
      expect(bot.stdout().split("--- post #1 ---")[1]).not.toMatch(/Harbour reopens|Ferry delayed/);
    } finally {
      bot.child.kill("SIGTERM");
    }
    const { code } = await bot.exited;
    expect(code).toBe(0);
    expect(bot.stderr()).not.toMatch(/"level":50|took too long/);
  });
});
