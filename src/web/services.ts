import type { UiLanguage } from "./i18n.js";

/**
 * What the dashboard's pages ask of the bot: the same services the chat commands call (the
 * library, the scheduling service, the store's ports), seen through this one interface so that the
 * web never reaches into the store or writes SQL of its own. main.ts builds it from the core; tests
 * pass a fake (tests/unit/web/fake-services.ts).
 *
 * Targets are spelled as everywhere else: "discord:<channel id>", "telegram:<chat id>", "console".
 */
export interface DashboardServices {
  /** The overview's figures. */
  overview(): Promise<OverviewFigures>;
  /** The channels the bot knows (configured, scheduled, subscribed or set up), with a name to show. */
  targets(): Promise<TargetEntry[]>;
  /** The guild of a Discord channel (from the adapter's cache), null when unknown. */
  guildOfChannel(channelId: string): Promise<string | null>;
  /** A channel's settings as /settings shows them (its own or the defaults). */
  settingsOf(target: string): Promise<TargetSettings>;
  /**
   * Changes a channel's settings through the scheduling service (validated there, recorded in the
   * audit log with the web user as actor). Bad input throws the service's user error.
   */
  updateSettings(target: string, actor: WebActor, change: Partial<TargetSettings>): Promise<void>;
  /** The words for an error the services threw on bad input, in the reader's language; null when it is not a user error. */
  explainError(error: unknown, language: UiLanguage): string | null;
}

export interface OverviewFigures {
  articles: number;
}

export interface TargetEntry {
  target: string;
  /** "#news on Example Server", "Crypto Chat", "console". */
  name: string;
}

export interface TargetSettings {
  timeZone: string;
  language: UiLanguage;
}

/** Who changed something from the web, for the audit log: "discord:<user id>" and a display name. */
export interface WebActor {
  id: string;
  name: string;
  language: UiLanguage;
}
