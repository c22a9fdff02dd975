import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { parseCookies, safeEqual, serializeCookie } from "./cookies.js";
import { html } from "./html.js";
import { type Answer, clientAddress, HttpError, readForm, redirect, securityHeaders, send } from "./http.js";
import { fromAcceptLanguage, isUiLanguage, translator, type WordKey } from "./i18n.js";
import { LANGUAGE_COOKIE, SESSION_COOKIE, type WebKit } from "./kit.js";
import { layout, type NavItem } from "./layout.js";
import type { RequestContext, Router } from "./router.js";

/**
 * One request, in order: the language; a language switch (?lang=) answered by a redirect; the
 * session; the route and its access rule; for a POST, the Origin and then the CSRF token, before
 * the body reaches any handler; the handler; the security headers on every answer. Refusals
 * change nothing: they happen before the handler runs.
 */

const ERROR_WORDS: Record<number, WordKey> = {
  400: "badRequest",
  403: "forbidden",
  404: "notFound",
  405: "notFound",
  413: "badRequest",
  415: "badRequest",
};

/** The origins a POST may come from: the public address and the address the server listens on. */
export function originAllowed(req: IncomingMessage, allowed: ReadonlySet<string>): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined) return allowed.has(origin);
  // Browsers send Origin on every POST; without it, a same-origin Referer is the evidence.
  const referer = req.headers.referer;
  if (!referer) return false;
  try {
    return allowed.has(new URL(referer).origin);
  } catch {
    return false;
  }
}

export function createHandler(
  kit: WebKit,
  router: Router,
  nav: readonly NavItem[],
  origins: () => ReadonlySet<string>,
) {
  const address = (req: IncomingMessage): string => {
    const forwarded = kit.options.trustProxy ? req.headers["x-forwarded-for"] : undefined;
    const last = typeof forwarded === "string" ? forwarded.split(",").at(-1)?.trim() : undefined;
    return last || clientAddress(req);
  };

  async function answer(req: IncomingMessage): Promise<Answer> {
    const url = new URL(req.url ?? "/", "http://dashboard.invalid");
    const cookies = parseCookies(req.headers.cookie);
    const method = req.method ?? "GET";
    const chosen = url.searchParams.get("lang");
    if (method === "GET" && isUiLanguage(chosen)) {
      url.searchParams.delete("lang");
      const cookie = serializeCookie(LANGUAGE_COOKIE, chosen, {
        secure: kit.secure(),
        maxAge: 365 * 24 * 3600,
        httpOnly: false,
      });
      return redirect(url.pathname + url.search, [cookie]);
    }
    const kept = cookies.get(LANGUAGE_COOKIE);
    const language = isUiLanguage(kept) ? kept : fromAcceptLanguage(req.headers["accept-language"]);
    const t = translator(language);
    const session = await kit.sessions.find(kit.signer.verify(cookies.get(SESSION_COOKIE)));
    const ctx: RequestContext = {
      req,
      url,
      params: {},
      language,
      t,
      session,
      cookies,
      form: new URLSearchParams(),
      address: address(req),
      page: (title, body, status = 200) => ({
        status,
        headers: { "content-type": "text/html; charset=utf-8" },
        body: layout({ t, language, path: url.pathname, query: url.searchParams, session, nav }, title, body),
      }),
    };
    const errorPage = (status: number, words: string) =>
      ctx.page(t("errorTitle"), html`<p class="error" role="alert">${words}</p>`, status);

    try {
      const found = router.match(method, url.pathname);
      if (!found.route) {
        if (found.allowed.length === 0) return errorPage(404, t("notFound"));
        const refused = errorPage(405, t("notFound"));
        return { ...refused, headers: { ...refused.headers, allow: found.allowed.join(", ") } };
      }
      const { route, params } = found;
      ctx.params = params;
      if (route.access !== "public" && !session) {
        if (method === "GET" || method === "HEAD") return redirect("/sign-in");
        return errorPage(403, t("refusedPost"));
      }
      if (route.access === "operator" && session?.rights.kind !== "operator") {
        return errorPage(403, t("forbidden"));
      }
      if (method === "POST") {
        if (!originAllowed(req, origins())) {
          kit.log.warn(
            { path: url.pathname, origin: req.headers.origin ?? null },
            "dashboard: POST refused (origin)",
          );
          return errorPage(403, t("refusedPost"));
        }
        ctx.form = await readForm(req);
        // Sign-in forms are public and carry their own secret (the link token); every other form the session's token.
        if (route.access !== "public" && !safeEqual(ctx.form.get("_csrf") ?? "", session?.csrf ?? "")) {
          kit.log.warn({ path: url.pathname }, "dashboard: POST refused (CSRF token)");
          return errorPage(403, t("refusedPost"));
        }
      }
      return await route.handler(ctx);
    } catch (error) {
      if (error instanceof HttpError)
        return errorPage(error.status, t(ERROR_WORDS[error.status] ?? "badRequest"));
      const ref = randomBytes(2).toString("hex");
      kit.log.error(
        { ref, path: url.pathname, err: error instanceof Error ? error.stack : String(error) },
        "dashboard: request failed",
      );
      return errorPage(500, t("serverError", { ref }));
    }
  }

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let result: Answer;
    try {
      result = await answer(req);
    } catch (error) {
      // Only the session store can fail outside the handler's catch: answer, never crash.
      kit.log.error({ err: String(error) }, "dashboard: request failed before routing");
      result = { status: 500, headers: { "content-type": "text/plain; charset=utf-8" }, body: "error\n" };
    }
    const html = String(result.headers?.["content-type"] ?? "").startsWith("text/html");
    const headers: Record<string, string | string[]> = {
      ...securityHeaders(result.csp),
      ...(html || result.status === 303 ? { "cache-control": "no-store" } : {}),
      ...result.headers,
    };
    // A refused POST leaves its body unread: close the connection rather than drain it.
    if (req.method === "POST" && !req.readableEnded) headers.connection = "close";
    send(res, { ...result, headers, body: req.method === "HEAD" ? undefined : result.body });
  };
}
