import {
  type FetchingStrategyOptions,
  type IShardingStrategy,
  managerToFetchingStrategyOptions,
  type SessionInfo,
  SimpleContextFetchingStrategy,
  type WebSocketManager,
  WebSocketShard,
  type WebSocketShardDestroyOptions,
  WebSocketShardEvents,
  WebSocketShardStatus,
} from "@discordjs/ws";
import { Collection, type GatewaySendPayload } from "discord.js";
import { ReconnectGate, type ReconnectOptions } from "./reconnect-backoff.js";

/**
 * @discordjs/ws's SimpleShardingStrategy with one difference: each connection attempt of a shard
 * waits for its ReconnectGate first, so a gateway that is down is retried with back-off instead of
 * every 500 ms (see docs/adr/0064). The hook is the context's retrieveSessionInfo, which the shard
 * calls first thing in every connection attempt while it is still idle (its other calls, on
 * resume and on each dispatch, happen while connecting or ready, and pass straight through).
 */
export class BackoffShardingStrategy implements IShardingStrategy {
  private readonly shards = new Collection<number, { shard: WebSocketShard; gate: ReconnectGate }>();

  constructor(
    private readonly manager: WebSocketManager,
    private readonly reconnect: ReconnectOptions,
  ) {}

  async spawn(shardIds: number[]): Promise<void> {
    const options = await managerToFetchingStrategyOptions(this.manager);
    for (const shardId of shardIds) {
      const gate = new ReconnectGate(this.reconnect);
      let shard: WebSocketShard | undefined;
      const context = new GatedContext(this.manager, options, gate, () => shard?.status);
      shard = new WebSocketShard(context, shardId);
      for (const event of Object.values(WebSocketShardEvents)) {
        shard.on(event, (payload: object) => (this.manager.emit as Emit)(event, { ...payload, shardId }));
      }
      shard.on(WebSocketShardEvents.Ready, () => gate.connected());
      shard.on(WebSocketShardEvents.Resumed, () => gate.connected());
      this.shards.set(shardId, { shard, gate });
    }
  }

  async connect(): Promise<void> {
    await Promise.all(this.shards.map(({ shard }) => shard.connect()));
  }

  async destroy(options?: Omit<WebSocketShardDestroyOptions, "recover">): Promise<void> {
    // Stop the gates first: an attempt waiting out its back-off must not connect a destroyed shard.
    for (const { gate } of this.shards.values()) gate.stop();
    await Promise.all(this.shards.map(({ shard }) => shard.destroy(options)));
    this.shards.clear();
  }

  async send(shardId: number, payload: GatewaySendPayload): Promise<void> {
    const entry = this.shards.get(shardId);
    if (!entry) throw new RangeError(`Shard ${shardId} not found`);
    return entry.shard.send(payload);
  }

  async fetchStatus() {
    // discord.js's Collection is the same Map subclass as the one @discordjs/ws names (another major).
    const status = this.shards.mapValues(({ shard }) => shard.status);
    return status as unknown as Awaited<ReturnType<IShardingStrategy["fetchStatus"]>>;
  }
}

type Emit = (event: string, payload: object) => boolean;

class GatedContext extends SimpleContextFetchingStrategy {
  constructor(
    manager: WebSocketManager,
    options: FetchingStrategyOptions,
    private readonly gate: ReconnectGate,
    private readonly status: () => WebSocketShardStatus | undefined,
  ) {
    super(manager, options);
  }

  override async retrieveSessionInfo(shardId: number): Promise<SessionInfo | null> {
    if (this.status() === WebSocketShardStatus.Idle) await this.gate.beforeConnect();
    return super.retrieveSessionInfo(shardId);
  }
}
