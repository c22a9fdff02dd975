import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO, spawnBot } from "../../helpers/spawn-bot.js";
import { eventually } from "../../helpers/temp-content.js";
import { Emulator } from "./emulator.js";

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
    await eventually(() => em.callsTo("getUpdates", TOKEN).length > 0, 25_000);
    expect(em.menu(TOKEN)?.map((c) => c.command)).toContain("news");
    expect(em.menu(TOKEN, "fr")?.find((c) => c.command === "news")?.description).toMatch(/Chercher/);

    const user = em.user(TOKEN, { userId: 7 });
    await user.client.sendCommand(user.client.makeCommand("/news bitcoin"));
    await eventually(
      () =>
        em
          .botMessages(TOKEN, user.chatId)
          .some((m) => m.text.includes("Le Pakistan et El Salvador discutent")),
      15_000,
    );
    expect(bot.stderr()).not.toContain(TOKEN);

    bot.child.kill("SIGTERM");
    expect((await bot.exited).code).toBe(0);
  }, 60_000);
});
