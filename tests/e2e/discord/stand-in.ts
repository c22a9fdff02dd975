import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";
import { type InteractionKind, InteractionLedger } from "./stand-in-interactions.js";
import { checkCommands, DISCORD_LIMITS } from "./stand-in-limits.js";
import { checkMessage, pings } from "./stand-in-messages.js";
import type { OAuthStandIn } from "./stand-in-oauth.js";
import {
  APP_ID,
  CHANNEL_ID,
  GUILD_ID,
  guildCreatePayload,
  interactionPayload,
  LOCKED_CHANNEL_ID,
  messageObject,
  readyPayload,
} from "./stand-in-payloads.js";
import { GatewayShards } from "./stand-in-shards.js";

export { APP_ID, CHANNEL_ID, GUILD_ID, LOCKED_CHANNEL_ID, MANAGE_GUILD } from "./stand-in-payloads.js";

/**
 * A local stand-in for Discord, enough for the real discord.js to log in, receive interactions
 * and answer them: REST (node:http) and the gateway (ws) on one 127.0.0.1 port. It records every
 * REST call so tests can assert on exactly what the bot sent, and it is strict where Discord is:
 * every message and embed limit, the allowed_mentions shape, the interaction rules, nonces, and
 * the Authorization header (the table in stand-in-limits.ts, payload rules in stand-in-messages.ts,
 * interaction rules in stand-in-interactions.ts; what it sends in stand-in-payloads.ts). It answers
 * what Discord answers, and records each broken rule in `violations`, which every test asserts empty.
 */

export interface RecordedCall {
  method: string;
  /** Path after /api/v10, URL-decoded (so "/messages/@original"). */
  path: string;
  query: string;
  // biome-ignore lint/suspicious/noExplicitAny: recorded JSON, asserted on by tests
  body: any;
  status: number;
}

/** A request the stand-in refused (or accepted although it betrays a bot bug), and why. */
export interface Violation {
  rule: string;
  method: string;
  path: string;
  status: number;
  answer?: unknown;
}

export interface StandInOptions {
  /** Expected bot token: a different one gets 401 on REST and close 4004 on IDENTIFY. */
  token?: string;
  /** Close the gateway with this code on IDENTIFY (4004, 4014...). */
  closeOnIdentify?: number;
  heartbeatMs?: number;
  /** The stand-in's clock (the 3 s, 15 min and nonce windows); default Date.now. */
  now?: () => number;
  /** Discord's OAuth2 endpoints too (the dashboard's sign-in): see stand-in-oauth.ts. */
  oauth?: OAuthStandIn;
  /** More text channels that take messages, beside CHANNEL_ID (a fan-out to many channels). */
  channels?: readonly string[];
}

/** How the gateway treats new connections: accept them, drop them at once, or close after HELLO. */
export type GatewayMode = "up" | "refuse" | "close";

export interface InteractionInput {
  kind: InteractionKind;
  name?: string;
  subcommand?: string;
  options?: Record<string, string | number>;
  /** Autocomplete: the option being typed. */
  focused?: string;
  customId?: string;
  /** Button: the message (a recorded body) the button sits on. */
  message?: Record<string, unknown>;
  locale?: string;
  /** Member permissions; default: none. */
  permissions?: bigint;
  dm?: boolean;
}

interface FailureRule {
  match: (method: string, path: string) => boolean;
  left: number;
  status: number;
  json: unknown;
  headers: Record<string, string>;
}

export class DiscordStandIn {
  readonly calls: RecordedCall[] = [];
  readonly commands = new Map<string, unknown[]>();
  /** Every rule the bot broke, oldest first; `takeViolations()` empties it. */
  readonly violations: Violation[] = [];
  identifies = 0;
  resumes = 0;
  /** Gateway connections tried (accepted or not), accepted, and open now. */
  connectionAttempts = 0;
  connections = 0;
  openSockets = 0;
  private gatewayMode: GatewayMode = "up";
  /** Identified (or resumed) gateway sockets, newest last: dispatches go to the newest. */
  private readonly live: WebSocket[] = [];
  private readonly sessions = new Set<string>();
  private seq = 0;
  private ids = 0;
  /** Messages created with enforce_nonce, by nonce, with when: Discord remembers them a few minutes. */
  private readonly nonces = new Map<string, { message: unknown; at: number }>();
  private readonly failures: FailureRule[] = [];
  private readonly answered = new Set<(call: RecordedCall) => void>();
  private readonly wss: WebSocketServer;
  private readonly interactions: InteractionLedger;
  private readonly now: () => number;
  private readonly shards = new GatewayShards(GUILD_ID);

