import { type Dashboard, startDashboard } from "../../../src/web/dashboard.js";
import type { ReadinessCheck } from "../../../src/web/health.js";
import { newsdeskMetrics } from "../../../src/web/metrics/newsdesk-metrics.js";
import type { DashboardOptions } from "../../../src/web/options.js";
import { telegramHash } from "../../../src/web/sign-in/telegram-login.js";
import { recordingLogger } from "../../helpers/recording-logger.js";
import { FakeServices, GUILD_A, GUILD_B, TELEGRAM_CHAT } from "../../unit/web/fake-services.js";

export const SECRET = "test-secret-that-is-long-enough-0123456789";
export const TELEGRAM_BOT_TOKEN = "123456:AAtest-telegram-token";

/** A moving clock for sessions, links and the sign-in limit (milliseconds since the epoch). */
export class TestClock {
  time = Date.parse("2026-03-01T10:00:00Z");
  now = () => this.time;
  advance(ms: number): void {
    this.time += ms;
  }
}

export interface WebFixture {
  dashboard: Dashboard;
  url: string;
  services: FakeServices;
  clock: TestClock;
  logs: ReturnType<typeof recordingLogger>;
  metrics: ReturnType<typeof newsdeskMetrics>;
  /** Who is an admin of which Telegram chat (user id -> chat ids). */
  chatAdmins: Map<string, Set<string>>;
  ready: { database: true | string };
  /** The guilds the bot is in now (a test may remove one). */
  botGuilds: Set<string>;
}

/** A dashboard on 127.0.0.1 with fake services, a test clock and the bot in guilds A and B. */
export async function startWebFixture(options: Partial<DashboardOptions> = {}): Promise<WebFixture> {
  const services = new FakeServices();
  const clock = new TestClock();
  const logs = recordingLogger();
  const metrics = newsdeskMetrics(["news", "latest", "schedule"]);
  const chatAdmins = new Map<string, Set<string>>([["777000111", new Set([TELEGRAM_CHAT])]]);
  const ready: WebFixture["ready"] = { database: true };
  const botGuilds = new Set([GUILD_A, GUILD_B]);
  const readiness: ReadinessCheck[] = [
    { name: "database", check: () => ready.database },
    { name: "content", check: () => true },
  ];
  const dashboard = await startDashboard(
    {
      port: 0,
      secret: SECRET,
      telegram: { botToken: TELEGRAM_BOT_TOKEN, botUsername: "newsdesk_bot" },
      ...options,
    },
    {
      services,
      log: logs.log,
      readiness,
      metrics: metrics.registry,
      now: clock.now,
      botGuildIds: () => botGuilds,
      isChatAdmin: async (chatId, userId) => chatAdmins.get(userId)?.has(chatId) ?? false,
    },
  );
  return {
    dashboard,
    url: dashboard.publicUrl,
    services,
    clock,
    logs,
    metrics,
    chatAdmins,
    ready,
    botGuilds,
  };
}

/** The `name=value` of a Set-Cookie header for `name`, or undefined. */
export function cookieOf(response: Response, name: string): string | undefined {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .find((c) => c.startsWith(`${name}=`));
}

/** POSTs a form as a browser of `origin` would (the dashboard's own by default). */
export function postForm(
  fixture: WebFixture,
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${fixture.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: fixture.url, "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields),
  });
}

export function get(fixture: WebFixture, path: string, cookie?: string): Promise<Response> {
  return fetch(`${fixture.url}${path}`, { redirect: "manual", headers: cookie ? { cookie } : {} });
}

/** Signs in with a fresh operator link: the session cookie. */
export async function signInOperator(fixture: WebFixture): Promise<string> {
  const link = new URL(await fixture.dashboard.createOperatorLink());
  const response = await postForm(fixture, link.pathname, { token: link.searchParams.get("token") ?? "" });
  const cookie = cookieOf(response, "nd_session");
  if (response.status !== 303 || !cookie) throw new Error(`operator sign-in failed: ${response.status}`);
  return cookie;
}

/** The CSRF token of the first form of a page. */
export async function csrfOf(fixture: WebFixture, path: string, cookie: string): Promise<string> {
  const page = await (await get(fixture, path, cookie)).text();
  const token = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
  if (!token) throw new Error(`no CSRF token on ${path}`);
  return token;
}

/** The query the widget sends to the auth URL, signed with `token` (the bot's by default). */
export function widgetQuery(fields: Record<string, string>, token = TELEGRAM_BOT_TOKEN): URLSearchParams {
  const query = new URLSearchParams(fields);
  query.set("hash", telegramHash(new Map(Object.entries(fields)), token));
  return query;
}
