import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_TITLE } from "../../helpers/seed.js";
import { REPO, spawnBot } from "../../helpers/spawn-bot.js";
import { waitFor } from "../../helpers/wait-for.js";
import { ask, expectNoViolations } from "./harness.js";
import { DiscordStandIn } from "./stand-in.js";

const TOKEN = "npm-start-token.7Qx";

describe("GIVEN `npm start` (src/main.ts) with DISCORD_TOKEN and DISCORD_API_BASE pointing at the stand-in", () => {
  const work = mkdtempSync(join(tmpdir(), "newsdesk-discord-start-"));
  let standIn: DiscordStandIn;
  beforeAll(async () => {
    standIn = await DiscordStandIn.start({ token: TOKEN });
  });
  afterAll(async () => {
    await standIn?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it("THEN it registers the commands, answers /news query:bitcoin with the seed, and stops on SIGTERM", async () => {
    const bot = spawnBot({
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_BASE: standIn.apiBase,
      CONTENT_DIR: join(REPO, "content"),
      DATABASE_PATH: join(work, "bot.db"),
    });
    try {
      await waitFor(() => standIn.calls.some((c) => c.method === "PUT"), {
        what: "command registration",
        timeoutMs: 25_000,
      });
      const { answer } = await ask(standIn, { kind: "command", name: "news", options: { query: "bitcoin" } });
      expect(answer.embeds.map((e: { title: string }) => e.title).join("\n")).toContain(SEED_TITLE);
    } finally {
      bot.child.kill("SIGTERM");
    }
    const { code } = await bot.exited;
    expect(code).toBe(0);
    // The real token, anywhere in what the process wrote; the log is there (so the check has something to read).
    const output = bot.stdout() + bot.stderr();
    expect(output).toMatch(/discord connected/);
    expect(output).not.toContain(TOKEN);
    expectNoViolations(standIn);
  });
});
