import { createHash, createHmac } from "node:crypto";
import { safeEqual } from "../cookies.js";

/**
 * The Telegram Login Widget's answer, checked as Telegram specifies
 * (core.telegram.org/widgets/login#checking-authorization): the data-check-string is every received
 * field but `hash`, sorted by name, as `key=value` lines joined by "\n"; the key is SHA-256 of the
 * bot token; the hash is the hex HMAC-SHA-256 of the string. Compared in constant time, and the
 * answer must be at most a day old.
 */
export const TELEGRAM_AUTH_MAX_AGE_S = 24 * 60 * 60;
/** A clock a little ahead of ours is tolerated; a date far in the future is not. */
const FUTURE_SKEW_S = 5 * 60;

export interface TelegramLogin {
  userId: string;
  name: string;
}

export type TelegramCheck = { ok: true; login: TelegramLogin } | { ok: false; reason: string };

export function telegramCheckString(fields: ReadonlyMap<string, string>): string {
  return [...fields]
    .filter(([name]) => name !== "hash")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join("\n");
}

export function telegramHash(fields: ReadonlyMap<string, string>, botToken: string): string {
  const key = createHash("sha256").update(botToken).digest();
  return createHmac("sha256", key).update(telegramCheckString(fields)).digest("hex");
}

/** Checks the widget's query (the fields Telegram sent to the auth URL) at `nowMs`. */
export function checkTelegramLogin(query: URLSearchParams, botToken: string, nowMs: number): TelegramCheck {
  const fields = new Map<string, string>();
  for (const [name, value] of query) {
    // Every received field is signed (Telegram may add some): the auth URL carries none of ours.
    if (fields.has(name)) return { ok: false, reason: `repeated field ${name}` };
    fields.set(name, value);
  }
  const hash = fields.get("hash") ?? "";
  const id = fields.get("id") ?? "";
  const authDate = Number(fields.get("auth_date"));
  if (!/^[0-9a-f]{64}$/.test(hash)) return { ok: false, reason: "no hash" };
  if (!/^\d{1,20}$/.test(id)) return { ok: false, reason: "no user id" };
  if (!safeEqual(hash, telegramHash(fields, botToken))) return { ok: false, reason: "wrong hash" };
  const nowS = Math.floor(nowMs / 1000);
  if (!Number.isInteger(authDate) || nowS - authDate > TELEGRAM_AUTH_MAX_AGE_S) {
    return { ok: false, reason: "auth_date older than a day" };
  }
  if (authDate - nowS > FUTURE_SKEW_S) return { ok: false, reason: "auth_date in the future" };
  const name =
    fields.get("username") ?? [fields.get("first_name"), fields.get("last_name")].filter(Boolean).join(" ");
  return { ok: true, login: { userId: id, name: name || id } };
}
