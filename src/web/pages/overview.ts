import { readiness } from "../health.js";
import { html } from "../html.js";
import type { PageModule, WebKit } from "../kit.js";
import type { RequestContext } from "../router.js";

/**
 * The overview: health and the article count now; next posts, recent deliveries and failures
 * that need attention join it when the scheduling store's ports are wired (issue 14).
 */
async function overview(kit: WebKit, ctx: RequestContext) {
  const { t } = ctx;
  const session = ctx.session;
  const [figures, ready] = await Promise.all([kit.services.overview(), readiness(kit.readiness)]);
  const operator = session?.rights.kind === "operator";
  const rights =
    session?.rights.kind === "operator"
      ? t("operatorRights")
      : session?.rights.kind === "discord"
        ? t("discordRights", { count: session.rights.guildIds.size })
        : t("telegramRights");
  const health = ready.ready
    ? html`<p class="ok">${t("healthy")}</p>`
    : html`<p class="bad">${t("unhealthy", { reason: operator ? ready.failures.join("; ") : ready.failures.length })}</p>`;
  const body = html`<section class="card" aria-labelledby="health"><h2 id="health">${t("health")}</h2>${health}</section>
<section class="card" aria-labelledby="articles"><h2 id="articles">${t("articles")}</h2><p data-testid="article-count">${t(
    "articleCount",
    { count: figures.articles.toLocaleString(ctx.language) },
  )}</p></section>
<section class="card" aria-labelledby="rights"><h2 id="rights">${t("rights")}</h2><p>${rights}</p></section>`;
  return ctx.page(t("overview"), body);
}

export function overviewPage(kit: WebKit): PageModule {
  return {
    routes: [{ method: "GET", path: "/", access: "signed-in", handler: (ctx) => overview(kit, ctx) }],
    nav: [{ path: "/", label: "overview" }],
  };
}
