import { type Line, run } from "./terminal.js";

/**
 * What the prompt needs from a platform's stand-in (the "side" the bot talks to): send what the
 * person types as a member or a moderator in a language, press a button, ask autocomplete, and
 * report everything the bot makes visible (replies, edits, channel posts, toasts) as it happens.
 */

export interface Persona {
  moderator: boolean;
  /** "en", "fr", or any other code (the bot answers in its default language then). */
  language: string;
}

export interface ShownButton {
  label: string;
  /** The row it sits in (a card's row on Discord, a keyboard row on Telegram). */
  row: number;
  press(who: Persona): Promise<void>;
}

export type ShownKind = "reply" | "follow-up" | "edit" | "post" | "toast" | "notice";

/** One thing the bot made visible, rendered on demand at the terminal's width. */
export interface Shown {
  kind: ShownKind;
  /** "only you can see this", "in #news", "alert"... */
  note?: string;
  lines(width: number): Line[];
  buttons: ShownButton[];
}

/** A mistake in what the person typed, said as the platform's client would say it. */
export class TryError extends Error {}

export interface Side {
  readonly platform: "discord" | "telegram";
  /** The environment that points the bot at this side (token, API address, announce target). */
  readonly botEnv: Record<string, string>;
  /** Where the bot's API calls go, for the banner. */
  readonly address: string;
  /** Where channel posts appear ("#news", "the group chat"). */
  readonly channelName: string;
  /** Example lines typed the way this platform's users type them. */
  readonly examples: string[];
  /** Resolves once the bot is connected and has registered its commands; says what it saw. */
  ready(): Promise<string>;
  /** Sends a typed command; resolves at the first answer (what follows keeps arriving). */
  send(line: string, who: Persona): Promise<void>;
  /** What autocomplete offers for the last option of a typed line (Discord only). */
  complete(line: string, who: Persona): Promise<Line[]>;
  onShown(listener: (shown: Shown) => void): void;
  close(): Promise<void>;
}

/** How long to wait for the bot's first answer: generous, it bounds a bot that never answers. */
export const ANSWER_TIMEOUT_MS = 60_000;

/** A line of the tool's own (a rule the bot broke at the stand-in), shown among the bot's output. */
export function notice(text: string): Shown {
  return { kind: "notice", lines: () => [[run(text)]], buttons: [] };
}
