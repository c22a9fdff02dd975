/**
 * The neutral reply every command returns. Platforms render it: embeds and buttons on Discord,
 * HTML and inline keyboards on Telegram, plain text in the console. All text here is raw
 * (unescaped): escaping is the renderer's job, so article text can never break markup.
 */

/** Re-runs a command with fixed arguments: what a button does when pressed. */
export interface Action {
  command: string;
  subcommand?: string;
  args: Record<string, string | number>;
}

export interface Button {
  label: string;
  action: Action;
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
  /** Buttons for the message as a whole (paging). */
  buttons?: Button[];
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
