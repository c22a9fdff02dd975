import { createHash, randomBytes } from "node:crypto";

/**
 * Operator sign-in links: a random token, single use, valid 10 minutes. Only the token's SHA-256
 * is stored, so whoever reads the store (a database backup) cannot sign in with what they find.
 */
export const LINK_VALID_MS = 10 * 60 * 1000;

/**
 * Where link tokens wait to be used. Async, because the link is made by the CLI and used in the bot
 * process: a database-backed store shares them; the in-memory one serves a single process and tests.
 */
export interface SignInTokenStore {
  /** Keeps a token (by its hash) until `expiresAt` (ms since the epoch). */
  put(hash: string, expiresAt: number): Promise<void>;
  /**
   * Removes the token and says whether it was there and not expired at `now`, as one atomic step:
   * of two concurrent takes of the same token, exactly one gets true.
   */
  take(hash: string, now: number): Promise<boolean>;
}

export class MemorySignInTokenStore implements SignInTokenStore {
  private readonly tokens = new Map<string, number>();

  async put(hash: string, expiresAt: number): Promise<void> {
    this.tokens.set(hash, expiresAt);
  }

  async take(hash: string, now: number): Promise<boolean> {
    const expiresAt = this.tokens.get(hash);
    this.tokens.delete(hash);
    // Expired ones are forgotten on the way, so the map holds only live tokens and the ones taken.
    for (const [other, until] of this.tokens) if (until <= now) this.tokens.delete(other);
    return expiresAt !== undefined && expiresAt > now;
  }
}

export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The path (under the dashboard's public URL) where a link's token is redeemed. */
export const LINK_PATH = "/sign-in/link";

/** Makes a new operator link under `publicUrl` and stores its token. */
export async function createOperatorLink(
  store: SignInTokenStore,
  publicUrl: string,
  now: number,
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await store.put(tokenHash(token), now + LINK_VALID_MS);
  const url = new URL(LINK_PATH, publicUrl);
  url.searchParams.set("token", token);
  return url.toString();
}

/** Uses a link's token: true once, for a token that exists and has not expired. */
export async function redeemOperatorToken(
  store: SignInTokenStore,
  token: string,
  now: number,
): Promise<boolean> {
  // A real token is 43 base64url characters: anything else is not looked up at all.
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return false;
  return store.take(tokenHash(token), now);
}
