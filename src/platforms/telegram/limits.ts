import type { ThrottleOptions } from "../../framework/send-throttle.js";

/**
 * Telegram's hard limits (https://core.telegram.org/bots/api#sendmessage and
 * https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this). The renderer and
 * the outbound queue work against these numbers, never guesses.
 */
export const LIMITS = {
  /** Characters in one message. Telegram counts after parsing entities; we count the HTML, which is stricter. */
  message: 4096,
  /** Bytes of callback_data on an inline button. */
  callbackData: 64,
  /** Characters of the toast shown by answerCallbackQuery. */
  callbackAnswer: 200,
  /** setMyCommands: a command's description. */
  commandDescription: 256,
} as const;

/**
 * The plain-text budget handed to commands (ctx.limits.text). One article part should fit one message
 * so that "Next part" can edit it in place; the title, fields, footer and HTML escaping add some, and
 * whatever still overflows continues in another message rather than failing.
 */
export const TEXT_BUDGET = 3500;

/**
 * Outbound pace (Telegram's FAQ): one message a second per chat, 20 a minute per group, 30 a second
 * for the whole bot. Groups and supergroups are the chats with negative ids.
 */
export const PACE: ThrottleOptions = {
  globalPerSecond: 30,
  perChatIntervalMs: 1000,
  chatPerMinute: (chatId) => (chatId.startsWith("-") ? 20 : undefined),
};
