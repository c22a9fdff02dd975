import { CHANNEL_ID, DiscordStandIn, MANAGE_GUILD, type RecordedCall } from "../e2e/discord/stand-in.js";
import { waitFor } from "../helpers/wait-for.js";
import { parseDiscordLine, type RegisteredCommand } from "./discord-line.js";
import { discordButtons, discordLines } from "./render-discord.js";
import {
  ANSWER_TIMEOUT_MS,
  notice,
  type Persona,
  type Shown,
  type ShownKind,
  type Side,
  TryError,
} from "./side.js";
import { type Line, run } from "./terminal.js";

/** Any token of Discord's shape: the stand-in checks the bot sends exactly this one. */
const TOKEN = "try-discord.local-token";
const EPHEMERAL = 64;
const CALLBACK = /^\/interactions\/\d+\/([^/]+)\/callback$/;
const WEBHOOK = /^\/webhooks\/\d+\/([^/]+)(?:\/messages\/([^/]+))?$/;
const CHANNEL_POST = /^\/channels\/(\d+)\/messages$/;

// biome-ignore lint/suspicious/noExplicitAny: recorded JSON
type Json = any;

/**
 * The Discord side: the strict stand-in (tests/e2e/discord/stand-in.ts). Every REST call the bot
 * makes is turned into what a Discord user would see: an interaction's answer, its edits and
 * follow-ups, and messages posted in the channel (#news, the announce target).
 */
export async function startDiscordSide(): Promise<Side> {
  const standIn = await DiscordStandIn.start({ token: TOKEN });
  const listeners = new Set<(shown: Shown) => void>();
  /** Interaction tokens by the initial callback type the bot chose (4 reply, 5 deferred, 7 update...). */
  const initial = new Map<string, number>();
  /** Interaction tokens whose answer was shown (or refused): the prompt waits for one. */
  const answered = new Set<string>();
  const emit = (shown: Shown) => {
    for (const listener of listeners) listener(shown);
  };

  const messageShown = (kind: ShownKind, body: Json, note?: string): Shown => {
    const notes = [note, (body?.flags ?? 0) & EPHEMERAL ? "only you can see this" : undefined];
    const joined = notes.filter(Boolean).join(", ");
    return {
      kind,
      ...(joined ? { note: joined } : {}),
      lines: (width) => discordLines(body, width),
      buttons: discordButtons(body).map((b) => ({
        label: b.label,
        row: b.row,
        press: (who) => interact({ kind: "button", customId: b.customId, message: body }, who),
      })),
    };
  };

  standIn.onAnswered((call: RecordedCall) => {
    const shown = describe(call);
    if (shown) emit(shown);
    for (const violation of standIn.takeViolations()) {
      const text = `Discord would not accept this: ${violation.rule} (${violation.method} ${violation.path})`;
      emit(notice(text));
    }
  });

  function describe(call: RecordedCall): Shown | undefined {
    const callback = CALLBACK.exec(call.path);
    const webhook = WEBHOOK.exec(call.path);
    const token = callback?.[1] ?? webhook?.[1];
    if (token && call.status >= 400) answered.add(token);
    if (call.status >= 400) return undefined;
    if (callback && token) {
      initial.set(token, call.body?.type);
      const type = call.body?.type;
      if (type !== 4 && type !== 7) return undefined; // deferrals and autocomplete choices show later or elsewhere
      answered.add(token);
      return messageShown(type === 4 ? "reply" : "edit", call.body?.data);
    }
    if (webhook && token && (call.method === "POST" || call.method === "PATCH")) {
      const first = !answered.has(token);
      answered.add(token);
      // The first message after a "thinking…" deferral is the answer itself.
      const kind: ShownKind =
        first && initial.get(token) === 5 ? "reply" : call.method === "POST" ? "follow-up" : "edit";
      return messageShown(kind, call.body);
    }
    const post = CHANNEL_POST.exec(call.path);
    if (post && call.method === "POST") {
      return messageShown("post", call.body, post[1] === CHANNEL_ID ? "in #news" : `in channel ${post[1]}`);
    }
    return undefined;
  }

  const registered = (): RegisteredCommand[] => (standIn.commands.get("global") ?? []) as RegisteredCommand[];

  async function interact(
    input: Omit<Parameters<DiscordStandIn["interact"]>[0], "locale" | "permissions">,
    who: Persona,
  ): Promise<void> {
    const locale = who.language === "en" ? "en-US" : who.language;
    const permissions = who.moderator ? MANAGE_GUILD : 0n;
    const { token } = standIn.interact({ ...input, locale, permissions });
    await waitFor(() => answered.has(token), { what: "the bot's answer", timeoutMs: ANSWER_TIMEOUT_MS });
  }

  return {
    platform: "discord",
    address: standIn.apiBase,
    channelName: "#news",
    botEnv: {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_BASE: standIn.apiBase,
      ANNOUNCE_TARGETS: `discord:${CHANNEL_ID}`,
    },
    examples: [
      "/news query:bitcoin",
      "/article article:000_df19e6179d96e4ae",
      "/schedule post article:000_df19e6179d96e4ae when:in 10 seconds   (after :mod on)",
    ],
    async ready() {
      await waitFor(() => standIn.ready && registered().length > 0, {
        what: "the bot to connect and register its commands",
        timeoutMs: 120_000,
      });
      return `Connected; commands: ${registered()
        .map((c) => `/${c.name}`)
        .join(" ")}`;
    },
    async send(line, who) {
      const parsed = parseDiscordLine(line, registered());
      if ("error" in parsed) throw new TryError(parsed.error);
      await interact({ kind: "command", ...parsed }, who);
    },
    async complete(line, who) {
      const parsed = parseDiscordLine(line, registered(), { autocomplete: true });
      if ("error" in parsed) throw new TryError(parsed.error);
      if (!parsed.focused) throw new TryError(`/${parsed.name} has no option to complete`);
      const locale = who.language === "en" ? "en-US" : who.language;
      const { token } = standIn.interact({ kind: "autocomplete", ...parsed, locale });
      const choices: Json[] = await waitFor(
        () =>
          standIn.answers(token).find((c) => CALLBACK.test(c.path) && c.status !== 0)?.body?.data?.choices,
        { what: "autocomplete choices", timeoutMs: ANSWER_TIMEOUT_MS },
      );
      if (choices.length === 0) return [[run("(no choices)", { dim: true })]];
      return choices.map(
        (c): Line => [run(String(c.name)), run(`  → ${parsed.focused}:${c.value}`, { dim: true })],
      );
    },
    onShown(listener) {
      listeners.add(listener);
    },
    close: () => standIn.close(),
  };
}
