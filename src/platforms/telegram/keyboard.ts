import type { InlineKeyboardButton, InlineKeyboardMarkup } from "telegraf/types";
import type { Button, Reply } from "../../domain/reply.js";
import type { ActionCodec } from "../../framework/actions.js";
import { LIMITS } from "./limits.js";

/** Telegram shows long labels cut anyway; a short one keeps the row readable. */
const MAX_LABEL = 40;

/**
 * The inline keyboard of a reply: one row per card that has buttons (labelled "1 · Full text" when
 * several cards need telling apart), then one row for the reply's own buttons (paging). Every
 * callback_data goes through the codec, which keeps it within Telegram's 64 bytes.
 */
export function inlineKeyboard(
  reply: Reply,
  codec: ActionCodec,
  numberCards: boolean,
): InlineKeyboardMarkup | undefined {
  const rows: InlineKeyboardButton[][] = [];
  reply.cards.forEach((card, index) => {
    const buttons = card.buttons ?? [];
    if (buttons.length === 0) return;
    const prefix = numberCards ? `${index + 1} · ` : "";
    rows.push(buttons.map((b) => callbackButton(b, codec, prefix)));
  });
  const own = reply.buttons ?? [];
  if (own.length > 0) rows.push(own.map((b) => callbackButton(b, codec, "")));
  return rows.length > 0 ? { inline_keyboard: rows } : undefined;
}

function callbackButton(button: Button, codec: ActionCodec, prefix: string): InlineKeyboardButton {
  const data = codec.encode(button.action);
  if (Buffer.byteLength(data) > LIMITS.callbackData) {
    throw new Error(`callback_data over ${LIMITS.callbackData} bytes for /${button.action.command}`);
  }
  return { text: clipLabel(prefix + button.label), callback_data: data };
}

function clipLabel(label: string): string {
  const chars = Array.from(label);
  return chars.length <= MAX_LABEL ? label : `${chars.slice(0, MAX_LABEL - 1).join("")}…`;
}
