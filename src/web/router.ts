import type { IncomingMessage } from "node:http";
import type { SafeHtml } from "./html.js";
import type { Answer } from "./http.js";
import type { Translate, UiLanguage } from "./i18n.js";
import type { Session } from "./sessions.js";

/** What a handler gets: the request, the reader's language, the session, and helpers to answer. */
export interface RequestContext {
  req: IncomingMessage;
  url: URL;
  params: Record<string, string>;
  language: UiLanguage;
  t: Translate;
  session: Session | null;
  cookies: Map<string, string>;
  /** The POST body's fields (the CSRF token and Origin were checked before the handler runs). */
  form: URLSearchParams;
  /** A page in the layout (200 unless told). */
  page(title: string, body: SafeHtml, status?: number): Answer;
  /** The client's address (for the sign-in limit). */
  address: string;
}

export type Handler = (ctx: RequestContext) => Promise<Answer> | Answer;

/**
 * Who may reach a route: anyone (sign-in, assets, probes), anyone with a session, or the
 * operator alone. Finer checks (this guild, this chat) are the handler's, through rights.ts.
 */
export type Access = "public" | "signed-in" | "operator";

export interface Route {
  method: "GET" | "POST";
  /** "/articles/:id": a `:name` segment matches one non-empty segment. */
  path: string;
  access: Access;
  handler: Handler;
}

interface Compiled extends Route {
  pattern: RegExp;
  names: string[];
}

/** Routes by method and path pattern; the first match wins. */
export class Router {
  private readonly routes: Compiled[] = [];

  add(route: Route): void {
    const names: string[] = [];
    const source = route.path
      .split("/")
      .map((segment) => {
        if (!segment.startsWith(":")) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        names.push(segment.slice(1));
        return "([^/]+)";
      })
      .join("/");
    this.routes.push({ ...route, pattern: new RegExp(`^${source}$`), names });
  }

  /** The route for a request, its parameters, or which methods the path allows (for a 405). */
  match(
    method: string,
    path: string,
  ): { route: Route; params: Record<string, string> } | { route: null; allowed: string[] } {
    const allowed: string[] = [];
    for (const route of this.routes) {
      const found = route.pattern.exec(path);
      if (!found) continue;
      if (route.method !== method && !(route.method === "GET" && method === "HEAD")) {
        allowed.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => {
        params[name] = safeDecode(found[i + 1] ?? "");
      });
      return { route, params };
    }
    return { route: null, allowed };
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
