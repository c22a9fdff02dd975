import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { type CoreOptions, createCore } from "../../../src/core.js";
import type { Locale } from "../../../src/domain/locale.js";
import type { Reply } from "../../../src/domain/reply.js";
import type { Command } from "../../../src/framework/command.js";
import { defineCommand } from "../../../src/framework/command.js";
import type { Platform } from "../../../src/framework/platform.js";
import type { RateLimitSettings } from "../../../src/framework/rate-limit.js";
import { textReply } from "../../../src/framework/reply.js";
import type { SharedWork } from "../../../src/framework/shared-work.js";
import { createTelegramPlatform } from "../../../src/platforms/telegram/index.js";
import { recordingLogger } from "../../helpers/recording-logger.js";
import { ROOT } from "../../helpers/seed.js";
import type { Emulator, TestUser } from "./emulator.js";

// The shared constants and gate, re-exported for suites that import them from here.
export { REAL_CONTENT, ROOT, SEED_ID, SEED_TITLE } from "../../helpers/seed.js";
export { gate } from "../../helpers/wait-for.js";
export const FIXTURE_CONTENT = join(ROOT, "tests/fixtures/telegram/content");

/**
 * Every Bot API rule the bot broke since the last check (a message too long, HTML Telegram cannot
 * parse, callback_data over 64 bytes...): none, or the test fails naming them.
 */
/** A Telegram chat as a post target. */
export function chat(id: string): { platform: "telegram"; id: string } {
  return { platform: "telegram", id };
}

export function expectNoViolations(emulator: Emulator | undefined): void {
  expect(emulator?.takeViolations() ?? []).toEqual([]);
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
  /** What the bot logged (the shared recording logger). */
  log: ReturnType<typeof recordingLogger>;
  /** The same lines as JSON strings, for suites written against the earlier shape. */
  readonly logs: string[];
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
  /** Several processes of one bot on a shared store (ADR 0104). */
  shared?: SharedWork;
  /** The core's scheduler settings, for suites that run /schedule; absent: no scheduling service. */
  schedule?: CoreOptions["schedule"];
}): Promise<BotUnderTest> {
  const recorder = recordingLogger();
  const { log } = recorder;
  const dir = await mkdtemp(join(tmpdir(), "newsdesk-telegram-"));
  const core = await createCore({
    contentDir: options.contentDir,
    databasePath: join(dir, "newsdesk.db"),
    defaultLocale: options.defaultLocale ?? "en",
    log,
    schedule: options.schedule,
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
    shared: options.shared,
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
    log: recorder,
    get logs() {
      return recorder.lines.map((line) => JSON.stringify(line));
    },
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
