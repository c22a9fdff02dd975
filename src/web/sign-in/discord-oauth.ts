/**
 * Discord sign-in: the OAuth2 authorization code flow (scopes `identify guilds`). The browser goes
 * to Discord's authorize page with a random `state` that a cookie binds to that browser; Discord
 * sends it back with a code, which the server exchanges (with the client secret) for a token, and
 * asks who the user is and which servers they are in. A moderator may manage a server they own,
 * or where they hold Administrator or Manage Server, and where the bot is.
 */

export interface DiscordOAuthOptions {
  clientId: string;
  clientSecret: string;
  /** Where Discord lives: "https://discord.com"; a test points it at the stand-in. */
  base?: string;
}

export const DISCORD_BASE = "https://discord.com";
export const DISCORD_SCOPES = "identify guilds";
const ADMINISTRATOR = 0x8n;
const MANAGE_GUILD = 0x20n;
const TIMEOUT_MS = 10_000;

/** A guild as /users/@me/guilds lists it (the fields used). */
export interface DiscordGuildEntry {
  id: string;
  owner?: boolean;
  /** The user's permissions in the guild, a decimal string of a bit set. */
  permissions?: string;
}

export interface DiscordIdentity {
  userId: string;
  name: string;
  /** Guilds the user may manage (before the bot's presence is checked). */
  manageable: string[];
}

/** The authorize URL the browser is sent to. */
export function discordAuthorizeUrl(
  options: DiscordOAuthOptions,
  redirectUri: string,
  state: string,
): string {
  const url = new URL("/oauth2/authorize", options.base ?? DISCORD_BASE);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", options.clientId);
  url.searchParams.set("scope", DISCORD_SCOPES);
  url.searchParams.set("state", state);
  url.searchParams.set("redirect_uri", redirectUri);
  url.searchParams.set("prompt", "none");
  return url.toString();
}

/** Whether the entry's owner flag or permission bits allow managing the server. */
export function mayManage(entry: DiscordGuildEntry): boolean {
  if (entry.owner === true) return true;
  if (typeof entry.permissions !== "string" || !/^\d{1,25}$/.test(entry.permissions)) return false;
  const bits = BigInt(entry.permissions);
  return (bits & ADMINISTRATOR) !== 0n || (bits & MANAGE_GUILD) !== 0n;
}

/** The servers of the list the user may manage and where the bot is. */
export function manageableGuilds(entries: unknown, botGuildIds: ReadonlySet<string>): string[] {
  if (!Array.isArray(entries)) return [];
  return entries
    .filter((e): e is DiscordGuildEntry => typeof e === "object" && e !== null && typeof e.id === "string")
    .filter((e) => botGuildIds.has(e.id) && mayManage(e))
    .map((e) => e.id);
}

async function discordJson(url: string, init: RequestInit): Promise<unknown> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!response.ok) throw new Error(`Discord answered ${response.status} to ${new URL(url).pathname}`);
  return response.json();
}

/** Discord lists at most 200 guilds a page; a user may be in up to 500 (with Nitro). */
const PAGE = 200;
const MAX_PAGES = 5;

async function allGuilds(api: string, headers: Record<string, string>): Promise<unknown[]> {
  const all: unknown[] = [];
  let after = "0";
  for (let page = 0; page < MAX_PAGES; page++) {
    const batch = await discordJson(`${api}/users/@me/guilds?limit=${PAGE}&after=${after}`, { headers });
    if (!Array.isArray(batch)) break;
    for (const guild of batch) all.push(guild);
    const last = batch.at(-1) as { id?: unknown } | undefined;
    if (batch.length < PAGE || typeof last?.id !== "string") break;
    after = last.id;
  }
  return all;
}

/**
 * Exchanges the code for a token, then asks who the user is and in which servers: the identity,
 * with the servers they may manage where the bot is. Throws on any refusal of Discord's.
 */
export async function discordIdentity(
  options: DiscordOAuthOptions,
  code: string,
  redirectUri: string,
  botGuildIds: ReadonlySet<string>,
): Promise<DiscordIdentity> {
  const api = `${options.base ?? DISCORD_BASE}/api/v10`;
  const token = (await discordJson(`${api}/oauth2/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: redirectUri,
      client_id: options.clientId,
      client_secret: options.clientSecret,
    }),
  })) as { access_token?: unknown; token_type?: unknown };
  if (typeof token.access_token !== "string") throw new Error("Discord gave no access token");
  const headers = { authorization: `Bearer ${token.access_token}` };
  const user = (await discordJson(`${api}/users/@me`, { headers })) as Record<string, unknown>;
  if (typeof user.id !== "string") throw new Error("Discord gave no user id");
  const guilds = await allGuilds(api, headers);
  const name = typeof user.global_name === "string" ? user.global_name : String(user.username ?? user.id);
  return { userId: user.id, name, manageable: manageableGuilds(guilds, botGuildIds) };
}
