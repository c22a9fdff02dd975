import { type Client, Events } from "discord.js";
import type { Logger } from "../../framework/ports.js";
import { FATAL_CLOSE_CODES } from "./client.js";
import { describe } from "./safe-error.js";

/**
 * Turns the client's connection events into a few useful log lines, and reports close codes that
 * no reconnect can fix. Lines carry no platform key: main.ts hands in a logger bound to one.
 */
export function watchConnection(
  client: Client,
  log: Logger,
  hooks: { onFatal(reason: string): void; stopping(): boolean },
): void {
  client.on(Events.ShardDisconnect, (event) => {
    const reason = FATAL_CLOSE_CODES.get(event.code);
    if (reason) hooks.onFatal(reason);
    else if (!hooks.stopping()) log.warn({ code: event.code }, "discord gateway closed");
  });
  // discord.js retries every half second while the network is down: one warning, not hundreds.
  // Its own destroy() also reports a reconnect; that one is ours and says nothing.
  let attempts = 0;
  client.on(Events.ShardReconnecting, () => {
    if (hooks.stopping()) return;
    attempts += 1;
    if (attempts === 1) log.warn({}, "discord gateway lost; reconnecting");
    else log.debug({ attempts }, "discord gateway: still reconnecting");
  });
  const back = (how: string) => () => {
    if (attempts > 0) log.info({ attempts }, `discord gateway ${how}`);
    attempts = 0;
  };
  client.on(Events.ShardResume, back("resumed"));
  client.on(Events.ShardReady, back("connected again"));
  client.on(Events.ShardError, (error) => log.warn({ err: describe(error) }, "discord gateway error"));
  client.on(Events.Warn, (message) => log.warn({}, `discord: ${message}`));
  client.on(Events.Error, (error) => log.error({ err: describe(error) }, "discord client error"));
  client.rest.on("rateLimited", (data) =>
    log.info({ route: data.route, retryAfterMs: data.retryAfter }, "discord rate limit: waiting"),
  );
}
