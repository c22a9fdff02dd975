import type { Action, Block, Reply } from "../domain/reply.js";

/** Building and printing the neutral reply (its model is src/domain/reply.ts). */

export function textReply(text: string, options: Partial<Omit<Reply, "text" | "cards">> = {}): Reply {
  return { text, cards: [], ...options };
}

/** Plain-text rendering, used by the console, the CLI and as a fallback everywhere. */
export function renderPlain(reply: Reply): string {
  const out: string[] = [];
  if (reply.text) out.push(reply.text);
  for (const card of reply.cards) {
    const lines: string[] = [`== ${card.title} ==`];
    if (card.url) lines.push(card.url);
    for (const field of card.fields ?? []) lines.push(`${field.name}: ${field.value}`);
    for (const block of card.body) lines.push(renderPlainBlock(block));
    if (card.footer) lines.push(`(${card.footer})`);
    const buttons = (card.buttons ?? []).map((b) => `[${b.label}: ${actionToCommandLine(b.action)}]`);
    if (buttons.length > 0) lines.push(buttons.join("  "));
    out.push(lines.join("\n"));
  }
  const buttons = (reply.buttons ?? []).map((b) => `[${b.label}: ${actionToCommandLine(b.action)}]`);
  if (buttons.length > 0) out.push(buttons.join("  "));
  return out.join("\n\n");
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

/** The command line a person would type to do what a button does (console shows it). */
export function actionToCommandLine(action: Action): string {
  const parts = [`/${action.command}`];
  if (action.subcommand) parts.push(action.subcommand);
  for (const [key, value] of Object.entries(action.args)) parts.push(`${key}=${value}`);
  return parts.join(" ");
}
