import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_FILE } from "../../helpers/seed.js";
import { spawnBot } from "../../helpers/spawn-bot.js";
import { markdownArticle, tempContent } from "../../helpers/temp-content.js";
import { fakeBotApi } from "./fake-bot-api.js";

/**
 * `npm start` (src/main.ts) as a real process, posting to a fake Telegram Bot API that takes 8 s
 * to answer one announcement. SIGTERM arrives while that send is out: the bot must wait for the
 * answer, mark the delivery done and exit 0, so that the next start does not post it again
 * (issue 11, defect 7: with a 2 s scheduler stop it was posted twice). ADR 0065.
 */

const TOKEN = `123456789:${"A".repeat(35)}`;
const CHAT = "-1001";
/** The reproduction: an 8 s send, longer than the old 2 s stop and 4.5 s grace. */
const SLOW_SEND_MS = 8_000;

let api: Awaited<ReturnType<typeof fakeBotApi>>;
const content = tempContent("newsdesk-slow-send-");
const data = mkdtempSync(join(tmpdir(), "newsdesk-slow-send-db-"));
beforeAll(async () => {
  api = await fakeBotApi();
  copyFileSync(SEED_FILE, join(content.dir, "seed.txt"));
});
afterAll(async () => {
  await api.close();
  content.remove();
  rmSync(data, { recursive: true, force: true });
});

function startBot() {
  return spawnBot({
    CONTENT_DIR: content.dir,
    DATABASE_PATH: join(data, "bot.db"),
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: api.url,
    ANNOUNCE_TARGETS: `telegram:${CHAT}`,
  });
}

describe("SIGTERM during a slow Telegram send", () => {
  it("GIVEN an 8 s send in flight at SIGTERM THEN the bot waits for it, exits 0, and the restart does not post it again", async () => {
    const first = startBot();
    await first.waitFor(/scheduler running/, "stderr");
    let stopped = false;
    void first.exited.then(() => {
      stopped = true;
    });
    // The platform posts the message at once and answers 8 s later (or never, if the bot is gone).
    api.holdWith((posted) =>
      posted.text.includes("Slow send") ? waitUntil(() => stopped, SLOW_SEND_MS) : null,
    );
    content.write("slow.md", markdownArticle({ title: "Slow send", body: "Announced once." }));
    await api.waitForPost(CHAT, "Slow send");
    first.child.kill("SIGTERM");
    const { code } = await first.exited;
    expect(code, first.stderr()).toBe(0);
    expect(first.stderr()).not.toMatch(/took too long|still in flight/);

    api.holdWith(() => null);
    const second = startBot();
    await second.waitFor(/scheduler running/, "stderr");
    // A later announcement to the same chat: a resumed copy would be claimed at start and queued
    // ahead of it in the chat's send order, so once this one is in, the count is final.
    content.write("marker.md", markdownArticle({ title: "Marker after restart", body: "Later." }));
    await api.waitForPost(CHAT, "Marker after restart");
    second.child.kill("SIGTERM");
    expect((await second.exited).code, second.stderr()).toBe(0);

    expect(api.copies(CHAT, "Slow send")).toHaveLength(1);
    expect(api.posted.map((p) => /Slow send|Marker after restart/.exec(p.text)?.[0])).toEqual([
      "Slow send",
      "Marker after restart",
    ]);
  }, 90_000);
});

/** Resolves after `ms`, or as soon as `done()` turns true (the bot exited: nobody to answer). */
function waitUntil(done: () => boolean, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const started = Date.now();
    const tick = setInterval(() => {
      if (done() || Date.now() - started >= ms) {
        clearInterval(tick);
        resolve();
      }
    }, 20);
  });
}
