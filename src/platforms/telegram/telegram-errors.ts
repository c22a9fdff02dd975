import type { Logger } from "../../domain/logger.js";

/**
 * What the Bot API's errors mean for us. telegraf throws TelegramError ({ code, description,
 * parameters }) for API answers and FetchError for the network; both are read structurally here so
 * the rest of the adapter never string-matches descriptions on its own.
 */

export type TelegramFailure =
  /** 429: wait retry_after seconds, then retry. */
  | { kind: "rate-limited"; retryAfterMs: number }
  /** 400 with migrate_to_chat_id: the group became a supergroup. */
  | { kind: "migrated"; to: string }
  /** The chat is gone for us: blocked, kicked, deleted, no right to post. */
  | { kind: "permanent"; reason: string }
  /** Our HTML was rejected: resend as plain text. */
  | { kind: "bad-markup"; reason: string }
  /** Editing a message to what it already says. */
  | { kind: "not-modified" }
  /** 401 (or 404 on every method): the token is wrong. */
  | { kind: "unauthorized" }
  /** 409: another instance is polling, or a webhook is set. */
  | { kind: "conflict"; reason: string }
  /** Anything else: network, 5xx, an unexpected 400. Worth retrying later. */
  | { kind: "transient"; reason: string };

interface ApiErrorShape {
  code?: unknown;
  description?: unknown;
  parameters?: { retry_after?: unknown; migrate_to_chat_id?: unknown };
  response?: { error_code?: unknown; description?: unknown; parameters?: unknown };
  message?: unknown;
}

const PERMANENT =
  /bot was blocked|bot was kicked|chat not found|user is deactivated|group chat was deactivated|bot is not a member|have no rights to send|not enough rights|need administrator rights|CHAT_WRITE_FORBIDDEN|PEER_ID_INVALID|bot can't initiate conversation/i;

export function classifyError(error: unknown): TelegramFailure {
  const e = (error ?? {}) as ApiErrorShape;
  const code = typeof e.code === "number" ? e.code : Number(e.response?.error_code ?? Number.NaN);
  const description = String(e.description ?? e.response?.description ?? e.message ?? error);
  const parameters = (e.parameters ?? e.response?.parameters ?? {}) as ApiErrorShape["parameters"] & object;
  if (code === 429) {
    const seconds = Number(parameters.retry_after ?? 1);
    return { kind: "rate-limited", retryAfterMs: Math.max(1, Number.isFinite(seconds) ? seconds : 1) * 1000 };
  }
  if (parameters.migrate_to_chat_id !== undefined) {
    return { kind: "migrated", to: String(parameters.migrate_to_chat_id) };
  }
  if (code === 401) return { kind: "unauthorized" };
  if (code === 409) return { kind: "conflict", reason: description };
  if (code === 403) return { kind: "permanent", reason: description };
  if (code === 400 && /message is not modified/i.test(description)) return { kind: "not-modified" };
  if (code === 400 && /can't parse entities|unsupported start tag|can't find end tag/i.test(description)) {
    return { kind: "bad-markup", reason: description };
  }
  if ((code === 400 || code === 404) && PERMANENT.test(description))
    return { kind: "permanent", reason: description };
  return { kind: "transient", reason: description };
}

/**
 * Removes the bot token from anything bound for the log. telegraf puts the token in every request
 * URL, so a network error's message, a stack or a nested cause can carry it, and a URL may carry
 * it percent-encoded ("123%3AAAH…", "%31%32%33…", or encoded twice through a proxy: "%253A").
 * The whole token and its secret part (after the colon) are both found, in any such spelling.
 */
export function makeScrubber(token: string): (text: string) => string {
  // The whole token first, so it is replaced as one rather than leaving its bot id around.
  const secrets = [token, token.split(":")[1] ?? ""].filter((s) => s.length >= 6);
  if (secrets.length === 0) return (text) => text;
  const pattern = new RegExp(secrets.map(anySpelling).join("|"), "g");
  return (text) => text.replace(pattern, "[token]");
}

/** A regex source for `secret`, each character raw or percent-encoded (once or twice, either hex case). */
function anySpelling(secret: string): string {
  return Array.from(secret, (ch) => {
    const encoded = Array.from(Buffer.from(ch, "utf8"), (byte) => `%(?:25)?${hexDigits(byte)}`).join("");
    const raw = ch.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
    return `(?:${raw}|${encoded})`;
  }).join("");
}

function hexDigits(byte: number): string {
  return Array.from(byte.toString(16).padStart(2, "0"), (d) =>
    /[a-f]/.test(d) ? `[${d}${d.toUpperCase()}]` : d,
  ).join("");
}

/** A plain, token-free description of an error for the log (pino prints `err.type/message/stack`). */
export function describeError(error: unknown, scrub: (text: string) => string): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: scrub(String(error)) };
  const e = error as Error & ApiErrorShape & { on?: { method?: unknown } };
  const out: Record<string, unknown> = {
    type: e.name,
    message: scrub(e.message),
    stack: e.stack ? scrub(e.stack) : undefined,
  };
  if (e.code !== undefined) out.code = e.code;
  if (typeof e.on?.method === "string") out.method = e.on.method;
  if (e.cause !== undefined) out.cause = describeError(e.cause, scrub);
  return out;
}

/**
 * Wraps a logger so nothing it writes can hold the token: errors become plain descriptions and every
 * string is scrubbed. The adapter logs through it, and hands it to commands as services.log.
 */
export function scrubbingLogger(log: Logger, token: string): Logger {
  const scrub = makeScrubber(token);
  const clean = (value: unknown, depth: number): unknown => {
    if (typeof value === "string") return scrub(value);
    if (value instanceof Error) return describeError(value, scrub);
    if (depth > 4 || value === null || typeof value !== "object") return value;
    if (Array.isArray(value)) return value.map((v) => clean(v, depth + 1));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v, depth + 1)]));
  };
  const wrap =
    (level: keyof Logger) =>
    (obj: object | string, msg?: string): void => {
      const first = clean(obj, 0) as object | string;
      if (msg === undefined) log[level](first);
      else log[level](first, scrub(msg));
    };
  return { info: wrap("info"), warn: wrap("warn"), error: wrap("error"), debug: wrap("debug") };
}