  private constructor(
    private readonly http: Server,
    readonly port: number,
    private readonly options: StandInOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.interactions = new InteractionLedger(APP_ID, this.now, (body) =>
      this.message(CHANNEL_ID, body ?? {}),
    );
    this.wss = new WebSocketServer({ noServer: true });
    this.wss.on("connection", (ws) => this.onConnection(ws));
    http.on("upgrade", (req, socket, head) => this.onUpgrade(req, socket as Socket, head));
  }

  static async start(options: StandInOptions = {}, port = 0): Promise<DiscordStandIn> {
    const http = createServer();
    await new Promise<void>((resolve) => http.listen(port, "127.0.0.1", resolve));
    const standIn = new DiscordStandIn(http, (http.address() as AddressInfo).port, options);
    http.on("request", (req, res) => void standIn.onRequest(req, res));
    return standIn;
  }

  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** The next `times` calls matching get this error status and JSON body. */
  failNext(
    match: (method: string, path: string) => boolean,
    times: number,
    status: number,
    json: unknown,
    headers: Record<string, string> = {},
  ): void {
    this.failures.push({ match, left: times, status, json, headers });
  }

  /** The next `times` calls matching get 429 with Retry-After (header and JSON). */
  rateLimit(match: (method: string, path: string) => boolean, times: number, retryAfterSec: number): void {
    const json = { message: "You are being rate limited.", retry_after: retryAfterSec, global: false };
    this.failNext(match, times, 429, json, {
      "retry-after": String(retryAfterSec),
      "x-ratelimit-scope": "user",
    });
  }

  /** Whether a bot is connected and identified. */
  get ready(): boolean {
    return this.live.length > 0;
  }

  /** Closes the newest identified gateway socket with this code (4004, 4014...), as Discord does. */
  closeGateway(code: number, reason = "closed by the stand-in"): void {
    this.live.pop()?.close(code, reason);
  }

  /** Kills the newest gateway socket without a close frame, as a network drop does. */
  dropConnection(): void {
    this.live.pop()?.terminate();
  }

  /** Takes the gateway down ("refuse": connections reset; "close": closed after HELLO) or up again. */
  setGateway(mode: GatewayMode): void {
    this.gatewayMode = mode;
  }

  /** Returns and forgets the violations so far (for a test that provokes some on purpose). */
  takeViolations(): Violation[] {
    return this.violations.splice(0);
  }

  /** Dispatches INTERACTION_CREATE; returns the id and token the answer will carry. */
  interact(input: InteractionInput): { id: string; token: string } {
    const id = this.nextId("4");
    const token = `itoken_${randomBytes(36).toString("base64url")}`;
    const message = input.kind === "button" ? this.message(CHANNEL_ID, input.message ?? {}) : undefined;
    this.interactions.issue(id, token, input.kind, message);
    this.dispatch("INTERACTION_CREATE", interactionPayload(input, id, token, message));
    return { id, token };
  }

  /** A message object as Discord returns it, for a body the bot sent. */
  message(channelId: string, body: Record<string, unknown>): Record<string, unknown> {
    return messageObject(this.nextId("5"), channelId, body, this.now());
  }

  /**
   * Calls `listener` with each REST call once it is answered (its status set), for a watcher that
   * shows what the bot sends as it happens (the try tool); returns the unsubscribe.
   */
  onAnswered(listener: (call: RecordedCall) => void): () => void {
    this.answered.add(listener);
    return () => this.answered.delete(listener);
  }

