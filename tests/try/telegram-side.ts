import { type BotMessage, Emulator, type TestUser } from "../e2e/telegram/emulator.js";
import { waitFor } from "../helpers/wait-for.js";
import { telegramLines } from "./render-telegram.js";
import { ANSWER_TIMEOUT_MS, notice, type Persona, type Shown, type Side, TryError } from "./side.js";
import { run } from "./terminal.js";

/** Any token of Telegram's shape; the emulator serves whatever token the bot uses. */
const TOKEN = "123456789:TRY-local_token";
/** A supergroup, so that a member and an administrator are different people to the bot. */
const CHAT_ID = -1001000000001;
const MEMBER_ID = 1001;
const MODERATOR_ID = 1002;
const WRITES = new Set(["sendMessage", "editMessageText", "editMessageReplyMarkup", "deleteMessage"]);

/**
 * The Telegram side: the Bot API emulator (tests/e2e/telegram/emulator.ts), with one group chat in
 * which Ada is a member and Mo an administrator (`:mod on` speaks as Mo: the bot asks Telegram
 * who is an admin and keeps the answer a minute, so switching one person's rights would lag).
 * Everything the bot posts or edits in the chat, and every toast it answers a button with, is shown.
 */
export async function startTelegramSide(): Promise<Side> {
  const emulator = await Emulator.start();
  emulator.setAdmins(CHAT_ID, [MODERATOR_ID]);
  const people: Record<"member" | "moderator", TestUser> = {
    member: emulator.user(TOKEN, { userId: MEMBER_ID, chatId: CHAT_ID, type: "supergroup", name: "Ada" }),
    moderator: emulator.user(TOKEN, {
      userId: MODERATOR_ID,
      chatId: CHAT_ID,
      type: "supergroup",
      name: "Mo",
    }),
  };
  const person = (who: Persona) => people[who.moderator ? "moderator" : "member"];
  const listeners = new Set<(shown: Shown) => void>();
  let shownCount = 0;
  const emit = (shown: Shown) => {
    shownCount++;
    for (const listener of listeners) listener(shown);
  };
  /** Each message's text and keyboard as last shown, to tell a new message from an edit. */
  const seen = new Map<number, string>();
  /** Set by a button press: the message that follows answers it, though it replies to nothing. */
  let pressPending = false;

  const messageShown = (message: BotMessage, edited: boolean): Shown => {
    const replied = message.raw.reply_parameters !== undefined || pressPending;
    pressPending = false;
    const kind = edited ? "edit" : replied ? "reply" : "post";
    return {
      kind,
      ...(kind === "post" ? { note: "in the group chat" } : {}),
      lines: () => telegramLines(message.text, message.parseMode),
      buttons: (message.replyMarkup?.inline_keyboard ?? []).flatMap((row, index) =>
        row.map((button) => ({
          label: button.text,
          row: index,
          press: async (who: Persona) => {
            if (!button.callback_data) throw new TryError(`"${button.text}" opens a link, not the bot`);
            await pressButton(who, message.messageId, button.callback_data);
          },
        })),
      ),
    };
  };

  emulator.onFinished((call) => {
    if (call.token !== TOKEN) return;
    if (WRITES.has(call.method)) {
      for (const message of emulator.botMessages(TOKEN, CHAT_ID)) {
        const snapshot = JSON.stringify([message.text, message.replyMarkup]);
        const before = seen.get(message.messageId);
        if (before === snapshot) continue;
        seen.set(message.messageId, snapshot);
        emit(messageShown(message, before !== undefined));
      }
    }
    if (call.method === "answerCallbackQuery" && typeof call.params.text === "string") {
      const note = call.params.show_alert === true || call.params.show_alert === "true" ? "alert" : undefined;
      const text = call.params.text;
      emit({ kind: "toast", ...(note ? { note } : {}), lines: () => [[run(text)]], buttons: [] });
    }
    for (const violation of emulator.takeViolations()) {
      const verdict = violation.refused ? "Telegram refuses this" : "Telegram would take this, but";
      emit(notice(`${verdict}: ${violation.description} (${violation.method})`));
    }
  });

  async function pressButton(who: Persona, messageId: number, data: string): Promise<void> {
    const { client } = person(who);
    const answers = emulator.callsTo("answerCallbackQuery", TOKEN).length;
    pressPending = true;
    await client.sendCallback(
      client.makeCallbackQuery(data, {
        message: { message_id: messageId },
        from: { language_code: who.language },
      }),
    );
    // The bot answers every press (a toast or nothing); what it sends after shows as it comes.
    await waitFor(() => emulator.callsTo("answerCallbackQuery", TOKEN).length > answers, {
      what: "the bot's answer to the press",
      timeoutMs: ANSWER_TIMEOUT_MS,
    });
  }

  return {
    platform: "telegram",
    address: emulator.apiRoot,
    channelName: "the group chat",
    botEnv: {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      ANNOUNCE_TARGETS: `telegram:${CHAT_ID}`,
    },
    examples: [
      "/news bitcoin",
      "/article 000_df19e6179d96e4ae",
      "/schedule post 000_df19e6179d96e4ae in 10 seconds   (after :mod on)",
    ],
    async ready() {
      await waitFor(() => emulator.menu(TOKEN) && emulator.callsTo("getUpdates", TOKEN).length > 0, {
        what: "the bot to set its menu and start polling",
        timeoutMs: 120_000,
      });
      return `Polling; menu: ${(emulator.menu(TOKEN) ?? []).map((c) => `/${c.command}`).join(" ")}`;
    },
    async send(line, who) {
      const { client } = person(who);
      const before = shownCount;
      await client.sendCommand(client.makeCommand(line, { from: { language_code: who.language } }));
      await waitFor(() => shownCount > before, { what: "the bot's answer", timeoutMs: ANSWER_TIMEOUT_MS });
    },
    async complete() {
      throw new TryError("Telegram has no autocomplete: type /article and words from the title");
    },
    onShown(listener) {
      listeners.add(listener);
    },
    close: () => emulator.stop(),
  };
}
