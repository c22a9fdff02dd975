/**
 * The neutral reply every command returns. Platforms render it: embeds and buttons on Discord,
 * HTML and inline keyboards on Telegram, plain text in the console. All text here is raw
 * (unescaped): escaping is the renderer's job, so article text can never break markup.
 */

import type { Locale } from "./locale.js";
import { labelSeparator } from "./typography.js";

/** Re-runs a command with fixed arguments: what a button does when pressed. */
export interface Action {
  command: string;
  subcommand?: string;
  args: Record<string, string | number>;
}

export interface Button {
  label: string;
  action: Action;
  /** The button that shows what comes next (the next page, more of a digest): the console's /more. */
  next?: boolean;
}

export type Block =
  | { type: "heading"; text: string }
  | { type: "paragraph"; text: string }
  | { type: "bullet"; text: string };

export interface Field {
  name: string;
  value: string;
  inline?: boolean;
}

/** One titled unit: an article result, a page of full text, a list of facts. */
export interface Card {
  title: string;
  url?: string | null;
  body: Block[];
  fields?: Field[];
  footer?: string;
  /** Buttons that belong to this card (e.g. "Full text" for one result). */
  buttons?: Button[];
}

export interface Reply {
  /** A line above the cards ("Results for …"), or the whole answer for short replies. */
  text?: string;
  cards: Card[];
  /** A line below the cards ("…and 7 more"), said after what it follows on every platform. */
  footer?: string;
  /** Buttons for the message as a whole (paging). */
  buttons?: Button[];
  /** The language the reply is in: renderers set labels by its typography ("Date : " in French). */
  locale?: Locale;
  /** Only the caller should see it (ephemeral on Discord). */
  private?: boolean;
  /** Answering a button press, replace the message it came from instead of sending a new one. */
  replacesOriginal?: boolean;
  /** Marks an error reply, so adapters can log and style it. */
  error?: boolean;
}

export function textReply(text: string, options: Partial<Omit<Reply, "text" | "cards">> = {}): Reply {
  return { text, cards: [], ...options };
}

/** Plain-text rendering, used by the console, the CLI and as a fallback everywhere. */
export function renderPlain(reply: Reply): string {
  const out: string[] = [];
  const colon = labelSeparator(reply.locale);
  if (reply.text) out.push(reply.text);
  for (const card of reply.cards) {
    const lines: string[] = [`== ${card.title} ==`];
    if (card.url) lines.push(card.url);
    for (const field of card.fields ?? []) lines.push(`${field.name}${colon}${field.value}`);
    for (const block of card.body) lines.push(renderPlainBlock(block));
    if (card.footer) lines.push(`(${card.footer})`);
    const buttons = (card.buttons ?? []).map((b) => plainButton(b, colon));
    if (buttons.length > 0) lines.push(buttons.join("  "));
    out.push(lines.join("\n"));
  }
  if (reply.footer) out.push(reply.footer);
  const buttons = (reply.buttons ?? []).map((b) => plainButton(b, colon));
  if (buttons.length > 0) out.push(buttons.join("  "));
  return out.join("\n\n");
}

/** A button as the line that does the same, "[Next: /news query=bitcoin page=2]"; /more presses the next one. */
function plainButton(button: Button, colon: string): string {
  const more = button.next ? " | /more" : "";
  return `[${button.label}${colon}${actionToCommandLine(button.action)}${more}]`;
}

function renderPlainBlock(block: Block): string {
  switch (block.type) {
    case "heading":
      return `\n## ${block.text}`;
    case "bullet":
      return `  • ${block.text}`;
    default:
      return block.text;
  }
}

/**
 * The command line a person would type to do what a button does (the console shows it). Values
 * with spaces are quoted, so the line reads back the same (src/framework/parse-command-line.ts).
 */
export function actionToCommandLine(action: Action): string {
  const parts = [`/${action.command}`];
  if (action.subcommand) parts.push(action.subcommand);
  for (const [key, value] of Object.entries(action.args)) parts.push(`${key}=${quoteValue(String(value))}`);
  return parts.join(" ");
}

function quoteValue(value: string): string {
  if (!/\s/.test(value) && !/^["“«]/.test(value)) return value;
  if (!value.includes('"')) return `"${value}"`;
  return value.includes("»") ? value : `«${value}»`;
}
