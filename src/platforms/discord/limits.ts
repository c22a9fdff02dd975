import type { ThrottleOptions } from "../../framework/send-throttle.js";

/**
 * Discord's hard limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 * and the component and command references). A payload over any of them is rejected whole with
 * 50035 Invalid Form Body, so the renderers clip or split against these numbers, never guess.
 */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fieldsPerEmbed: 25,
  footer: 2048,
  /** Sum of every title, description, field, footer and author name across a message's embeds. */
  embedTotal: 6000,
  embedsPerMessage: 10,
  buttonLabel: 80,
  buttonsPerRow: 5,
  rowsPerMessage: 5,
  customId: 100,
  commandDescription: 100,
  optionsPerCommand: 25,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

/**
 * Cuts text to at most `max` characters, marking the cut with an ellipsis. Never splits a surrogate
 * pair, and never leaves a dangling backslash that would escape the ellipsis.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  let head = text.slice(0, end);
  const backslashes = /\\+$/.exec(head)?.[0].length ?? 0;
  if (backslashes % 2 === 1) head = head.slice(0, -1);
  return `${head}…`;
}

/** Discord rejects empty names and values: a zero-width space stands in. */
export function nonEmpty(text: string): string {
  return text.trim() === "" ? "\u200b" : text;
}

/**
 * The plain-text budget handed to commands (ctx.limits.text) for one message body. An embed
 * description holds 4,096 characters; rendering adds some (bold headings, bullets, markdown
 * escapes), and anything over the limit still continues in another embed rather than failing.
 */
export const TEXT_BUDGET = 3800;

/**
 * Outbound pace for channel posts: Discord allows a bot 50 requests in any second overall
 * (https://discord.com/developers/docs/topics/rate-limits#global-rate-limit). discord.js's own
 * global limiter counts fixed 1-second windows, so two bursts of 50 can reach Discord less than a
 * second apart and a digest to many channels draws 429s; our throttle paces on answer times with
 * sends in flight counted, and spreads starts evenly. No per-channel spacing: discord.js follows
 * each channel's bucket from the response headers. Interaction replies are not paced: they use
 * webhook-token routes, which the global limit does not count.
 */
export const POST_PACE: ThrottleOptions = { globalPerSecond: 50 };
