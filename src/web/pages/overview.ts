import { readiness } from "../health.js";
import { html, type SafeHtml } from "../html.js";
import type { PageModule, WebKit } from "../kit.js";
import type { RequestContext } from "../router.js";
import { scopeOf, sessionOf, table, when } from "./channels.js";
import { deliveryRow } from "./delivery-rows.js";
import { sourceStatus } from "./sources.js";

/** How many posts to come and deliveries the overview lists. */
const SHOWN = 5;

/**
 * The overview: health, the article count, the next posts, the latest deliveries, and what needs
 * attention (channels posting to was turned off for, failing sources), each limited to the
 * reader's channels; health details are the operator's.
 */
async function overview(kit: WebKit, ctx: RequestContext) {
  const { t } = ctx;
  const session = sessionOf(ctx);
  const operator = session.rights.kind === "operator";
  const scope = await scopeOf(kit, ctx);
  const [figures, ready, upcoming, deliveries, disabled, sources, targets] = await Promise.all([
    kit.services.overview(),
    readiness(kit.readiness),
    kit.services.upcoming(scope, SHOWN),
    kit.services.deliveries(scope, SHOWN),
    kit.services.disabledTargets(),
    operator ? kit.services.sources() : Promise.resolve(null),
    kit.services.targets(),
  ]);
  const names = new Map(targets.map((e) => [e.target, e.name]));
  const nameOf = (target: string) => names.get(target) ?? target;
  const rights =
    session.rights.kind === "operator"
      ? t("operatorRights")
      : session.rights.kind === "discord"
        ? t("discordRights", { count: session.rights.guildIds.size })
        : t("telegramRights");
  const health = ready.ready
    ? html`<p class="ok">${t("healthy")}</p>`
    : html`<p class="bad">${t("unhealthy", { reason: operator ? ready.failures.join("; ") : ready.failures.length })}</p>`;

  const zones = new Map<string, string>();
  for (const post of upcoming) {
    if (!zones.has(post.target)) zones.set(post.target, await kit.services.timeZoneOf(post.target));
  }
  const nextRows = upcoming.map((post) => {
    const zone = zones.get(post.target) ?? "UTC";
    const what =
      post.kind === "post"
        ? t("postOf", { title: kit.services.articleTitle(post.articleId ?? "") ?? post.articleId ?? "" })
        : post.topic
          ? t("digestOn", { topic: post.topic })
          : t("digestAll");
    return html`<tr><td>${when(ctx, post.at, zone)} <span class="muted">(${zone})</span></td><td>${nameOf(post.target)}</td><td>${what} <span class="muted">${post.scheduleId}</span></td></tr>`;
  });
  const mine = scope === null ? null : new Set(scope);
  const attention: SafeHtml[] = disabled
    .filter((h) => mine === null || mine.has(h.target))
    .map(
      (h) =>
        html`<li><a href="/deliveries?target=${encodeURIComponent(h.target)}">${nameOf(h.target)}</a>: ${t("disabledBecause", { reason: h.reason ?? "" })}</li>`,
    );
  for (const source of sources ?? []) {
    if (source.failing)
      attention.push(
        html`<li>${t("sourceFailing", { name: source.name, status: sourceStatus(t, source) })}</li>`,
      );
  }
  const body = html`<div class="grid">
<section class="card" aria-labelledby="health"><h2 id="health">${t("health")}</h2>${health}</section>
<section class="card" aria-labelledby="articles"><h2 id="articles">${t("articles")}</h2><p data-testid="article-count">${t(
    "articleCount",
    { count: figures.articles.toLocaleString(ctx.language) },
  )}</p><p><a href="/articles">${t("searchArticles")}</a></p></section>
<section class="card" aria-labelledby="rights"><h2 id="rights">${t("rights")}</h2><p>${rights}</p></section>
</div>
<section aria-labelledby="attention"><h2 id="attention">${t("attention")}</h2>${
    attention.length
      ? html`<ul class="attention">${attention}</ul>`
      : html`<p class="ok">${t("nothingToFix")}</p>`
  }</section>
<section aria-labelledby="next"><h2 id="next">${t("nextPosts")}</h2>${table(
    ctx,
    "nextPosts",
    ["when", "channel", "what"],
    nextRows,
    "noNextPosts",
  )}</section>
<section aria-labelledby="recent"><h2 id="recent">${t("recentDeliveries")}</h2>${table(
    ctx,
    "recentDeliveries",
    ["updated", "channel", "kind", "state", "attempts", "lastError"],
    deliveries.map((d) => deliveryRow(ctx, d, nameOf(d.target))),
    "noDeliveries",
  )}<p><a href="/deliveries">${t("allDeliveries")}</a></p></section>`;
  return ctx.page(t("overview"), body);
}

export function overviewPage(kit: WebKit): PageModule {
  return {
    routes: [{ method: "GET", path: "/", access: "signed-in", handler: (ctx) => overview(kit, ctx) }],
    nav: [{ path: "/", label: "overview" }],
  };
}
