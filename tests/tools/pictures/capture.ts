import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCore } from "../../../src/core.js";
import { ask, TOKEN as DISCORD_TOKEN, startBot as startDiscordBot } from "../../e2e/discord/harness.js";
import { DiscordStandIn } from "../../e2e/discord/stand-in.js";
import { type BotMessage, Emulator } from "../../e2e/telegram/emulator.js";
import { command, startBot as startTelegramBot } from "../../e2e/telegram/harness.js";
import { recordingLogger } from "../../helpers/recording-logger.js";
import { REAL_CONTENT } from "../../helpers/seed.js";

const TELEGRAM_TOKEN = "123456:PICTURES-local-token";

/** The query whose answer the pictures show: it finds the seed article alone. */
export const PICTURED_QUERY = "pakistan";

// biome-ignore lint/suspicious/noExplicitAny: recorded JSON
export type DiscordBody = any;

/**
 * The /news answer exactly as the real bot sent it to Discord: the stand-in (tests/e2e/discord)
 * records the body discord.js posted, rendered by src/platforms/discord/render-embeds.ts.
 */
export async function discordAnswer(query = PICTURED_QUERY): Promise<DiscordBody> {
  const standIn = await DiscordStandIn.start({ token: DISCORD_TOKEN });
  const work = mkdtempSync(join(tmpdir(), "newsdesk-pictures-"));
  const { log } = recordingLogger();
  const core = await createCore({
    contentDir: REAL_CONTENT,
    databasePath: join(work, "newsdesk.db"),
    defaultLocale: "en",
    log,
  });
  const bot = await startDiscordBot({ standIn, commands: core.commands, services: core.services, log });
  try {
    const { answer } = await ask(standIn, {
      kind: "command",
      name: "news",
      options: { query },
      locale: "en-US",
    });
    return answer;
  } finally {
    await bot.stop();
    await core.close();
    await standIn.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The same answer as the real bot sent it to Telegram: the emulator (tests/e2e/telegram) keeps the
 * sendMessage parameters, HTML from src/platforms/telegram/render-html.ts and the inline keyboard.
 */
export async function telegramAnswer(query = PICTURED_QUERY): Promise<BotMessage[]> {
  const emulator = await Emulator.start();
  const bot = await startTelegramBot({ emulator, token: TELEGRAM_TOKEN, contentDir: REAL_CONTENT });
  try {
    const user = emulator.user(TELEGRAM_TOKEN, { userId: 4242, name: "Camille" });
    return await command(emulator, user, `/news ${query}`);
  } finally {
    await bot.stop();
    await emulator.stop();
  }
}
