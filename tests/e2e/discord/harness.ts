import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { createCore } from "../../../src/core.js";
import type { Logger } from "../../../src/domain/logger.js";
import type { Command, Services } from "../../../src/framework/command.js";
import { defineCommand } from "../../../src/framework/command.js";
import { UserError } from "../../../src/framework/errors.js";
import type { Platform } from "../../../src/framework/platform.js";
import { textReply } from "../../../src/framework/reply.js";
import { type CommandRegistry, registry } from "../../../src/framework/run-command.js";
import { defineWords } from "../../../src/framework/words.js";
import type { DiscordPlatformOptions } from "../../../src/platforms/discord/discord-platform.js";
import { createDiscordPlatform } from "../../../src/platforms/discord/index.js";
import { gate, waitFor } from "../../helpers/wait-for.js";
import type { DiscordStandIn, InteractionInput, RecordedCall } from "./stand-in.js";

export const TOKEN = "stand-in-token.Zx9-secret";

/**
 * What the slow test commands wait for. A test replaces it with a fresh gate, sends the command,
 * waits until the stand-in has seen the deferral (the bot defers after its production 1 s), then
 * opens the gate: the order is certain, whatever the machine's load.
 */
export const slowRelease = { gate: gate() };

/** Commands only the tests register: a slow one, a slow failing one, a moderator one. */
export const testCommands: Command[] = [
  defineCommand({
    name: "slow",
    description: { en: "Answers when the test says so", fr: "Répond quand le test le dit" },
    access: "everyone",
    options: [] as const,
    async run() {
      await slowRelease.gate.promise;
      return textReply("done slowly");
    },
  }),
  defineCommand({
    name: "slowfail",
    description: { en: "Fails when the test says so", fr: "Échoue quand le test le dit" },
    access: "everyone",
    words: defineWords({
      en: { "slowfail.none": "No article matches “{query}”." },
      fr: { "slowfail.none": "Aucun article ne correspond à « {query} »." },
    }),
    options: [] as const,
    async run() {
      await slowRelease.gate.promise;
      throw new UserError("slowfail.none", { query: "nothing" });
    },
  }),
  defineCommand({
    name: "purge",
    description: { en: "Moderators only", fr: "Réservé aux modérateurs" },
    access: "moderator",
    options: [] as const,
    run: () => textReply("purged"),
  }),
];

export async function startBot(options: {
  standIn: DiscordStandIn;
  commands: CommandRegistry;
  services: Services;
  log: Logger;
  token?: string;
  onFatal?: (message: string) => void;
  reconnect?: DiscordPlatformOptions["reconnect"];
}): Promise<Platform> {
  const platform = createDiscordPlatform({
    token: options.token ?? TOKEN,
    apiBase: options.standIn.apiBase,
    commands: options.commands,
    services: options.services,
    defaultLocale: "en",
    log: options.log,
    onFatal: options.onFatal,
    reconnect: options.reconnect,
  });
  await platform.start();
  return platform;
}

const CALLBACK = /^\/interactions\/\d+\/[^/]+\/callback$/;

/**
 * The first message the bot answered an interaction with (or the autocomplete choices), once it
 * is complete: a direct callback, or the edit or follow-up that comes after a deferral.
 */
// biome-ignore lint/suspicious/noExplicitAny: recorded JSON
export function firstAnswer(calls: RecordedCall[]): any {
  const callback = calls.find((c) => CALLBACK.test(c.path) && c.status !== 0);
  if (!callback) return undefined;
  if ([4, 7, 8].includes(callback.body.type)) return callback.body.data;
  const next = calls.find((c) => c.path.startsWith("/webhooks/") && c.method !== "DELETE" && c.status !== 0);
  return next?.body;
}

/** Sends an interaction and waits for its first answer. */
export async function ask(standIn: DiscordStandIn, input: InteractionInput) {
  const { id, token } = standIn.interact(input);
  // biome-ignore lint/suspicious/noExplicitAny: recorded JSON
  const answer: any = await waitFor(() => firstAnswer(standIn.answers(token)), {
    what: `an answer to ${id}`,
  });
  return { id, token, answer, calls: () => standIn.answers(token) };
}

type RecordedButtons = { components?: { components: { label: string; custom_id: string }[] }[] };

/** The labels of every button in a recorded message body, in order. */
export function buttonLabels(body: RecordedButtons): string[] {
  return (body.components ?? []).flatMap((row) => row.components.map((b) => b.label));
}

/** The custom_id of the button with this label in a recorded message body. */
export function buttonId(
  body: { components?: { components: { label: string; custom_id: string }[] }[] },
  label: string,
) {
  const button = body.components?.flatMap((row) => row.components).find((b) => b.label.endsWith(label));
  if (!button) throw new Error(`no "${label}" button in ${JSON.stringify(body.components)}`);
  return button.custom_id;
}

/**
 * The buttons under the card whose title contains `title` (one embed and one row per card, as
 * result lists render), as [label, custom_id] pairs.
 */
export function cardButtons(
  body: RecordedButtons & { embeds?: { title?: string }[] },
  title: string,
): [string, string][] {
  const embed = (body.embeds ?? []).find((e) => e.title?.includes(title));
  if (!embed) throw new Error(`no card titled "${title}"`);
  // Several cards are numbered ("2. Title", "2 · Full text"), and their buttons may share rows.
  const number = /^(\d+)\. /.exec(embed.title ?? "")?.[1];
  const buttons = (body.components ?? []).flatMap((row) => row.components);
  const own = number ? buttons.filter((b) => b.label.startsWith(`${number} · `)) : buttons;
  return own.map((b) => [b.label, b.custom_id]);
}

/** Every recorded body that is a message (content, embeds or components), wherever it went. */
// biome-ignore lint/suspicious/noExplicitAny: recorded JSON
export function messageBodies(calls: RecordedCall[]): any[] {
  return calls
    .map((c) => (CALLBACK.test(c.path) ? c.body?.data : c.body))
    .filter((b) => b && ("content" in b || "embeds" in b || "components" in b));
}

/**
 * Every rule the bot broke at the stand-in since the last check (a second initial response, a
 * payload over a limit, a mention that would ping...): none, or the test fails naming them.
 */
export function expectNoViolations(standIn: DiscordStandIn | undefined): void {
  expect(standIn?.takeViolations() ?? []).toEqual([]);
}

/** The real core (index, library, insights, commands) over a content folder, plus the test commands. */
export async function openCore(contentDir: string, log: Logger) {
  const work = mkdtempSync(join(tmpdir(), "newsdesk-discord-db-"));
  const core = await createCore({
    contentDir,
    databasePath: join(work, "index.db"),
    defaultLocale: "en",
    log,
  });
  return {
    services: core.services,
    commands: registry([...core.commands.values(), ...testCommands]),
    async close() {
      await core.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
