import { randomBytes } from "node:crypto";
import { safeEqual, serializeCookie } from "../cookies.js";
import { html } from "../html.js";
import { type Answer, redirect } from "../http.js";
import type { WordKey } from "../i18n.js";
import {
  clearedCookie,
  OAUTH_STATE_COOKIE,
  type PageModule,
  SESSION_COOKIE,
  sessionCookie,
  type WebKit,
} from "../kit.js";
import type { Rights, WebUser } from "../rights.js";
import type { RequestContext } from "../router.js";
import { discordAuthorizeUrl, discordIdentity } from "../sign-in/discord-oauth.js";
import { LINK_PATH, redeemOperatorToken } from "../sign-in/operator-link.js";
import { checkTelegramLogin } from "../sign-in/telegram-login.js";

/** The Telegram widget's script and the frame it opens: allowed on the sign-in page alone. */
const TELEGRAM_SCRIPT = "https://telegram.org/js/telegram-widget.js?22";
export const TELEGRAM_CSP = { scriptSrc: ["https://telegram.org"], frameSrc: ["https://oauth.telegram.org"] };
const STATE_VALID_S = 600;

/** The sign-in page, with a message when an attempt was refused. */
function signInPage(kit: WebKit, ctx: RequestContext, status = 200, problem?: WordKey): Answer {
  const { t } = ctx;
  const discord = kit.options.discord;
  const telegram = kit.options.telegram;
  const [before, after] = t("operatorHelp").split("{command}");
  const body = html`${problem ? html`<p class="error" role="alert">${t(problem)}</p>` : ""}
<p>${t("signInIntro")}</p>
<section class="card"><h2>${t("operatorWay")}</h2><p>${before}<code>npm run -s cli -- dashboard-link</code>${after}</p></section>
${
  discord
    ? html`<section class="card"><h2>${t("discordWay")}</h2><p><a class="button" href="/sign-in/discord">${t("discordButton")}</a></p></section>`
    : ""
}
${
  telegram
    ? html`<section class="card"><h2>${t("telegramWay")}</h2><p>${t("telegramHelp")}</p>
<script async src="${TELEGRAM_SCRIPT}" data-telegram-login="${telegram.botUsername}" data-size="large" data-auth-url="${kit.publicUrl()}/sign-in/telegram" data-request-access="write"></script></section>`
    : ""
}`;
  const answer = ctx.page(t("signInTitle"), body, status);
  return telegram ? { ...answer, csp: TELEGRAM_CSP } : answer;
}

/** Opens a session (closing the browser's previous one) and goes to the overview. */
async function signIn(kit: WebKit, ctx: RequestContext, user: WebUser, rights: Rights, extra: string[] = []) {
  if (ctx.session) await kit.sessions.close(ctx.session.id);
  const session = await kit.sessions.open(user, rights);
  kit.log.info({ user: user.id, via: rights.kind }, "dashboard: signed in");
  return redirect("/", [sessionCookie(kit, session), ...extra]);
}

/** Every sign-in attempt takes a token of the client's address; none left is a 429. */
function limited(kit: WebKit, ctx: RequestContext): Answer | null {
  const waitMs = kit.limiter.take(ctx.address);
  if (waitMs === 0) return null;
  const answer = signInPage(kit, ctx, 429, "tooMany");
  return { ...answer, headers: { ...answer.headers, "retry-after": String(Math.ceil(waitMs / 1000)) } };
}

