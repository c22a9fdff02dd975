/**
 * Where things are said and posted. A command is typed in a channel (a `ChannelRef`); the
 * scheduler posts to a target, the same place spelled as one string: "discord:<channel id>",
 * "telegram:<chat id>" or "console" (there is one console, whatever id its adapter gives the
 * channel). The target string keys channel settings, subscriptions and schedules, and is what
 * ANNOUNCE_TARGETS lists.
 */

export type PlatformName = "console" | "discord" | "telegram";

/** A channel (Discord), a chat (Telegram) or the terminal: where a command was typed. */
export interface ChannelRef {
  platform: PlatformName;
  id: string;
}

/** "discord:123", "telegram:-100123" or "console". */
export type Target = string;

const PLATFORMS: readonly PlatformName[] = ["console", "discord", "telegram"];

/** The target string of a channel. */
export function targetOf(channel: ChannelRef): Target {
  return channel.platform === "console" ? "console" : `${channel.platform}:${channel.id}`;
}

/** The channel a target names, or null if it names none. */
export function parseTarget(target: Target): ChannelRef | null {
  const text = target.trim();
  if (text === "console" || text.startsWith("console:")) return { platform: "console", id: "console" };
  const colon = text.indexOf(":");
  const platform = text.slice(0, colon) as PlatformName;
  const id = text.slice(colon + 1);
  if (colon <= 0 || id === "" || !PLATFORMS.includes(platform)) return null;
  return { platform, id };
}

/** The same target under a new id ("telegram:-100123" once the chat moved). */
export function withId(target: Target, id: string): Target {
  const ref = parseTarget(target);
  return ref ? targetOf({ platform: ref.platform, id }) : target;
}
