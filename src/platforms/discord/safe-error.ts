import { DiscordAPIError, HTTPError, RateLimitError } from "discord.js";

/**
 * discord.js REST errors carry the request URL, and interaction and webhook URLs embed the
 * interaction token. Before an error reaches a log line it is reduced to what helps: status,
 * Discord's code and message, method and route shape, the token replaced. Any other error whose
 * text holds such a URL (a proxy's or a network error quoting it, raw or percent-encoded) is
 * copied with the token replaced too.
 */
export function safeError(error: unknown): unknown {
  return clean(error, 0);
}

function clean(error: unknown, depth: number): unknown {
  if (error instanceof DiscordAPIError || error instanceof HTTPError) {
    const safe = new Error(
      `${error.name}: ${redactTokens(error.message)} (HTTP ${error.status} ${error.method} ${redactUrl(error.url)})`,
    );
    safe.name = error.name;
    return safe;
  }
  if (error instanceof RateLimitError)
    return new Error(`rate limited on ${redactTokens(error.route)} for ${error.retryAfter} ms`);
  if (error instanceof Error && depth < 4 && holdsToken(error, depth)) {
    const safe = new Error(redactTokens(error.message));
    safe.name = error.name;
    safe.stack = redactTokens(error.stack ?? "");
    if (error.cause !== undefined) safe.cause = clean(error.cause, depth + 1);
    return safe;
  }
  return error;
}

/**
 * The token segment after /webhooks/<id>/ or /interactions/<id>/, with the slashes raw or
 * percent-encoded (once, or twice through a proxy: %252F). The segment ends at a separator,
 * a quote or whitespace, so the rest of the path stays readable.
 */
const TOKEN_IN_PATH =
  /(webhooks|interactions)(\/|%(?:25)?2F)(\d+)(\/|%(?:25)?2F)(?:(?!%(?:25)?2F)[^/?#&\s"'<>])+/gi;

/** Every interaction or webhook token in `text` replaced by ":token". */
export function redactTokens(text: string): string {
  return text.replace(TOKEN_IN_PATH, "$1$2$3$4:token");
}

function holdsToken(error: Error, depth: number): boolean {
  const texts = [error.message, error.stack ?? ""];
  if (texts.some((t) => redactTokens(t) !== t)) return true;
  return error.cause instanceof Error && depth < 4 && holdsToken(error.cause, depth + 1);
}

/** "/webhooks/123/<token>/messages/@original" → "/webhooks/123/:token/messages/@original". */
export function redactUrl(url: string): string {
  return redactTokens(url.replace(/^https?:\/\/[^/]+/, "").replace(/\?.*$/, ""));
}

/** An error as one line for the log, with no token in it. */
export function describe(error: unknown): string {
  const safe = safeError(error);
  return safe instanceof Error ? `${safe.name}: ${safe.message}` : String(safe);
}
