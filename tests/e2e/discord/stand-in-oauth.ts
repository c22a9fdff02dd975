import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Discord's OAuth2 endpoints for the dashboard's sign-in, hooked into the Discord stand-in
 * (`DiscordStandIn.start({ oauth })`), strict where Discord is:
 *   GET  /oauth2/authorize        the consent page: the chosen user "authorizes" at once, and the
 *                                 browser is sent back to redirect_uri with a code and the state
 *   POST /api/v10/oauth2/token    code -> access token; client id and secret checked, code single-use,
 *                                 valid 10 minutes, bound to its redirect_uri
 *   GET  /api/v10/users/@me       the user (Bearer token)
 *   GET  /api/v10/users/@me/guilds  the user's guilds with owner and permissions (scope guilds; limit/after)
 * Every refusal is recorded in `refusals`, which a test asserts empty unless it provoked one.
 */

export interface OAuthGuild {
  id: string;
  name: string;
  owner?: boolean;
  /** Permission bits, as Discord sends them: a decimal string. */
  permissions: string;
}

export interface OAuthUser {
  id: string;
  username: string;
  global_name: string | null;
  guilds: OAuthGuild[];
}

export interface OAuthStandInOptions {
  clientId: string;
  clientSecret: string;
  users: OAuthUser[];
  now?: () => number;
}

const CODE_VALID_MS = 10 * 60 * 1000;

export class OAuthStandIn {
  /** Requests answered with an error, and why. */
  readonly refusals: { path: string; reason: string }[] = [];
  readonly calls: { method: string; path: string }[] = [];
  /** The redirect URIs registered for the application (Discord refuses any other). */
  readonly redirectUris = new Set<string>();
  /** The user who consents at /oauth2/authorize (the first by default). */
  userId: string;
  /** Set by a test: the next authorize is denied by the user (error=access_denied). */
  denyNext = false;
  private readonly codes = new Map<
    string,
    { userId: string; redirectUri: string; scopes: string[]; at: number }
  >();
  private readonly tokens = new Map<string, { userId: string; scopes: string[] }>();
  private readonly now: () => number;

  constructor(private readonly options: OAuthStandInOptions) {
    this.now = options.now ?? Date.now;
    this.userId = options.users[0]?.id ?? "";
  }

  /** Answers the request if it is one of the OAuth2 routes; false lets the stand-in answer it. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v\d+/, ""));
    const method = req.method ?? "GET";
    const routes: Record<string, () => Promise<void> | void> = {
      "GET /oauth2/authorize": () => this.authorize(url, res),
      "POST /oauth2/token": async () => this.token(req, res, await readText(req)),
      "GET /users/@me": () => this.me(req, res, false, url),
      "GET /users/@me/guilds": () => this.me(req, res, true, url),
    };
    const route = routes[`${method} ${path}`];
    if (!route) return false;
    this.calls.push({ method, path });
    await route();
    return true;
  }

  private refuse(res: ServerResponse, path: string, status: number, error: string, reason: string): void {
    this.refusals.push({ path, reason });
    json(res, status, { error, error_description: reason });
  }

  private authorize(url: URL, res: ServerResponse): void {
    const q = url.searchParams;
    const redirectUri = q.get("redirect_uri") ?? "";
    const scopes = (q.get("scope") ?? "").split(" ").filter(Boolean);
    if (q.get("client_id") !== this.options.clientId) {
      return void this.refuse(res, "/oauth2/authorize", 400, "invalid_client", "unknown client_id");
    }
    if (!this.redirectUris.has(redirectUri)) {
      return void this.refuse(
        res,
        "/oauth2/authorize",
        400,
        "invalid_request",
        `redirect_uri not registered: ${redirectUri}`,
      );
    }
    if (q.get("response_type") !== "code" || !scopes.includes("identify")) {
      return void this.refuse(
        res,
        "/oauth2/authorize",
        400,
        "invalid_request",
        "response_type=code and scope identify needed",
      );
    }
    const back = new URL(redirectUri);
    const state = q.get("state");
    if (state !== null) back.searchParams.set("state", state);
    if (this.denyNext) {
      this.denyNext = false;
      back.searchParams.set("error", "access_denied");
    } else {
      const code = randomBytes(15).toString("base64url");
      this.codes.set(code, { userId: this.userId, redirectUri, scopes, at: this.now() });
      back.searchParams.set("code", code);
    }
    res.writeHead(302, { location: back.toString() });
    res.end();
  }

  private token(req: IncomingMessage, res: ServerResponse, text: string): void {
    const form = new URLSearchParams(text);
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const [basicId, basicSecret] = basic ? Buffer.from(basic, "base64").toString().split(":") : [];
    const clientId = form.get("client_id") ?? basicId;
    const secret = form.get("client_secret") ?? basicSecret;
    if (!(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) {
      return void this.refuse(res, "/oauth2/token", 400, "invalid_request", "the body must be form-encoded");
    }
    if (clientId !== this.options.clientId || secret !== this.options.clientSecret) {
      return void this.refuse(res, "/oauth2/token", 401, "invalid_client", "wrong client id or secret");
    }
    const code = form.get("code") ?? "";
    const grant = this.codes.get(code);
    this.codes.delete(code);
    if (form.get("grant_type") !== "authorization_code" || !grant) {
      return void this.refuse(res, "/oauth2/token", 400, "invalid_grant", "unknown or used code");
    }
    if (this.now() - grant.at > CODE_VALID_MS) {
      return void this.refuse(res, "/oauth2/token", 400, "invalid_grant", "expired code");
    }
    if (form.get("redirect_uri") !== grant.redirectUri) {
      return void this.refuse(
        res,
        "/oauth2/token",
        400,
        "invalid_grant",
        "redirect_uri differs from the authorize one",
      );
    }
    const accessToken = randomBytes(20).toString("base64url");
    this.tokens.set(accessToken, { userId: grant.userId, scopes: grant.scopes });
    json(res, 200, {
      access_token: accessToken,
      token_type: "Bearer",
      expires_in: 604_800,
      refresh_token: randomBytes(20).toString("base64url"),
      scope: grant.scopes.join(" "),
    });
  }

  private me(req: IncomingMessage, res: ServerResponse, guilds: boolean, url: URL): void {
    const path = guilds ? "/users/@me/guilds" : "/users/@me";
    const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "";
    const grant = this.tokens.get(bearer);
    const user = this.options.users.find((u) => u.id === grant?.userId);
    if (!grant || !user) return void this.refuse(res, path, 401, "unauthorized", "no valid Bearer token");
    if (!guilds) {
      const { guilds: _, ...fields } = user;
      return void json(res, 200, { ...fields, discriminator: "0", avatar: null });
    }
    if (!grant.scopes.includes("guilds"))
      return void this.refuse(res, path, 403, "missing_scope", "scope guilds needed");
    const limit = Math.min(200, Number(url.searchParams.get("limit") ?? 200));
    const after = BigInt(url.searchParams.get("after") ?? "0");
    const page = user.guilds
      .filter((g) => BigInt(g.id) > after)
      .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1))
      .slice(0, limit)
      .map((g) => ({ icon: null, features: [], owner: false, ...g }));
    json(res, 200, page);
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