export function signInPages(kit: WebKit): PageModule {
  const discord = kit.options.discord;
  const telegram = kit.options.telegram;
  const redirectUri = () => `${kit.publicUrl()}/sign-in/discord/callback`;
  return {
    routes: [
      { method: "GET", path: "/sign-in", access: "public", handler: (ctx) => signInPage(kit, ctx) },
      {
        // A GET only shows a button: link previewers and scanners that fetch the URL do not use it up.
        method: "GET",
        path: LINK_PATH,
        access: "public",
        handler: (ctx) => {
          const token = ctx.url.searchParams.get("token") ?? "";
          const body = html`<p>${ctx.t("linkConfirm")}</p>
<form method="post" action="${LINK_PATH}"><input type="hidden" name="token" value="${token}"><button type="submit">${ctx.t("signIn")}</button></form>`;
          return ctx.page(ctx.t("linkTitle"), body);
        },
      },
      {
        method: "POST",
        path: LINK_PATH,
        access: "public",
        handler: async (ctx) => {
          const refused = limited(kit, ctx);
          if (refused) return refused;
          const valid = await redeemOperatorToken(kit.tokens, ctx.form.get("token") ?? "", kit.now());
          if (!valid) return signInPage(kit, ctx, 403, "linkUsed");
          return signIn(kit, ctx, { id: "operator", name: "operator" }, { kind: "operator" });
        },
      },
      {
        method: "GET",
        path: "/sign-in/discord",
        access: "public",
        handler: () => {
          if (!discord) return { status: 404 };
          const state = randomBytes(24).toString("base64url");
          const cookie = serializeCookie(OAUTH_STATE_COOKIE, kit.signer.sign(state), {
            secure: kit.secure(),
            maxAge: STATE_VALID_S,
          });
          return redirect(discordAuthorizeUrl(discord, redirectUri(), state), [cookie]);
        },
      },
      {
        method: "GET",
        path: "/sign-in/discord/callback",
        access: "public",
        handler: async (ctx) => {
          if (!discord) return { status: 404 };
          const refused = limited(kit, ctx);
          if (refused) return refused;
          const clear = clearedCookie(kit, OAUTH_STATE_COOKIE);
          const expected = kit.signer.verify(ctx.cookies.get(OAUTH_STATE_COOKIE));
          const state = ctx.url.searchParams.get("state") ?? "";
          const code = ctx.url.searchParams.get("code") ?? "";
          // The state must be the one this browser was given: else the code is someone else's.
          if (!expected || !safeEqual(state, expected) || !code) {
            return withCookie(signInPage(kit, ctx, 403, "discordFailed"), clear);
          }
          try {
            const identity = await discordIdentity(discord, code, redirectUri(), await kit.botGuildIds());
            if (identity.manageable.length === 0) {
              return withCookie(signInPage(kit, ctx, 403, "discordNoGuild"), clear);
            }
            const user = { id: `discord:${identity.userId}`, name: identity.name };
            const rights: Rights = {
              kind: "discord",
              userId: identity.userId,
              guildIds: new Set(identity.manageable),
            };
            return signIn(kit, ctx, user, rights, [clear]);
          } catch (error) {
            kit.log.warn({ err: String(error) }, "dashboard: Discord sign-in failed");
            return withCookie(signInPage(kit, ctx, 502, "discordFailed"), clear);
          }
        },
      },
      {
        method: "GET",
        path: "/sign-in/telegram",
        access: "public",
        handler: async (ctx) => {
          if (!telegram) return { status: 404 };
          const refused = limited(kit, ctx);
          if (refused) return refused;
          const check = checkTelegramLogin(ctx.url.searchParams, telegram.botToken, kit.now());
          if (!check.ok) {
            kit.log.warn({ reason: check.reason }, "dashboard: Telegram sign-in refused");
            return signInPage(kit, ctx, 403, "telegramRefused");
          }
          const { userId, name } = check.login;
          return signIn(kit, ctx, { id: `telegram:${userId}`, name }, { kind: "telegram", userId });
        },
      },
      {
        method: "POST",
        path: "/sign-out",
        access: "signed-in",
        handler: async (ctx) => {
          if (ctx.session) await kit.sessions.close(ctx.session.id);
          return redirect("/sign-in", [clearedCookie(kit, SESSION_COOKIE)]);
        },
      },
    ],
  };
}

function withCookie(answer: Answer, cookie: string): Answer {
  return { ...answer, headers: { ...answer.headers, "set-cookie": cookie } };
}
