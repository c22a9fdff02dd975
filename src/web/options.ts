import type { ReadinessCheck } from "./health.js";
import type { MetricsRegistry } from "./metrics/registry.js";
import type { DashboardServices } from "./services.js";
import type { SessionStore } from "./sessions.js";
import type { AttemptLimit } from "./sign-in/attempt-limiter.js";
import type { DiscordOAuthOptions } from "./sign-in/discord-oauth.js";
import type { SignInTokenStore } from "./sign-in/operator-link.js";

/**
 * The dashboard's settings, as config.ts will give them (DASHBOARD_PORT, DASHBOARD_HOST,
 * DASHBOARD_URL, DASHBOARD_SECRET, the Discord application's id and secret, the Telegram bot).
 */
export interface DashboardOptions {
  /** DASHBOARD_PORT; 0 picks a free port (tests). */
  port: number;
  /** DASHBOARD_HOST; 127.0.0.1 by default: only this machine, until a reverse proxy is put in front. */
  host?: string;
  /** DASHBOARD_URL, the address browsers use (sign-in links, redirects, the Origin check); default http://host:port. */
  publicUrl?: string;
  /** DASHBOARD_SECRET (or the one generated and kept in the database): signs cookies. 32 characters at least. */
  secret: string;
  /** Discord sign-in, when the application's OAuth2 client id and secret are set. */
  discord?: DiscordOAuthOptions;
  /** Telegram sign-in (the Login Widget), when a bot token is set. */
  telegram?: { botToken: string; botUsername: string };
  signInLimit?: AttemptLimit;
  /**
   * Behind a reverse proxy, the client's address is the last X-Forwarded-For hop (for the sign-in
   * limit); otherwise every visitor would share the proxy's bucket. Off unless a proxy is in front.
   */
  trustProxy?: boolean;
}

/** The part of a logger (pino, the core's Logger) the dashboard uses. */
export interface WebLog {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
}

/** What the dashboard is given by main.ts (tests pass fakes). */
export interface DashboardDeps {
  services: DashboardServices;
  log: WebLog;
  /** /readyz: database open, content loaded, each configured platform connected. */
  readiness?: readonly ReadinessCheck[];
  /** Served at /metrics. */
  metrics?: MetricsRegistry;
  /** Operator link tokens; shared with the CLI through the database once wired. Default: in memory. */
  tokens?: SignInTokenStore;
  sessions?: SessionStore;
  /** The guilds the bot is in (Discord adapter). Default: none. */
  botGuildIds?: () => Promise<ReadonlySet<string>> | ReadonlySet<string>;
  /** getChatMember says administrator or creator (Telegram adapter). Default: never. */
  isChatAdmin?: (chatId: string, userId: string) => Promise<boolean>;
  /** Milliseconds since the epoch; a fake in tests. */
  now?: () => number;
}

export const DEFAULT_HOST = "127.0.0.1";

/** The address the server listens on, as a URL origin (an IPv6 host in brackets). */
export function listeningOrigin(host: string, port: number): string {
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

/** The address browsers use: DASHBOARD_URL, else the listening address; no trailing slash. */
export function publicAddress(host: string, port: number, publicUrl?: string): string {
  return (publicUrl ?? listeningOrigin(host, port)).replace(/\/$/, "");
}
const MIN_SECRET_LENGTH = 32;

/** Refuses options the dashboard cannot run safely with, in one message. */
export function checkOptions(options: DashboardOptions): void {
  const problems: string[] = [];
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65_535) {
    problems.push("port must be a whole number from 0 to 65535");
  }
  if (options.secret.length < MIN_SECRET_LENGTH) {
    problems.push(`the secret must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  if (options.publicUrl !== undefined && !/^https?:\/\/[^/?#\s]+\/?$/.test(options.publicUrl)) {
    problems.push("the public URL must be an http(s) origin such as https://news.example.org");
  }
  if (problems.length) throw new Error(`dashboard: ${problems.join("; ")}`);
}
