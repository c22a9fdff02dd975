import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SEED_TITLE } from "../../helpers/seed.js";
import { REPO, spawnBot } from "../../helpers/spawn-bot.js";
import { waitFor } from "../../helpers/wait-for.js";
import { Emulator } from "./emulator.js";
import { expectNoViolations } from "./harness.js";

const TOKEN = "123456:TEST";
const work = mkdtempSync(join(tmpdir(), "newsdesk-tg-start-"));
let emulator: Emulator | undefined;
afterAll(async () => {
  await emulator?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe("npm start with a Telegram token, against the Bot API emulator", () => {
  it("THEN it registers its menu, answers /news bitcoin with the seed, and stops on SIGTERM", async () => {
    emulator = await Emulator.start();
    const bot = spawnBot({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      CONTENT_DIR: join(REPO, "content"),
      DATABASE_PATH: join(work, "bot.db"),
    });
    const em = emulator;
    await waitFor(() => em.callsTo("getUpdates", TOKEN).length > 0, { what: "polling", timeoutMs: 25_000 });
    expect(em.menu(TOKEN)?.map((c) => c.command)).toContain("news");
    expect(em.menu(TOKEN, "fr")?.find((c) => c.command === "news")?.description).toMatch(/Chercher/);

    const user = em.user(TOKEN, { userId: 7 });
    await user.client.sendCommand(user.client.makeCommand("/news bitcoin"));
    await waitFor(() => em.botMessages(TOKEN, user.chatId).some((m) => m.text.includes(SEED_TITLE)), {
      what: "the /news answer",
    });

    bot.child.kill("SIGTERM");
    expect((await bot.exited).code).toBe(0);
    // The real token, anywhere in what the process wrote; the log is there (so the check has something to read).
    const output = bot.stdout() + bot.stderr();
    expect(output).toMatch(/telegram: bot is up/);
    expect(output).not.toContain(TOKEN);
    expectNoViolations(em);
  }, 60_000);
});
