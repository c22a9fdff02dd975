import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO, spawnBot } from "../../helpers/spawn-bot.js";

const work = mkdtempSync(join(tmpdir(), "newsdesk-scheduled-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const env = { CONTENT_DIR: join(REPO, "content"), DATABASE_PATH: join(work, "bot.db") };
const SEED = "000_df19e6179d96e4ae";
const posts = (text: string) => text.match(/--- post #\d+ ---/g)?.length ?? 0;

describe("a post scheduled with ask, delivered by the console bot", () => {
  it("GIVEN a restart before and after the time THEN the post prints exactly once", async () => {
    const ask = spawnBot(env, "src/cli.ts", ["ask", `/schedule post ${SEED} in 14s`]);
    expect((await ask.exited).code).toBe(0);
    expect(ask.stdout()).toMatch(/will be posted here/);

    // Stopped and started again before the time comes.
    const first = spawnBot(env);
    await first.waitFor(/articles loaded/);
    first.child.kill("SIGTERM");
    expect((await first.exited).code).toBe(0);

    const second = spawnBot(env);
    await second.waitFor(/--- post #1 ---/, "stdout", 40_000);
    await second.waitFor(/Le Pakistan et El Salvador/);
    second.child.kill("SIGTERM");
    expect((await second.exited).code).toBe(0);

    const third = spawnBot(env);
    await third.waitFor(/articles loaded/);
    // Give a resumed delivery, if the outbox wrongly held one, the time to print.
    await new Promise((r) => setTimeout(r, 2_000));
    third.child.kill("SIGTERM");
    await third.exited;

    expect(posts(first.stdout()) + posts(second.stdout()) + posts(third.stdout())).toBe(1);
  }, 90_000);
});
