import { DiscordAPIError, HTTPError, RateLimitError } from "discord.js";

/**
 * discord.js REST errors carry the request URL, and interaction and webhook URLs embed the
 * interaction token. Before an error reaches a log line it is reduced to what helps: status,
 * Discord's code and message, method and route shape, the token replaced.
 */
export function safeError(error: unknown): unknown {
  if (error instanceof DiscordAPIError || error instanceof HTTPError) {
    const safe = new Error(
      `${error.name}: ${error.message} (HTTP ${error.status} ${error.method} ${redactUrl(error.url)})`,
    );
    safe.name = error.name;
    return safe;
  }
  if (error instanceof RateLimitError)
    return new Error(`rate limited on ${error.route} for ${error.retryAfter} ms`);
  return error;
}

/** "/webhooks/123/<token>/messages/@original" → "/webhooks/123/:token/messages/@original". */
export function redactUrl(url: string): string {
  return url
    .replace(/^https?:\/\/[^/]+/, "")
    .replace(/\/(webhooks|interactions)\/(\d+)\/[^/?]+/, "/$1/$2/:token")
    .replace(/\?.*$/, "");
}

/** An error as one line for the log, with no token in it. */
export function describe(error: unknown): string {
  const safe = safeError(error);
  return safe instanceof Error ? `${safe.name}: ${safe.message}` : String(safe);
}
