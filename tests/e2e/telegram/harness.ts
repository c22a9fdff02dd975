import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createCore } from "../../../src/core.js";
import type { Command } from "../../../src/framework/command.js";
import { defineCommand } from "../../../src/framework/command.js";
import type { Locale } from "../../../src/framework/locale.js";
import type { Platform } from "../../../src/framework/platform.js";
import type { Logger } from "../../../src/framework/ports.js";
import type { RateLimitSettings } from "../../../src/framework/rate-limit.js";
import { type Reply, textReply } from "../../../src/framework/reply.js";
import { createTelegramPlatform } from "../../../src/platforms/telegram/index.js";
import type { Emulator, TestUser } from "./emulator.js";

export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const REAL_CONTENT = join(ROOT, "content");
export const FIXTURE_CONTENT = join(ROOT, "tests/fixtures/telegram/content");
export const SEED_ID = "000_df19e6179d96e4ae";
export const SEED_TITLE = "Le Pakistan et El Salvador discutent de la stratégie Bitcoin";

/** A logger that keeps every line as JSON, so tests can check what was (and was not) logged. */
export function recordingLogger(lines: string[]): Logger {
  const write = (level: string) => (obj: object | string, msg?: string) => {
    lines.push(JSON.stringify({ level, obj, msg }));
  };
  return { info: write("info"), warn: write("warn"), error: write("error"), debug: write("debug") };
}

/** A promise the test resolves by hand. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/** Commands only the tests register: one that throws, one that hangs, a broken one, a moderator one. */
export function testCommands(hang: Promise<void>): Command[] {
  return [
    defineCommand({
      name: "badreply",
      description: { en: "Returns a malformed reply", fr: "Renvoie une réponse mal formée" },
      access: "everyone",
      options: [] as const,
      // A handler bug the type checker would catch, smuggled past it: the reply has no cards.
      run: () => ({ text: "half a reply" }) as unknown as Reply,
    }),
    defineCommand({
      name: "boom",
      description: { en: "Fails on purpose", fr: "Échoue exprès" },
      access: "everyone",
      options: [] as const,
      run() {
        throw new Error("kaboom from a test handler");
      },
    }),
    defineCommand({
      name: "hang",
      description: { en: "Answers when the test says so", fr: "Répond quand le test le dit" },
      access: "everyone",
      options: [] as const,
      async run() {
        await hang;
        return textReply("finally done");
      },
    }),
    defineCommand({
      name: "modonly",
      description: { en: "Moderators only", fr: "Réservé aux modérateurs" },
      access: "moderator",
      options: [] as const,
      run: () => textReply("moderator ok"),
    }),
  ];
}

export interface BotUnderTest {
  token: string;
  platform: Platform;
  logs: string[];
  stop(): Promise<void>;
}

/** The real core over a content folder, plus extra commands, behind the Telegram platform. */
export async function startBot(options: {
  emulator: Emulator;
  token: string;
  contentDir: string;
  extraCommands?: Command[];
  defaultLocale?: Locale;
  webhook?: { url: string; secret: string; port: number };
  onFatal?: (message: string) => void;
  /** The per-user limit; absent: none, so suites that send many commands are not limited. */
  rateLimit?: RateLimitSettings;
}): Promise<BotUnderTest> {
  const logs: string[] = [];
  const log = recordingLogger(logs);
  const dir = await mkdtemp(join(tmpdir(), "newsdesk-telegram-"));
  const core = await createCore({
    contentDir: options.contentDir,
    databasePath: join(dir, "newsdesk.db"),
    defaultLocale: options.defaultLocale ?? "en",
    log,
  });
  const commands = new Map(core.commands);
  for (const command of options.extraCommands ?? []) commands.set(command.name, command);
  const platform = createTelegramPlatform({
    token: options.token,
    apiRoot: options.emulator.apiRoot,
    webhook: options.webhook,
    rateLimit: options.rateLimit,
    commands,
    services: core.services,
    defaultLocale: options.defaultLocale ?? "en",
    log,
    onFatal: options.onFatal,
  });
  try {
    await platform.start();
  } catch (error) {
    await core.close();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    token: options.token,
    platform,
    logs,
    async stop() {
      await platform.stop();
      await core.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Sends a command as a user would (with its bot_command entity) and waits for `count` new replies. */
export async function command(
  emulator: Emulator,
  user: TestUser,
  text: string,
  options: { count?: number; extra?: object } = {},
) {
  const { chatId, token } = user;
  const before = emulator.botMessages(token, chatId).length;
  await user.client.sendCommand(user.client.makeCommand(text, options.extra ?? {}));
  const count = options.count ?? 1;
  return emulator.waitFor(`${count} repl${count === 1 ? "y" : "ies"} to ${text}`, () => {
    const messages = emulator.botMessages(token, chatId);
    return messages.length >= before + count ? messages.slice(before) : undefined;
  });
}

/** The callback_data of the inline button with this label. */
export function buttonData(
  message: { replyMarkup?: { inline_keyboard: { text: string; callback_data?: string }[][] } },
  label: string,
): string {
  const button = message.replyMarkup?.inline_keyboard.flat().find((b) => b.text === label);
  if (!button?.callback_data) throw new Error(`no button "${label}"`);
  return button.callback_data;
}
