import type { Publisher } from "../domain/publisher.js";

/** A running chat platform: the console, Discord or Telegram; it also posts on its own. */
export interface Platform extends Publisher {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** What the dashboard asks of the platform while it runs (main.ts passes it on); absent: nothing. */
  directory?: PlatformDirectory;
}

/**
 * What a platform tells the dashboard: whether it is connected (/readyz), the names of its channels,
 * who may manage what (Discord servers, Telegram chat admins). Every member but `ready` is optional:
 * the console has no servers, Telegram lists no chats.
 */
export interface PlatformDirectory {
  /** Connected and working, or why not in a few words ("gateway disconnected"). */
  ready(): true | string;
  /** Channels the bot can post in, with a name to show (Discord: its servers' text channels). */
  channels?(): { id: string; name: string }[];
  /** A name to show for a channel or chat id, null when unknown. */
  nameOf?(id: string): Promise<string | null>;
  /** The server a Discord channel is in, null when unknown. */
  guildOf?(channelId: string): string | null;
  /** The servers the bot is in now. */
  botGuildIds?(): ReadonlySet<string>;
  /** Whether a Telegram user is an administrator (or the creator) of a chat now. */
  isChatAdmin?(chatId: string, userId: string): Promise<boolean>;
  /** The bot's @username (the Telegram Login Widget needs it), null before it is known. */
  botUsername?(): string | null;
  /** Shows the operator a dashboard sign-in link (the console prints it under its welcome). */
  showSignInLink?(url: string): void;
}
