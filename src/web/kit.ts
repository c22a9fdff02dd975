import type { Authorizer } from "./authorizer.js";
import { type CookieSigner, serializeCookie } from "./cookies.js";
import type { ReadinessCheck } from "./health.js";
import type { NavItem } from "./layout.js";
import type { MetricsRegistry } from "./metrics/registry.js";
import type { DashboardOptions, WebLog } from "./options.js";
import type { Route } from "./router.js";
import type { DashboardServices } from "./services.js";
import type { Session, Sessions } from "./sessions.js";
import type { AttemptLimiter } from "./sign-in/attempt-limiter.js";
import type { SignInTokenStore } from "./sign-in/operator-link.js";

export const SESSION_COOKIE = "nd_session";
export const LANGUAGE_COOKIE = "nd_lang";
export const OAUTH_STATE_COOKIE = "nd_oauth_state";

/** What every page module gets: the parts of the running dashboard, built once in dashboard.ts. */
export interface WebKit {
  options: DashboardOptions;
  /** The address browsers use, without a trailing slash. */
  publicUrl: () => string;
  /** Cookies get Secure when the public address is https. */
  secure: () => boolean;
  services: DashboardServices;
  sessions: Sessions;
  signer: CookieSigner;
  limiter: AttemptLimiter;
  tokens: SignInTokenStore;
  authorizer: Authorizer;
  botGuildIds: () => Promise<ReadonlySet<string>>;
  readiness: readonly ReadinessCheck[];
  metrics: MetricsRegistry | undefined;
  now: () => number;
  log: WebLog;
}

/** A part of the dashboard: its routes and, for pages, where they sit in the navigation. */
export interface PageModule {
  routes: Route[];
  nav?: NavItem[];
}

export function sessionCookie(kit: WebKit, session: Session): string {
  return serializeCookie(SESSION_COOKIE, kit.signer.sign(session.id), { secure: kit.secure() });
}

export function clearedCookie(kit: WebKit, name: string): string {
  return serializeCookie(name, "", { secure: kit.secure(), maxAge: 0 });
}
