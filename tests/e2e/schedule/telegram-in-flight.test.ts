import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_FILE } from "../../helpers/seed.js";
import { spawnBot } from "../../helpers/spawn-bot.js";
import { markdownArticle, tempContent } from "../../helpers/temp-content.js";
import { waitFor } from "../../helpers/wait-for.js";
import { fakeBotApi } from "./fake-bot-api.js";

/**
 * `npm start` (src/main.ts) as a real process, announcing new files to a fake Telegram Bot API
 * that holds its answer to one post: the post is in the chat, the bot does not know it yet.
 * - SIGTERM then (an 8 s send): the bot waits for the answer, marks the delivery done, exits 0,
 *   and the restart does not post it again (issue 11, defect 7; ADR 65).
 * - SIGKILL then: the restart posts it again, and that is the whole of Telegram's duplicate
 *   window: exactly two copies of that post, one of everything else (README, ADR 66).
 * After each restart a later announcement to the same chat is the marker: a resumed copy is
 * claimed at start and queued ahead of it in the chat's order, so once it is in, counts are final.
 */

const TOKEN = `123456789:${"A".repeat(35)}`;
const CHAT = "-1001";
/** The reproduction: an 8 s send, longer than the old 2 s stop and 4.5 s grace. */
const SLOW_SEND_MS = 8_000;

let api: Awaited<ReturnType<typeof fakeBotApi>>;
const dirs: { remove(): void }[] = [];
beforeAll(async () => {
  api = await fakeBotApi();
});
afterAll(async () => {
  await api.close();
  for (const dir of dirs) dir.remove();
});

/** A content folder with the seed article and a database of its own, to start bots on. */
function site(chat: string) {
  const content = tempContent("newsdesk-in-flight-");
  const data = mkdtempSync(join(tmpdir(), "newsdesk-in-flight-db-"));
  dirs.push(content, { remove: () => rmSync(data, { recursive: true, force: true }) });
  copyFileSync(SEED_FILE, join(content.dir, "seed.txt"));
  const env = {
    CONTENT_DIR: content.dir,
    DATABASE_PATH: join(data, "bot.db"),
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: api.url,
    ANNOUNCE_TARGETS: `telegram:${chat}`,
  };
  return {
    async start() {
      const bot = spawnBot(env);
      await bot.waitFor(/scheduler running/, "stderr");
      return bot;
    },
    publish(title: string) {
      content.write(`${title.replaceAll(" ", "-")}.md`, markdownArticle({ title, body: "Announced once." }));
    },
  };
}

/**
 * Starts a bot, publishes `title` and, once the platform has it, holds its answer `holdMs` (or
 * until the bot is gone) while sending `signal`. Then restarts and publishes the marker; returns
 * the titles the chat received, in order.
 */
async function interruptThenRestart(chat: string, title: string, signal: NodeJS.Signals, holdMs: number) {
  const s = site(chat);
  const first = await s.start();
  let exited = false;
  void first.exited.then(() => {
    exited = true;
  });
  api.holdWith((p) => (p.text.includes(title) ? waitUntil(() => exited, holdMs) : null));
  s.publish(title);
  await api.waitForPost(chat, title);
  first.child.kill(signal);
  const stopped = await first.exited;
  api.holdWith(() => null);

  const second = await s.start();
  s.publish("Marker after restart");
  await api.waitForPost(chat, "Marker after restart");
  second.child.kill("SIGTERM");
  expect((await second.exited).code, second.stderr()).toBe(0);
  const titles = new RegExp(`${title}|Marker after restart`);
  const received = api.posted.filter((p) => p.chatId === chat).map((p) => titles.exec(p.text)?.[0]);
  return { first, stopped, received };
}

describe("a Telegram post in flight when the bot stops", () => {
  it("GIVEN an 8 s send in flight at SIGTERM THEN the bot waits for it, exits 0, and the restart does not post it again", async () => {
    const { first, stopped, received } = await interruptThenRestart(
      CHAT,
      "Slow send",
      "SIGTERM",
      SLOW_SEND_MS,
    );
    expect(stopped.code, first.stderr()).toBe(0);
    expect(first.stderr()).not.toMatch(/took too long|still in flight/);
    expect(received).toEqual(["Slow send", "Marker after restart"]);
  }, 90_000);

  it("GIVEN SIGKILL after Telegram accepted the post and before its answer THEN the restart posts it exactly once more", async () => {
    const { stopped, received } = await interruptThenRestart(`${CHAT}2`, "Killed send", "SIGKILL", 60_000);
    expect(stopped.signal).toBe("SIGKILL");
    expect(received).toEqual(["Killed send", "Killed send", "Marker after restart"]);
  }, 90_000);
});

/** Resolves after `ms`, or as soon as `done()` turns true (the bot exited: nobody to answer). */
async function waitUntil(done: () => boolean, ms: number): Promise<void> {
  const started = Date.now();
  await waitFor(() => done() || Date.now() - started >= ms, {
    what: "the held answer's time",
    timeoutMs: ms + 5_000,
  });
}
