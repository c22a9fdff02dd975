import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REAL_CONTENT, SEED_TITLE } from "../../helpers/seed.js";
import { spawnBot } from "../../helpers/spawn-bot.js";

/**
 * The console bot as a newcomer starts it: it prints its dashboard sign-in link under its welcome,
 * and the link signs in. A port already taken is a warning: the bot runs on without its dashboard.
 */
const work = mkdtempSync(join(tmpdir(), "newsdesk-console-web-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function stop(bot: ReturnType<typeof spawnBot>): Promise<number | null> {
  bot.child.kill("SIGTERM");
  return (await bot.exited).code;
}

describe("GIVEN the console bot with its dashboard on", () => {
  it("THEN the sign-in link follows the welcome and signs in once", async () => {
    const bot = spawnBot({
      CONTENT_DIR: REAL_CONTENT,
      DATABASE_PATH: join(work, "a.db"),
      DASHBOARD_PORT: "0",
    });
    const out = await bot.waitFor(/Dashboard: open (\S+) to sign in/);
    expect(out.indexOf("Newsdesk console")).toBe(0);
    const link = new URL(/Dashboard: open (\S+) to sign in/.exec(out)?.[1] ?? "");
    expect(link.host).toMatch(/^127\.0\.0\.1:\d+$/);
    const redeem = () =>
      fetch(new URL(link.pathname, link), {
        method: "POST",
        redirect: "manual",
        headers: { origin: link.origin, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ token: link.searchParams.get("token") ?? "" }),
      });
    const first = await redeem();
    expect(first.status).toBe(303);
    const cookie = (first.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
    expect((await fetch(new URL("/", link), { headers: { cookie } })).status).toBe(200);
    expect((await redeem()).status).toBe(403);
    expect(await stop(bot)).toBe(0);
  });
});

describe("GIVEN the dashboard's port already taken", () => {
  let squatter: Server | undefined;
  afterAll(() => squatter?.close());

  it("THEN the bot warns, prints no link, and serves the console as usual", async () => {
    squatter = createServer((_req, res) => res.end("someone else"));
    await new Promise<void>((resolve) => squatter?.listen(0, "127.0.0.1", resolve));
    const port = (squatter.address() as AddressInfo).port;
    const bot = spawnBot({
      CONTENT_DIR: REAL_CONTENT,
      DATABASE_PATH: join(work, "b.db"),
      DASHBOARD_PORT: String(port),
    });
    await bot.waitFor(new RegExp(`dashboard not started: 127\\.0\\.0\\.1:${port} is in use`), "stderr");
    await bot.waitFor(/scheduler running/, "stderr");
    bot.send("/news bitcoin");
    await bot.waitFor(new RegExp(SEED_TITLE));
    expect(bot.stdout()).not.toContain("Dashboard: open");
    expect(await stop(bot)).toBe(0);
  });
});
