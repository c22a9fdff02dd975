import { createHmac, timingSafeEqual } from "node:crypto";

/** Cookies: read from a request header, written with the attributes the dashboard always wants. */

/** The cookies of a Cookie header; a malformed pair is skipped, a repeated name keeps the first. */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const pair of (header ?? "").split(";")) {
    const eq = pair.indexOf("=");
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).trim();
    const raw = pair.slice(eq + 1).trim();
    if (cookies.has(name)) continue;
    try {
      cookies.set(name, decodeURIComponent(raw));
    } catch {
      // a stray % in someone else's cookie is not ours to fail on
    }
  }
  return cookies;
}

export interface CookieOptions {
  /** Seconds; 0 deletes the cookie; undefined: a session cookie (until the browser closes). */
  maxAge?: number;
  secure: boolean;
  /** Readable by the page's scripts: only for harmless preferences (the language). */
  httpOnly?: boolean;
}

export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, "Path=/", "SameSite=Lax"];
  if (options.httpOnly !== false) parts.push("HttpOnly");
  if (options.secure) parts.push("Secure");
  if (options.maxAge !== undefined) parts.push(`Max-Age=${Math.max(0, Math.floor(options.maxAge))}`);
  return parts.join("; ");
}

/**
 * Values signed with an HMAC-SHA-256 of a secret: `value.signature`. A forged or altered cookie is
 * rejected before anything looks it up. The value must not contain a dot.
 */
export class CookieSigner {
  constructor(private readonly secret: string) {}

  sign(value: string): string {
    return `${value}.${this.mac(value)}`;
  }

  /** The value, or null when the signature does not match (compared in constant time). */
  verify(signed: string | undefined): string | null {
    if (!signed) return null;
    const dot = signed.lastIndexOf(".");
    if (dot <= 0) return null;
    const value = signed.slice(0, dot);
    return safeEqual(signed.slice(dot + 1), this.mac(value)) ? value : null;
  }

  private mac(value: string): string {
    return createHmac("sha256", this.secret).update(value).digest("base64url");
  }
}

/** Constant-time comparison of two strings (false at once only when their lengths differ). */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