  /** Calls answering one interaction: its callback and its webhook edits and follow-ups. */
  answers(token: string): RecordedCall[] {
    return this.calls.filter((c) => c.path.includes(`/${token}`));
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private nextId(prefix: string): string {
    this.ids += 1;
    return `${prefix}${String(this.ids).padStart(17, "0")}`;
  }

  // ---- gateway ----

  private onUpgrade(req: IncomingMessage, socket: Socket, head: Buffer): void {
    this.connectionAttempts += 1;
    // A gateway that is down: the connection is reset before any handshake.
    if (this.gatewayMode === "refuse") return void socket.destroy();
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit("connection", ws, req));
  }

  private onConnection(ws: WebSocket): void {
    const send = (payload: object) => ws.send(JSON.stringify(payload));
    send({ op: 10, d: { heartbeat_interval: this.options.heartbeatMs ?? 15_000 } });
    this.connections += 1;
    this.openSockets += 1;
    // A gateway in trouble: HELLO, then an "unknown error" close (discord.js would resume or reconnect).
    if (this.gatewayMode === "close") setImmediate(() => ws.close(4000, "stand-in gateway in trouble"));
    ws.on("close", () => {
      this.openSockets -= 1;
      const index = this.live.indexOf(ws);
      if (index >= 0) this.live.splice(index, 1);
    });
    ws.on("message", (raw) => {
      const { op, d } = JSON.parse(String(raw));
      if (op === 1) send({ op: 11 });
      if (this.gatewayMode === "close") return; // in trouble: no session starts
      if (op === 2) this.onIdentify(ws, d.token, d.shard);
      if (op === 6) {
        this.resumes += 1;
        if (!this.sessions.has(d.session_id)) return send({ op: 9, d: false });
        this.live.push(ws);
        this.dispatch("RESUMED", {});
      }
    });
  }

  private onIdentify(ws: WebSocket, token: string, shard?: [number, number]): void {
    this.identifies += 1;
    const code =
      this.options.closeOnIdentify ?? (this.options.token && token !== this.options.token ? 4004 : 0);
    if (code) {
      ws.close(code, "refused by the stand-in");
      return;
    }
    const session = randomBytes(8).toString("hex");
    this.sessions.add(session);
    this.live.push(ws);
    // Sharded: the guild is on the shard (guild_id >> 22) % count; the other shards get no guild.
    const holds = this.shards.identify(ws, shard);
    const ready = readyPayload(session, `ws://127.0.0.1:${this.port}`);
    this.dispatch("READY", { ...ready, shard: shard ?? [0, 1], guilds: holds ? ready.guilds : [] }, ws);
    if (holds) this.dispatch("GUILD_CREATE", guildCreatePayload(), ws);
  }

  /** To the socket that holds the guild's shard (the newest, unsharded). */
  private dispatch(t: string, d: object, ws = this.shards.holder(this.live)): void {
    this.seq += 1;
    ws?.send(JSON.stringify({ op: 0, t, s: this.seq, d }));
  }

