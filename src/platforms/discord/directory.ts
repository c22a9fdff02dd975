import type { Client } from "discord.js";
import type { PlatformDirectory } from "../../framework/platform.js";

/**
 * What the dashboard asks of Discord, from discord.js's cache (the Guilds intent keeps servers and
 * their channels up to date): never a REST call on a page view.
 */
export function discordDirectory(client: Client, running: () => true | string): PlatformDirectory {
  const textChannel = (id: string) => {
    const channel = client.channels.cache.get(id);
    return channel && "guild" in channel && channel.isTextBased() && !channel.isThread() ? channel : null;
  };
  return {
    ready: running,
    botGuildIds: () => new Set(client.guilds.cache.keys()),
    guildOf: (channelId) => textChannel(channelId)?.guild.id ?? null,
    nameOf: async (id) => {
      const channel = textChannel(id);
      return channel ? `#${channel.name} (${channel.guild.name})` : null;
    },
    channels: () =>
      [...client.channels.cache.keys()].flatMap((id) => {
        const channel = textChannel(id);
        return channel ? [{ id, name: `#${channel.name} (${channel.guild.name})` }] : [];
      }),
  };
}
