import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../../src/store/sqlite/database.js";
import { REAL_CONTENT, SEED_ID, SEED_TITLE } from "../../helpers/seed.js";
import { spawnBot } from "../../helpers/spawn-bot.js";

const work = mkdtempSync(join(tmpdir(), "newsdesk-scheduled-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const env = { CONTENT_DIR: REAL_CONTENT, DATABASE_PATH: join(work, "bot.db") };
const MARKER_ID = "2025-07-22-offshore-wind-auction";
const posts = (text: string) => text.match(/--- post #\d+ ---/g)?.length ?? 0;

async function ask(line: string): Promise<string> {
  const run = spawnBot(env, "src/cli.ts", ["ask", line]);
  expect((await run.exited).code, run.stderr()).toBe(0);
  const id = /Scheduled (\w+):/.exec(run.stdout())?.[1];
  if (!id) throw new Error(`no schedule id in: ${run.stdout()}`);
  return id;
}

/**
 * "Its time has come": a spawned bot runs on the real clock, which a test cannot move, so the post
 * is scheduled an hour ahead (no restart can race it) and its time is then set to now in the
 * database, while no bot runs, as if the hour had passed.
 */
function dueNow(id: string): void {
  const db = openDatabase(env.DATABASE_PATH);
  db.prepare("UPDATE schedules SET run_at = ? WHERE id = ?").run(new Date().toISOString(), id);
  db.close();
}

async function stop(bot: ReturnType<typeof spawnBot>): Promise<void> {
  bot.child.kill("SIGTERM");
  expect((await bot.exited).code, bot.stderr()).toBe(0);
}

describe("a post scheduled with ask, delivered by the console bot", () => {
  it("GIVEN a restart before and after its time THEN the post prints exactly once", async () => {
    const id = await ask(`/schedule post ${SEED_ID} in 1h`);

    // A restart before the time: the post waits in the database, listed, not printed.
    const first = spawnBot(env);
    await first.waitFor(/articles loaded/);
    first.send("/schedule list");
    await first.waitFor(new RegExp(`${id} · post`));
    await stop(first);
    expect(posts(first.stdout())).toBe(0);

    dueNow(id);
    const second = spawnBot(env);
    await second.waitFor(/--- post #1 ---/);
    await second.waitFor(new RegExp(SEED_TITLE));
    await stop(second);
    // The welcome comes first, even with a post due at start-up.
    expect(second.stdout().indexOf("Newsdesk console")).toBe(0);

    // A restart after: a later post is the marker. A copy of the first, resumed from the outbox,
    // would be claimed first (it is older) and printed before it.
    dueNow(await ask(`/schedule post ${MARKER_ID} in 1h`));
    const third = spawnBot(env);
    await third.waitFor(/Offshore wind auction/);
    await stop(third);
    expect(third.stdout()).not.toContain(SEED_TITLE);
    expect([posts(first.stdout()), posts(second.stdout()), posts(third.stdout())]).toEqual([0, 1, 1]);
  }, 90_000);
});