  // ---- REST ----

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (await this.options.oauth?.handle(req, res)) return;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://stand-in");
    const method = req.method ?? "GET";
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v\d+/, ""));
    const call: RecordedCall = {
      method,
      path,
      query: url.search,
      body: text ? JSON.parse(text) : null,
      status: 0,
    };
    this.calls.push(call);
    const reply = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
      call.status = status;
      res.writeHead(
        status,
        json === undefined ? headers : { "content-type": "application/json", ...headers },
      );
      res.end(json === undefined ? undefined : JSON.stringify(json));
      for (const listener of this.answered) listener(call);
    };
    /** Answers as Discord would, and records the rule the bot broke (if any). */
    const answer = (outcome: { status: number; json?: unknown; violation?: string }) => {
      if (outcome.violation || outcome.status >= 400) {
        const rule = outcome.violation ?? `refused with ${outcome.status}`;
        this.violations.push({ rule, method, path, status: outcome.status, answer: outcome.json });
      }
      reply(outcome.status, outcome.json);
    };

    const failure = this.failures.find((f) => f.left > 0 && f.match(method, path));
    if (failure) {
      failure.left -= 1;
      return reply(failure.status, failure.json, failure.headers);
    }

    // Interaction routes are authorized by their token; discord.js sends no Authorization there.
    const callback = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path);
    if (callback && method === "POST") {
      return answer(this.interactions.callback(callback[1] ?? "", callback[2] ?? "", call.body));
    }
    const webhook = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/([^/]+))?$/.exec(path);
    if (webhook) {
      const [, app = "", token = "", messageId] = webhook;
      return answer(this.interactions.webhook(method, app, token, messageId, call.body));
    }

    const auth = req.headers.authorization;
    const expected = this.options.token ? `Bot ${this.options.token}` : undefined;
    if (!auth || !/^Bot \S+$/.test(auth) || (expected && auth !== expected)) {
      const rule = auth ? "a wrong bot token" : "no Authorization header";
      return answer({ status: 401, json: { message: "401: Unauthorized", code: 0 }, violation: rule });
    }

    if (method === "GET" && path === "/gateway/bot") {
      const limit = { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 };
      return reply(200, { url: `ws://127.0.0.1:${this.port}`, shards: 1, session_start_limit: limit });
    }
    if (method === "GET" && path === "/applications/@me") return reply(200, { id: APP_ID, name: "Newsdesk" });
    const commands = /^\/applications\/(\d+)(\/guilds\/\d+)?\/commands$/.exec(path);
    if (commands && commands[1] === APP_ID) {
      const scope = commands[2] ? commands[2].slice("/guilds/".length) : "global";
      if (method === "PUT") {
        const invalid = checkCommands(call.body);
        if (invalid) return answer({ status: 400, json: invalid, violation: "command registration refused" });
        const stored = (call.body as object[]).map((c) => ({ ...c, id: this.nextId("7"), version: "1" }));
        this.commands.set(scope === "global" ? "global" : `/guilds/${scope}`, stored);
      }
      return reply(200, this.commands.get(scope === "global" ? "global" : `/guilds/${scope}`) ?? []);
    }
    const [, id = "", messages] = /^\/channels\/(\d+)(\/messages)?$/.exec(path) ?? [];
    if (id) {
      if (id !== CHANNEL_ID && id !== LOCKED_CHANNEL_ID && !this.options.channels?.includes(id))
        return reply(404, { message: "Unknown Channel", code: 10003 });
      if (!messages) return reply(200, { id, type: 0, guild_id: GUILD_ID, name: "news", position: 0 });
      if (method !== "POST")
        return answer({ status: 405, json: { message: "405: Method Not Allowed", code: 0 } });
      if (id === LOCKED_CHANNEL_ID) return reply(403, { message: "Missing Permissions", code: 50013 });
      return answer(this.createMessage(id, call.body));
    }
    return answer({
      status: 404,
      json: { message: "404: Not Found", code: 0 },
      violation: "a route the stand-in does not know",
    });
  }

  /**
   * POST /channels/{id}/messages: validated like Discord, and with enforce_nonce a repeated nonce
   * within the window returns the message already created instead of a twin.
   */
  private createMessage(channelId: string, body: Record<string, unknown> | null) {
    const invalid = checkMessage(body, { create: true });
    if (invalid) return { status: 400, json: invalid, violation: "a channel message refused" };
    const now = this.now();
    for (const [nonce, seen] of this.nonces) {
      if (now - seen.at > DISCORD_LIMITS.nonceWindowMs) this.nonces.delete(nonce);
    }
    const nonce = body?.enforce_nonce === true && body.nonce !== undefined ? String(body.nonce) : undefined;
    const known = nonce === undefined ? undefined : this.nonces.get(nonce);
    if (known) return { status: 200, json: known.message };
    const created = this.message(channelId, body ?? {});
    if (nonce !== undefined) this.nonces.set(nonce, { message: created, at: now });
    const found = pings(body?.content, body?.allowed_mentions, "channel");
    return {
      status: 200,
      json: created,
      violation: found.length > 0 ? `would ping: ${found.join(" ")}` : undefined,
    };
  }
}
