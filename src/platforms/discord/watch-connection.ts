import { type Client, Events } from "discord.js";
import type { Logger } from "../../domain/logger.js";
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
  // One warning when the connection goes; the attempts that follow are paced and logged by the
  // reconnect back-off (logReconnect). Our own destroy() also reports a reconnect: it says nothing.
  let attempts = 0;
  client.on(Events.ShardReconnecting, () => {
    if (hooks.stopping()) return;
    attempts += 1;
    if (attempts === 1) log.warn({}, "discord gateway lost; reconnecting");
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

/**
 * A reconnect attempt about to wait out its back-off: at info for attempts 2, 4, 8, 16... (so a
 * gateway down for an hour leaves a handful of lines, each saying how long the next wait is), at
 * debug for the rest.
 */
export function logReconnect(log: Logger, attempt: number, delayMs: number): void {
  const line = { attempt, retryInMs: delayMs };
  if ((attempt & (attempt - 1)) === 0) log.info(line, "discord gateway still unreachable; backing off");
  else log.debug(line, "discord gateway still unreachable; backing off");
}
