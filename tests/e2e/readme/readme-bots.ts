import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Core, type CoreOptions, createCore } from "../../../src/core.js";
import { renderPlain } from "../../../src/framework/reply.js";
import { ConsoleSession } from "../../../src/platforms/console/console-session.js";
import { htmlToPlain } from "../../../src/platforms/telegram/render-html.js";
import { PublisherRegistry } from "../../../src/schedule/publisher-registry.js";
import { recordingLogger } from "../../helpers/recording-logger.js";
import { REAL_CONTENT } from "../../helpers/seed.js";
import { waitFor } from "../../helpers/wait-for.js";
import { parseDiscordLine, type RegisteredCommand } from "../../try/discord-line.js";
import {
  messageBodies,
  expectNoViolations as noDiscordViolations,
  startBot,
  TOKEN,
} from "../discord/harness.js";
import { DiscordStandIn, MANAGE_GUILD } from "../discord/stand-in.js";
import { Emulator } from "../telegram/emulator.js";
import {
  expectNoViolations as noTelegramViolations,
  startBot as startTelegramBot,
} from "../telegram/harness.js";
import { discordText, type PlatformName } from "./readme-examples.js";

/**
 * The bot on each platform the README shows, over the shipped content/, with a scheduling service
 * (never started: what is scheduled is recorded, nothing is posted) so moderator lines answer as
 * in a running bot.
 */
export interface ReadmeBot {
  /** Types a line as a member or a moderator; returns the text of everything answered to it so far. */
  say(line: string, moderator: boolean): Promise<() => string>;
  /** Every rule of the platform the bot broke so far: none, or the test fails. */
  checkRules(): void;
  stop(): Promise<void>;
}

function schedule(): NonNullable<CoreOptions["schedule"]> {
  return {
    digestCron: null,
    timeZone: "UTC",
    targets: [],
    catchUp: "none",
    publishers: new PublisherRegistry(),
  };
}

async function openCore(): Promise<{ core: Core; close: () => Promise<void> }> {
  const work = mkdtempSync(join(tmpdir(), "newsdesk-readme-"));
  const core = await createCore({
    contentDir: REAL_CONTENT,
    databasePath: join(work, "newsdesk.db"),
    defaultLocale: "en",
    log: recordingLogger().log,
    schedule: schedule(),
  });
  return {
    core,
    close: async () => {
      await core.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** The console as the person at the terminal uses it (runConsoleLine, and /more for the next page). */
async function consoleBot(): Promise<ReadmeBot> {
  const { core, close } = await openCore();
  const session = new ConsoleSession(core.commands, core.services, "en");
  return {
    async say(line) {
      const text = renderPlain(await session.say(line));
      return () => text;
    },
    checkRules: () => {},
    stop: close,
  };
}

const TELEGRAM_TOKEN = "123456:README-examples-token";
/** A supergroup whose administrator is the moderator; a member talks to the bot in private. */
const GROUP_ID = -1001234567890;

/** The real telegraf against the Bot API emulator (tests/e2e/telegram). */
async function telegramBot(): Promise<ReadmeBot> {
  const emulator = await Emulator.start();
  const bot = await startTelegramBot({
    emulator,
    token: TELEGRAM_TOKEN,
    contentDir: REAL_CONTENT,
    schedule: schedule(),
  });
  const member = emulator.user(TELEGRAM_TOKEN, { userId: 501, name: "Camille" });
  const moderator = emulator.user(TELEGRAM_TOKEN, {
    userId: 502,
    chatId: GROUP_ID,
    type: "supergroup",
    name: "Sam",
  });
  emulator.setAdmins(GROUP_ID, [moderator.userId]);
  return {
    async say(line, asModerator) {
      const { client, chatId } = asModerator ? moderator : member;
      const before = emulator.botMessages(TELEGRAM_TOKEN, chatId).length;
      await client.sendCommand(client.makeCommand(line, { from: { language_code: "en" } }));
      return () =>
        emulator
          .botMessages(TELEGRAM_TOKEN, chatId)
          .slice(before)
          .map((m) =>
            [htmlToPlain(m.text), ...(m.replyMarkup?.inline_keyboard.flat().map((b) => b.text) ?? [])].join(
              "\n",
            ),
          )
          .join("\n");
    },
    checkRules: () => noTelegramViolations(emulator),
    async stop() {
      await bot.stop();
      await emulator.stop();
    },
  };
}

/** The real discord.js against the stand-in (tests/e2e/discord); lines read as the Discord client reads them. */
async function discordBot(): Promise<ReadmeBot> {
  const standIn = await DiscordStandIn.start({ token: TOKEN });
  const { core, close } = await openCore();
  const platform = await startBot({
    standIn,
    commands: core.commands,
    services: core.services,
    log: core.services.log,
  });
  const registered = await waitFor(() => standIn.commands.get("global") as RegisteredCommand[] | undefined, {
    what: "the slash commands registered",
  });
  return {
    async say(line, moderator) {
      const parsed = parseDiscordLine(line, registered);
      if ("error" in parsed) {
        const refusal = `(the Discord client would not send this: ${parsed.error})`;
        return () => refusal;
      }
      const { token } = standIn.interact({
        kind: "command",
        name: parsed.name,
        subcommand: parsed.subcommand,
        options: parsed.options,
        locale: "en-US",
        permissions: moderator ? MANAGE_GUILD : 0n,
      });
      return () => discordText(messageBodies(standIn.answers(token)));
    },
    checkRules: () => noDiscordViolations(standIn),
    async stop() {
      await platform.stop();
      await close();
      await standIn.close();
    },
  };
}

export const startReadmeBot: Record<PlatformName, () => Promise<ReadmeBot>> = {
  console: consoleBot,
  telegram: telegramBot,
  discord: discordBot,
};
