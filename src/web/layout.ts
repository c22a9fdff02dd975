import { html, type SafeHtml } from "./html.js";
import type { Translate, UiLanguage, WordKey } from "./i18n.js";
import type { Session } from "./sessions.js";

/** A page of the navigation: its path and the word that names it. */
export interface NavItem {
  path: string;
  label: WordKey;
  /** Shown to operators only (health details, sources). */
  operatorOnly?: boolean;
}

export interface LayoutContext {
  t: Translate;
  language: UiLanguage;
  /** The path being shown, for aria-current. */
  path: string;
  /** Its query, kept by the language links (a channel's settings stay open when switching). */
  query: URLSearchParams;
  session: Session | null;
  nav: readonly NavItem[];
}

function languageSwitch(ctx: LayoutContext): SafeHtml {
  const href = (language: UiLanguage) => {
    const query = new URLSearchParams(ctx.query);
    query.set("lang", language);
    return `?${query}`;
  };
  const option = (language: UiLanguage, label: string) =>
    html`<li><a href="${href(language)}" hreflang="${language}" lang="${language}"${
      ctx.language === language ? html` aria-current="true"` : ""
    }>${label}</a></li>`;
  return html`<nav aria-label="${ctx.t("language")}"><ul>${option("en", "English")}${option("fr", "Français")}</ul></nav>`;
}

function account(ctx: LayoutContext): SafeHtml | string {
  const session = ctx.session;
  if (!session) return "";
  return html`<span class="who">${ctx.t("signedInAs", { name: session.user.name })}</span>
<form class="inline" method="post" action="/sign-out"><input type="hidden" name="_csrf" value="${session.csrf}"><button class="quiet" type="submit">${ctx.t("signOut")}</button></form>`;
}

/** The page around a body: skip link, header with navigation, languages and sign-out, then main. */
export function layout(ctx: LayoutContext, title: string, body: SafeHtml): string {
  const operator = ctx.session?.rights.kind === "operator";
  const items = ctx.session
    ? ctx.nav
        .filter((item) => operator || !item.operatorOnly)
        .map(
          (item) =>
            html`<li><a href="${item.path}"${item.path === ctx.path ? html` aria-current="page"` : ""}>${ctx.t(item.label)}</a></li>`,
        )
    : [];
  return html`<!doctype html>
<html lang="${ctx.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Newsdesk</title>
<link rel="stylesheet" href="/assets/dashboard.css">
</head>
<body>
<a class="skip" href="#main">${ctx.t("skip")}</a>
<header>
<a class="brand" href="/">${ctx.t("appName")}</a>
${items.length ? html`<nav aria-label="${ctx.t("navLabel")}"><ul>${items}</ul></nav>` : ""}
${languageSwitch(ctx)}
${account(ctx)}
</header>
<main id="main">
<h1>${title}</h1>
${body}
</main>
</body>
</html>
`.text;
}
