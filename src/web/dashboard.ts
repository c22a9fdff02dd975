import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import { STYLESHEET } from "./assets/stylesheet.js";
import { Authorizer } from "./authorizer.js";
import { CookieSigner } from "./cookies.js";
import type { PageModule, WebKit } from "./kit.js";
import type { NavItem } from "./layout.js";
import { closeServer, listenOrWarn } from "./listen.js";
import {
  checkOptions,
  type DashboardDeps,
  type DashboardOptions,
  DEFAULT_HOST,
  listeningOrigin,
  publicAddress,
} from "./options.js";
import { articlesPage } from "./pages/articles.js";
import { auditPage } from "./pages/audit.js";
import { deliveriesPage } from "./pages/deliveries.js";
import { overviewPage } from "./pages/overview.js";
import { probes } from "./pages/probes.js";
import { schedulesPage } from "./pages/schedules.js";
import { settingsPage } from "./pages/settings.js";
import { signInPages } from "./pages/sign-in.js";
import { sourcesPage } from "./pages/sources.js";
import { subscriptionsPage } from "./pages/subscriptions.js";
import { createHandler } from "./pipeline.js";
import { Router } from "./router.js";
import { MemorySessionStore, Sessions } from "./sessions.js";
import { AttemptLimiter, DEFAULT_ATTEMPT_LIMIT } from "./sign-in/attempt-limiter.js";
import { createOperatorLink, MemorySignInTokenStore } from "./sign-in/operator-link.js";

/** The running dashboard. */
export interface Dashboard {
  /** The port listened on, or null when it could not be opened (a warning was logged). */
  port: number | null;
  /** The address browsers use (DASHBOARD_URL, else http://host:port). */
  publicUrl: string;
  /** A new single-use operator sign-in link, valid 10 minutes. */
  createOperatorLink(): Promise<string>;
  close(): Promise<void>;
}

/** The pages in navigation order. */
const PAGES: ((kit: WebKit) => PageModule)[] = [
  overviewPage,
  articlesPage,
  schedulesPage,
  deliveriesPage,
  subscriptionsPage,
  settingsPage,
  auditPage,
  sourcesPage,
];

const STYLESHEET_ETAG = `"${Buffer.from(STYLESHEET).length.toString(16)}-${hash(STYLESHEET)}"`;

function hash(text: string): string {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(16);
}

/** A random secret for DASHBOARD_SECRET when none is set (main.ts keeps it in the database). */
export function generateDashboardSecret(): string {
  return randomBytes(32).toString("base64url");
}

export async function startDashboard(options: DashboardOptions, deps: DashboardDeps): Promise<Dashboard> {
  checkOptions(options);
  const host = options.host ?? DEFAULT_HOST;
  const now = deps.now ?? Date.now;
  let port: number | null = null;
  const publicUrl = () => publicAddress(host, port ?? options.port, options.publicUrl);
  const botGuildIds = async () => (deps.botGuildIds ? await deps.botGuildIds() : new Set<string>());
  const kit: WebKit = {
    options,
    publicUrl,
    secure: () => publicUrl().startsWith("https://"),
    services: deps.services,
    sessions: new Sessions(deps.sessions ?? new MemorySessionStore(), now),
    signer: new CookieSigner(options.secret),
    limiter: new AttemptLimiter(options.signInLimit ?? DEFAULT_ATTEMPT_LIMIT, now),
    tokens: deps.tokens ?? new MemorySignInTokenStore(),
    authorizer: new Authorizer(
      {
        botGuildIds,
        guildOfChannel: (id) => deps.services.guildOfChannel(id),
        isChatAdmin: deps.isChatAdmin ?? (async () => false),
      },
      now,
    ),
    botGuildIds,
    readiness: deps.readiness ?? [],
    metrics: deps.metrics,
    now,
    log: deps.log,
  };

  const router = new Router();
  const nav: NavItem[] = [];
  for (const module of [signInPages(kit), ...PAGES.map((page) => page(kit))]) {
    for (const route of module.routes) router.add(route);
    nav.push(...(module.nav ?? []));
  }
  for (const [path, handler] of probes(kit.readiness, kit.metrics)) {
    router.add({ method: "GET", path, access: "public", handler });
  }
  router.add({
    method: "GET",
    path: "/assets/dashboard.css",
    access: "public",
    handler: () => ({
      status: 200,
      headers: {
        "content-type": "text/css; charset=utf-8",
        "cache-control": "public, max-age=3600",
        etag: STYLESHEET_ETAG,
      },
      body: STYLESHEET,
    }),
  });

  const origins = () => new Set([new URL(publicUrl()).origin, listeningOrigin(host, port ?? options.port)]);
  const server: Server = createServer(
    { requestTimeout: 30_000, headersTimeout: 15_000, maxHeaderSize: 16 * 1024 },
    createHandler(kit, router, nav, origins),
  );
  port = await listenOrWarn(server, options.port, host, "dashboard", deps.log);
  if (port !== null) deps.log.info({ url: publicUrl() }, "dashboard: listening");

  return {
    get port() {
      return port;
    },
    get publicUrl() {
      return publicUrl();
    },
    createOperatorLink: () => createOperatorLink(kit.tokens, `${publicUrl()}/`, now()),
    close: () => closeServer(server),
  };
}
