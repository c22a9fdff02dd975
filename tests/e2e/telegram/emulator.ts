import { createServer, type Server } from "node:http";
import { createServer as createNetServer } from "node:net";
import express, { type NextFunction, type Request, type Response } from "express";
import TelegramServerModule from "telegram-test-api";
import { waitFor } from "../../helpers/wait-for.js";
import { checkBotApiCall, notModified } from "./strict-bot-api.js";

/**
 * The telegram-test-api emulator behind a small express wrapper that adds what it lacks (see
 * docs/ARCHITECTURE "Tests"): long polling on getUpdates, setMyCommands/getMyCommands,
 * getChatMember with a configurable admin list, sendChatAction, a proper answerCallbackQuery,
 * injected errors (429 with retry_after, 403, migrations), and a log of every Bot API call.
 *
 * The emulator's own express app is mounted inside the wrapper and its server is never started,
 * so one port (on 127.0.0.1, picked free) serves both the bot's API and the test clients.
 * (A little over 300 lines: every gap it fills is kept in this one file so it reads as a list.)
 */

// The package is CommonJS with `module.exports = TelegramServer`; its types say `export default`.
type TelegramServerClass = typeof import("telegram-test-api").default;
const TelegramServer: TelegramServerClass =
  (TelegramServerModule as unknown as { default?: TelegramServerClass }).default ??
  (TelegramServerModule as unknown as TelegramServerClass);
export type TelegramServer = InstanceType<TelegramServerClass>;
export type TestClient = ReturnType<TelegramServer["getClient"]>;

/** The emulator's client (which keeps its ids private) with the ids the tests need. */
export interface TestUser {
  client: TestClient;
  token: string;
  chatId: number;
  userId: number;
}

export interface ApiCall {
  method: string;
  token: string;
  params: Record<string, unknown>;
  status: number;
  at: number;
}

/** A call Telegram would refuse (or take, showing the user something the bot did not mean). */
export interface ApiViolation {
  method: string;
  chatId?: string;
  description: string;
  refused: boolean;
}

interface Injection {
  method: string;
  chatId: string;
  remaining: number;
  status: number;
  body: object | { raw: string; contentType: string };
}

/** What the bot posted, as the emulator stored it (params of sendMessage, edits applied). */
export interface BotMessage {
  messageId: number;
  chatId: string;
  text: string;
  parseMode?: string;
  replyMarkup?: { inline_keyboard: { text: string; callback_data?: string }[][] };
  raw: Record<string, unknown>;
}

