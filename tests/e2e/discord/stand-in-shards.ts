import type { WebSocket } from "ws";

/**
 * Which gateway socket holds the stand-in's guild when the bot runs sharded (several processes,
 * each with DISCORD_SHARDS): Discord puts a guild on shard (guild_id >> 22) % shard count, sends
 * its GUILD_CREATE and its interactions there, and nothing of it to the other shards.
 */
export class GatewayShards {
  private readonly bySocket = new WeakMap<WebSocket, [number, number]>();

  constructor(private readonly guildId: string) {}

  /** Notes the shard a socket identified as; true if the guild is on it. */
  identify(ws: WebSocket, shard: [number, number] = [0, 1]): boolean {
    this.bySocket.set(ws, shard);
    return this.holds(shard);
  }

  /** The newest identified socket whose shard holds the guild. */
  holder(live: readonly WebSocket[]): WebSocket | undefined {
    for (let i = live.length - 1; i >= 0; i--) {
      const ws = live[i];
      if (ws && this.holds(this.bySocket.get(ws) ?? [0, 1])) return ws;
    }
    return live.at(-1);
  }

  private holds([id, count]: [number, number]): boolean {
    return Number((BigInt(this.guildId) >> 22n) % BigInt(count)) === id;
  }
}
