/**
 * The neutral reply every command returns. Platforms render it: embeds and buttons on Discord,
 * HTML and inline keyboards on Telegram, plain text in the console. All text here is raw
 * (unescaped): escaping is the renderer's job, so article text can never break markup.
 */
import type { Locale } from "./locale.js";

/** Re-runs a command with fixed arguments: what a button does when pressed. */
export interface Action {
  command: string;
  subcommand?: string;
  args: Record<string, string | number>;
}

/** A button under a message or a card: pressing it runs `action`. */
export interface Button {
  label: string;
  action: Action;
  /** The button that shows what comes next (the next page, more of a digest): the console's /more. */
  next?: boolean;
}

/** One piece of a card's text. */
export type Block =
  | { type: "heading"; text: string }
  | { type: "paragraph"; text: string }
  | { type: "bullet"; text: string };

/** A labelled value (date, category), shown side by side where the platform can. */
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

/** What a command answers and what a post says, whatever the platform. */
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
