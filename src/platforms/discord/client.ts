import {
  Client,
  type ClientOptions,
  GatewayCloseCodes,
  GatewayIntentBits,
  Options,
  type RateLimitData,
} from "discord.js";
import { BackoffShardingStrategy } from "./backoff-sharding.js";
import { RECONNECT_DEFAULTS, type ReconnectOptions } from "./reconnect-backoff.js";

/** A rate limit longer than this is not waited out by a post: it fails as "rate-limited" instead. */
const MAX_RATE_LIMIT_WAIT_MS = 30_000;

/**
 * The discord.js client as Newsdesk runs it: only the Guilds intent (slash commands need no more),
 * no message or member cache (the bot never reads messages), no mention can ever ping by default,
 * and gateway reconnects back off (ADR 0064). `apiBase` points REST (and, through GET
 * /gateway/bot, the gateway) at a stand-in.
 */
export function createDiscordClient(
  apiBase: string | undefined,
  reconnect: ReconnectOptions = RECONNECT_DEFAULTS,
  sharding: DiscordSharding = {},
): Client {
  const self = {
    maxSize: 0,
    keepOverLimit: (x: { id: string; client: Client }) => x.id === x.client.user?.id,
  };
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    failIfNotExists: false,
    makeCache: Options.cacheWithLimits({
      MessageManager: 0,
      GuildMessageManager: 0,
      DMMessageManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      PresenceManager: 0,
      VoiceStateManager: 0,
      ThreadMemberManager: 0,
      GuildEmojiManager: 0,
      BaseGuildEmojiManager: 0,
      GuildStickerManager: 0,
      GuildScheduledEventManager: 0,
      GuildInviteManager: 0,
      GuildBanManager: 0,
      StageInstanceManager: 0,
      AutoModerationRuleManager: 0,
      ApplicationCommandManager: 0,
      EntitlementManager: 0,
      GuildMemberManager: self,
      UserManager: self,
    }),
    ...shardOptions(sharding),
    ws: { buildStrategy: (manager) => new BackoffShardingStrategy(manager, reconnect) },
    rest: {
      ...(apiBase ? { api: apiBase } : {}),
      rejectOnRateLimit: (data: RateLimitData) => data.retryAfter > MAX_RATE_LIMIT_WAIT_MS,
    },
  });
}

/** Which gateway shards this process runs (DISCORD_SHARDS, DISCORD_SHARD_COUNT; ADR 0106). */
export interface DiscordSharding {
  shards?: readonly number[];
  shardCount?: number;
}

/**
 * Given shards and a count, this process runs those; a count alone, every shard of it; neither,
 * the count Discord recommends (GET /gateway/bot), all in this process.
 */
function shardOptions({ shards, shardCount }: DiscordSharding): Pick<ClientOptions, "shards" | "shardCount"> {
  if (shardCount === undefined) return { shards: "auto" };
  return { shards: shards ? [...shards] : Array.from({ length: shardCount }, (_, i) => i), shardCount };
}

/** Gateway close codes after which reconnecting cannot help: a person must change something. */
export const FATAL_CLOSE_CODES: ReadonlyMap<number, string> = new Map([
  [
    GatewayCloseCodes.AuthenticationFailed,
    "Discord rejected the bot token (gateway close 4004): check DISCORD_TOKEN in the Developer Portal",
  ],
  [
    GatewayCloseCodes.DisallowedIntents,
    "Discord refused the requested gateway intents (close 4014): enable them for the bot in the Developer Portal",
  ],
  [GatewayCloseCodes.InvalidIntents, "Discord rejected the gateway intents as invalid (close 4013)"],
  [
    GatewayCloseCodes.InvalidAPIVersion,
    "Discord no longer serves this gateway version (close 4012): upgrade discord.js",
  ],
  [GatewayCloseCodes.ShardingRequired, "Discord requires sharding for this bot (close 4011)"],
]);
