import { type Client, DiscordjsErrorCodes, Events } from "discord.js";
import type { Locale } from "../../domain/locale.js";
import type { Logger } from "../../domain/logger.js";
import { PublishError } from "../../domain/publisher.js";
import { ActionCodec } from "../../framework/actions.js";
import type { Services } from "../../framework/command.js";
import type { Platform } from "../../framework/platform.js";
import { type RateLimitSettings, rateLimiter } from "../../framework/rate-limit.js";
import type { CommandRegistry } from "../../framework/run-command.js";
import { SendThrottle } from "../../framework/send-throttle.js";
import { createDiscordClient } from "./client.js";
import { discordDirectory } from "./directory.js";
import { handleInteraction, type InteractionDeps } from "./interactions.js";
import { LIMITS, POST_PACE } from "./limits.js";
import { nonceBase, postToChannel } from "./publish.js";
import { RECONNECT_DEFAULTS, type ReconnectOptions } from "./reconnect-backoff.js";
import { syncCommands } from "./register-commands.js";
import { renderReply } from "./render-embeds.js";
import { describe } from "./safe-error.js";
import { buildSlashCommands } from "./slash-commands.js";
import { logReconnect, watchConnection } from "./watch-connection.js";

export interface DiscordPlatformOptions {
  token: string;
  /** REST base such as http://127.0.0.1:PORT/api (a stand-in); the gateway is found through it. */
  apiBase?: string;
  /** Register the commands in this server only (instant) instead of globally. */
  guildId?: string;
  commands: CommandRegistry;
  services: Services;
  defaultLocale: Locale;
  log: Logger;
  /** Defer an interaction whose handler has not answered within this time. Default 1,000 ms. */
  deferAfterMs?: number;
  /** The per-user limit on commands and button presses (RATE_LIMIT_*); absent: no limit. */
  rateLimit?: RateLimitSettings;
  /**
   * Called once, after the error is logged, when Discord ends a running session for good (gateway
   * close 4004 or 4014): the platform has stopped itself and will not reconnect. A failure during
   * start() is not reported here; start() rejects instead.
   */
  onFatal?: (message: string) => void;
  /** Gateway reconnect pacing (tests pass a fake clock); defaults: 1 s doubling to 60 s, with jitter. */
  reconnect?: Partial<ReconnectOptions>;
}

/** Newsdesk on Discord: slash commands, buttons and autocomplete in, embeds out, posts on demand. */
export function createDiscordPlatform(options: DiscordPlatformOptions): Platform {
  const { log } = options;
  const telemetry = options.services.telemetry;
  const codec = new ActionCodec(LIMITS.customId);
  const client = createDiscordClient(options.apiBase, {
    ...RECONNECT_DEFAULTS,
    ...options.reconnect,
    onRetry: (attempt, delayMs) => logReconnect(log, attempt, delayMs),
  });
  const deps: InteractionDeps = {
    commands: options.commands,
    services: options.services,
    defaultLocale: options.defaultLocale,
    codec,
    log,
    deferAfterMs: options.deferAfterMs ?? 1000,
    limiter: rateLimiter(options.rateLimit, undefined, (p) => telemetry?.rateLimitWait(p, "user", 0)),
  };
  // One queue for every channel post, so concurrent deliveries share Discord's global pace.
  const pacer = new SendThrottle({
    ...POST_PACE,
    onWait: (ms) => telemetry?.rateLimitWait("discord", "send", ms / 1000),
  });
  let state: "idle" | "running" | "stopped" = "idle";
  let fatal: string | undefined;
  let fatalReported = false;

  client.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction, deps));
  watchConnection(client, log, {
    stopping: () => state === "stopped",
    onFatal(reason) {
      fatal = reason;
      const message = `${reason}; Discord is stopped and will not reconnect`;
      log.error({}, message);
      if (state !== "running") return;
      void platform.stop();
      if (fatalReported) return;
      fatalReported = true;
      try {
        options.onFatal?.(message);
      } catch (error) {
        log.error({ err: describe(error) }, "discord: the onFatal callback threw");
      }
    },
  });

  const platform: Platform = {
    platform: "discord",
    directory: discordDirectory(client, () =>
      state === "running" && client.isReady()
        ? true
        : (fatal ?? `discord is ${state === "running" ? "reconnecting" : state}`),
    ),

    async start() {
      if (state !== "idle") throw new Error("the Discord platform starts once");
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      try {
        await client.login(options.token);
        await ready;
      } catch (error) {
        state = "stopped";
        // Nothing may reconnect behind a failed start.
        await client.destroy().catch(() => undefined);
        throw new Error(fatal ?? startFailure(error));
      }
      state = "running";
      log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, "discord connected");
      await registerCommands(client, options, log);
    },

    async stop() {
      if (state === "stopped") return;
      state = "stopped";
      pacer.close("the Discord platform stopped");
      await client.destroy();
      log.info({}, "discord stopped");
    },

    /**
     * The key becomes the messages' nonce (publish.ts): a post resumed after a crash, within the
     * few minutes Discord remembers nonces, returns the message already created instead of a twin.
     */
    async publish(target, reply, { key }) {
      if (state !== "running") throw new PublishError("transient", "discord is not connected");
      return postToChannel(client, pacer, target.id, renderReply(reply, codec), nonceBase(key));
    },
  };
  return platform;
}

/** Registers the slash commands at start-up, only when the registered set differs from ours. */
async function registerCommands(client: Client, options: DiscordPlatformOptions, log: Logger): Promise<void> {
  const applicationId = client.application?.id;
  if (!applicationId) {
    log.warn({}, "no application id after READY; slash commands not checked");
    return;
  }
  try {
    const outcome = await syncCommands(
      client.rest,
      applicationId,
      buildSlashCommands(options.commands),
      options.guildId,
    );
    log.info({ scope: options.guildId ? "guild" : "global", outcome }, "slash commands");
  } catch (error) {
    // Commands registered earlier keep working; a failed check must not keep the bot offline.
    log.warn({ err: describe(error) }, "could not check the slash commands");
  }
}

function startFailure(error: unknown): string {
  if (error instanceof Error && "code" in error && error.code === DiscordjsErrorCodes.TokenInvalid) {
    return "Discord rejected the bot token (401): check DISCORD_TOKEN in the Developer Portal";
  }
  return `could not connect to Discord: ${describe(error)}`;
}
