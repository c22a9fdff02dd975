import type { Action, Block, Button, Reply } from "../domain/reply.js";

/** Building and printing the neutral reply (its model is src/domain/reply.ts). */
import { labelSeparator } from "./typography.js";

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
