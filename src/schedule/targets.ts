import type { ChannelRef, PlatformName } from "../framework/command.js";

/**
 * A target is where the scheduler posts: "discord:<channel id>", "telegram:<chat id>" or
 * "console" (there is one console, whatever id its adapter gives the channel). The same string
 * keys channel settings, subscriptions and schedules, and is what ANNOUNCE_TARGETS lists.
 */
export function targetOf(channel: ChannelRef): string {
  return channel.platform === "console" ? "console" : `${channel.platform}:${channel.id}`;
}

const PLATFORMS: readonly PlatformName[] = ["console", "discord", "telegram"];

export function parseTarget(target: string): ChannelRef | null {
  const text = target.trim();
  if (text === "console" || text.startsWith("console:")) return { platform: "console", id: "console" };
  const colon = text.indexOf(":");
  const platform = text.slice(0, colon) as PlatformName;
  const id = text.slice(colon + 1);
  if (colon <= 0 || id === "" || !PLATFORMS.includes(platform)) return null;
  return { platform, id };
}

/** "telegram:-100123" with a moved chat id. */
export function withId(target: string, id: string): string {
  const ref = parseTarget(target);
  return ref ? targetOf({ platform: ref.platform, id }) : target;
}