/** Picks a free port on 127.0.0.1 (telegram-test-api turns port 0 into 9000). */
export async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve, reject) => {
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => resolve());
  });
  const address = probe.address();
  const port = typeof address === "object" && address ? address.port : 0;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export class Emulator {
  readonly calls: ApiCall[] = [];
  /** Every Bot API rule the bot broke (strict-bot-api.ts), oldest first; every test asserts none. */
  readonly violations: ApiViolation[] = [];
  private readonly commandMenus = new Map<string, unknown>();
  private readonly admins = new Map<string, Set<number>>();
  private readonly injections: Injection[] = [];
  private readonly waiters = new Set<() => void>();
  /** getUpdates requests held open right now, by token. */
  private readonly held = new Map<string, number>();
  private readonly finished = new Set<(call: ApiCall) => void>();
  private closing = false;

  private constructor(
    readonly server: TelegramServer,
    private readonly http: Server,
    readonly port: number,
  ) {}

  /** Starts the emulator and its wrapper on `port` (a free one when omitted). */
  static async start(port?: number): Promise<Emulator> {
    for (let attempt = 0; ; attempt++) {
      const chosen = port ?? (await freePort());
      const server = new TelegramServer({ port: chosen, host: "127.0.0.1" });
      const app = express();
      const http = createServer(app);
      const emulator = new Emulator(server, http, chosen);
      emulator.install(app);
      try {
        await new Promise<void>((resolve, reject) => {
          http.once("error", reject);
          http.listen(chosen, "127.0.0.1", () => resolve());
        });
        return emulator;
      } catch (error) {
        if (port !== undefined || attempt >= 3) throw error;
      }
    }
  }

  /** The Bot API root to give telegraf (telegram: { apiRoot }). */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    this.closing = true;
    for (const wake of [...this.waiters]) wake();
    await new Promise<void>((resolve) => {
      this.http.close(() => resolve());
      this.http.closeAllConnections();
    });
  }

  /** A person in a chat, talking to the bot with this token. */
  user(
    token: string,
    options: { userId: number; chatId?: number; type?: "private" | "group" | "supergroup"; name?: string },
  ): TestUser {
    const chatId = options.chatId ?? options.userId;
    const client = this.server.getClient(token, {
      timeout: 5_000,
      userId: options.userId,
      chatId,
      type: options.type ?? "private",
      firstName: options.name ?? `User${options.userId}`,
      userName: `user${options.userId}`,
      chatTitle: options.type && options.type !== "private" ? `Chat ${chatId}` : undefined,
    });
    return { client, token, chatId, userId: options.userId };
  }

  /** Users who are admins of a chat, for getChatMember. */
  setAdmins(chatId: number | string, userIds: number[]): void {
    this.admins.set(String(chatId), new Set(userIds));
  }

  /** Makes the next `count` calls of `method` to a chat ("*": any call) fail with the given answer. */
  failNext(method: string, chatId: number | string, count: number, status: number, body: object): void {
    this.injections.push({ method, chatId: String(chatId), remaining: count, status, body });
  }

  /**
   * Makes the next `count` calls of `method` to a chat answer with a body that is not JSON, as a
   * proxy or captive portal in front of the Bot API does (an HTML page).
   */
  failNextRaw(
    method: string,
    chatId: number | string,
    count: number,
    status: number,
    raw: string,
    contentType = "text/html",
  ): void {
    this.injections.push({
      method,
      chatId: String(chatId),
      remaining: count,
      status,
      body: { raw, contentType },
    });
  }

  /** How many getUpdates requests of this bot the emulator is holding open now. */
  heldPolls(token: string): number {
    return this.held.get(token) ?? 0;
  }

  /** The next `count` sendMessage calls to a chat answer 429 with retry_after. */
  inject429(chatId: number | string, count = 1, retryAfter = 1): void {
    this.failNext("sendMessage", chatId, count, 429, {
      ok: false,
      error_code: 429,
      description: `Too Many Requests: retry after ${retryAfter}`,
      parameters: { retry_after: retryAfter },
    });
  }

  /** setMyCommands as recorded, by language ("default" for none). */
  menu(token: string, language = "default"): { command: string; description: string }[] | undefined {
    return this.commandMenus.get(`${token}|${language}`) as
      | { command: string; description: string }[]
      | undefined;
  }

  /**
   * Calls `listener` with each Bot API call once it is answered (the emulator's storage updated),
   * for a watcher that shows what the bot sends as it happens (the try tool); returns the unsubscribe.
   */
  onFinished(listener: (call: ApiCall) => void): () => void {
    this.finished.add(listener);
    return () => this.finished.delete(listener);
  }

  callsTo(method: string, token?: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method && (token === undefined || c.token === token));
  }

  /** Messages the bot sent to a chat, oldest first (edits applied). */
  botMessages(token: string, chatId: number | string): BotMessage[] {
    return this.server.storage.botMessages
      .filter((m) => m.botToken === token && String(m.message.chat_id) === String(chatId))
      .map((m) => {
        const raw = m.message as unknown as Record<string, unknown>;
        return {
          messageId: m.messageId,
          chatId: String(raw.chat_id),
          text: String(raw.text ?? ""),
          parseMode: raw.parse_mode as string | undefined,
          replyMarkup: raw.reply_markup as BotMessage["replyMarkup"],
          raw,
        };
      });
  }

  /** Returns and forgets the violations so far (for a test that provokes some on purpose). */
  takeViolations(): ApiViolation[] {
    return this.violations.splice(0);
  }

  /** Waits for `check` to return a value (the shared waitFor, kept here for the suites' call shape). */
  waitFor<T>(what: string, check: () => T | undefined | false, timeoutMs?: number): Promise<T> {
    return waitFor(check, { what, timeoutMs });
  }

  private install(app: express.Express): void {
    app.use(express.json({ limit: "5mb" }));
    app.use(express.urlencoded({ extended: true }));
    app.all("/bot:token/:method", (req, res, next) => this.logCall(req, res, next));
    app.all("/bot:token/getUpdates", (req, res, next) => void this.longPoll(req, res, next));
    app.all("/bot:token/setMyCommands", (req, res) => {
      const params = paramsOf(req);
      const language =
        typeof params.language_code === "string" && params.language_code ? params.language_code : "default";
      const commands = typeof params.commands === "string" ? JSON.parse(params.commands) : params.commands;
      this.commandMenus.set(`${req.params.token}|${language}`, commands);
      res.json({ ok: true, result: true });
    });
    app.all("/bot:token/getMyCommands", (req, res) => {
      const params = paramsOf(req);
      const language =
        typeof params.language_code === "string" && params.language_code ? params.language_code : "default";
      res.json({ ok: true, result: this.commandMenus.get(`${req.params.token}|${language}`) ?? [] });
    });
    app.all("/bot:token/getChatMember", (req, res) => {
      const params = paramsOf(req);
      const userId = Number(params.user_id);
      const admin = this.admins.get(String(params.chat_id))?.has(userId) ?? false;
      res.json({
        ok: true,
        result: {
          status: admin ? "administrator" : "member",
          user: { id: userId, is_bot: false, first_name: "User" },
        },
      });
    });
    app.all("/bot:token/sendChatAction", (_req, res) => void res.json({ ok: true, result: true }));
    app.all("/bot:token/answerCallbackQuery", (_req, res) => void res.json({ ok: true, result: true }));
    app.all("/bot:token/editMessageText", (req, res) => {
      // The emulator answers null and keeps no record when the message is unknown: answer like Telegram.
      const params = paramsOf(req);
      const known = this.server.storage.botMessages.some(
        (m) =>
          String(m.messageId) === String(params.message_id) &&
          String(m.message.chat_id) === String(params.chat_id),
      );
      if (!known)
        return void res
          .status(400)
          .json({ ok: false, error_code: 400, description: "Bad Request: message to edit not found" });
      const current = this.server.storage.botMessages.find(
        (m) => String(m.messageId) === String(params.message_id),
      )?.message as { text?: unknown; reply_markup?: unknown };
      const same = notModified(current, params);
      if (same) return void this.refuse(req, res, same.description);
      this.server.editMessageText(params as never);
      res.json({ ok: true, result: true });
    });
    app.use((this.server as unknown as { webServer: express.Express }).webServer);
  }

  private logCall(req: Request, res: Response, next: NextFunction): void {
    const method = String(req.params.method);
    const params = paramsOf(req);
    const call: ApiCall = { method, token: String(req.params.token), params, status: 200, at: Date.now() };
    this.calls.push(call);
    res.on("finish", () => {
      call.status = res.statusCode;
      for (const listener of this.finished) listener(call);
    });
    const chatId = params.chat_id === undefined ? undefined : String(params.chat_id);
    const injection = this.injections.find(
      (i) => i.method === method && (i.chatId === "*" || i.chatId === chatId) && i.remaining > 0,
    );
    if (injection) {
      injection.remaining--;
      const { body } = injection;
      if ("raw" in body && "contentType" in body)
        res.status(injection.status).type(body.contentType).send(body.raw);
      else res.status(injection.status).json(body);
      return;
    }
    const verdict = checkBotApiCall(method, params);
    if (verdict?.refused) {
      this.refuse(req, res, verdict.description);
      return;
    }
    if (verdict) this.violations.push({ method, chatId, description: verdict.description, refused: false });
    next();
  }

  /** Answers 400 with Telegram's description, and records the violation. */
  private refuse(req: Request, res: Response, description: string): void {
    const chatId = paramsOf(req).chat_id;
    this.violations.push({
      method: String(req.params.method ?? req.path.split("/").at(-1)),
      chatId: chatId === undefined ? undefined : String(chatId),
      description,
      refused: true,
    });
    res.status(400).json({ ok: false, error_code: 400, description });
  }

  /** Holds getUpdates until an update for this bot arrives or `timeout` seconds pass. */
  private async longPoll(req: Request, res: Response, next: NextFunction): Promise<void> {
    const token = String(req.params.token);
    const timeoutSeconds = Math.min(Number(paramsOf(req).timeout ?? 0) || 0, 50);
    const hasUpdates = () => this.server.storage.userMessages.some((u) => u.botToken === token && !u.isRead);
    if (!hasUpdates() && timeoutSeconds > 0 && !this.closing) {
      let gone = false;
      res.on("close", () => {
        gone = true;
      });
      this.held.set(token, this.heldPolls(token) + 1);
      await new Promise<void>((resolve) => {
        const events = ["AddedUserMessage", "AddedUserCommand", "AddedUserCallbackQuery"];
        const onEvent = () => {
          if (hasUpdates()) wake();
        };
        const timer = setTimeout(() => wake(), timeoutSeconds * 1000);
        let woken = false;
        const wake = () => {
          if (woken) return;
          woken = true;
          clearTimeout(timer);
          for (const e of events) this.server.off(e, onEvent);
          res.off("close", wake);
          this.waiters.delete(wake);
          this.held.set(token, this.heldPolls(token) - 1);
          resolve();
        };
        for (const e of events) this.server.on(e, onEvent);
        res.on("close", wake);
        this.waiters.add(wake);
      });
      // The bot gave up on this request (stop, abort): leave the updates for the next one.
      if (gone || res.writableEnded) return;
      if (this.closing) return void res.json({ ok: true, result: [] });
    }
    next();
  }
}

function paramsOf(req: Request): Record<string, unknown> {
  return { ...(req.query as Record<string, unknown>), ...((req.body ?? {}) as Record<string, unknown>) };
}
