import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REAL_CONTENT, SEED_FILE, SEED_ID, SEED_SECTIONS, SEED_TITLE } from "../../helpers/seed.js";
import { spawnBot } from "../../helpers/spawn-bot.js";

const work = mkdtempSync(join(tmpdir(), "newsdesk-console-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("console bot (spawned process, stdin in, stdout out)", () => {
  it("GIVEN no token THEN it loads the content, answers typed commands and stops cleanly on SIGTERM", async () => {
    const bot = spawnBot({ CONTENT_DIR: REAL_CONTENT, DATABASE_PATH: join(work, "a.db") });
    await bot.waitFor(/articles loaded/);
    expect(bot.stderr()).toMatch(/loaded \d+ articles/);

    bot.send("/news bitcoin");
    await bot.waitFor(new RegExp(SEED_TITLE));

    bot.send(`/article ${SEED_ID}`);
    await bot.waitFor(new RegExp(SEED_SECTIONS.at(-1) ?? ""));
    expect(bot.stdout()).toContain("2 000 mégawatts");

    bot.send("hello");
    await bot.waitFor(/Commands start with a slash/);

    bot.child.kill("SIGTERM");
    const { code } = await bot.exited;
    expect(code).toBe(0);
    // Clean: every step of the shutdown finished (no grace-period exit, no error on the way).
    expect(bot.stderr()).toMatch(/shutting down/);
    expect(bot.stderr()).not.toMatch(/took too long|error during shutdown/);
  });

  it("GIVEN a broken file in the content folder THEN the bot names it, says why, and serves the rest", async () => {
    const content = join(work, "content");
    rmSync(content, { recursive: true, force: true });
    const { mkdirSync, writeFileSync } = await import("node:fs");
    mkdirSync(content);
    copyFileSync(SEED_FILE, join(content, "seed.txt"));
    writeFileSync(join(content, "broken.md"), "---\ntitle: [unclosed\n---\nBody\n");
    const bot = spawnBot({ CONTENT_DIR: content, DATABASE_PATH: join(work, "b.db") });
    await bot.waitFor(/1 article loaded/);
    expect(bot.stderr()).toMatch(/broken\.md/);
    bot.send("/news pakistan");
    await bot.waitFor(new RegExp(SEED_TITLE));
    bot.child.kill("SIGINT");
    expect((await bot.exited).code).toBe(0);
  });

  it("GIVEN an invalid setting THEN it exits 1 with one message naming every bad key", async () => {
    const bot = spawnBot({
      CONTENT_DIR: REAL_CONTENT,
      DATABASE_PATH: join(work, "c.db"),
      DEFAULT_LOCALE: "de",
      NEWS_TIMEZONE: "Mars/Olympus",
      DIGEST_CRON: "every day",
    });
    const { code } = await bot.exited;
    expect(code).toBe(1);
    const err = bot.stderr();
    expect(err).toContain("DEFAULT_LOCALE");
    expect(err).toContain("NEWS_TIMEZONE");
    expect(err).toContain("DIGEST_CRON");
    expect(err).not.toMatch(/\n\s+at /);
  });
});
