import { html } from "../html.js";
import type { PageModule, WebKit } from "../kit.js";
import type { RequestContext } from "../router.js";
import type { SourceEntry } from "../services.js";
import { table, utc } from "./channels.js";

/**
 * /sources (operators): the feeds and pages the bot imports articles from, with their last fetch.
 * A build without sources shows the page as coming, so the address and the navigation stay put.
 */
async function sources(kit: WebKit, ctx: RequestContext) {
  const { t } = ctx;
  const list = await kit.services.sources();
  if (list === null) return ctx.page(t("sources"), html`<p>${t("sourcesComing")}</p>`);
  const rows = list.map(
    (s) =>
      html`<tr><td>${s.name}</td><td><code>${s.url}</code></td><td><span class="${s.failing ? "bad" : "ok"}">${sourceStatus(t, s)}</span></td><td>${String(s.itemsImported)}</td><td>${s.lastFetchedAt ? utc(ctx, s.lastFetchedAt) : t("never")}</td></tr>`,
  );
  return ctx.page(
    t("sources"),
    table(ctx, "sources", ["name", "address", "status", "items", "lastFetch"], rows, "noSources"),
  );
}

/** "ok", "not read yet", "failing: <error>", "disabled: <error>" in the page's language. */
export function sourceStatus(t: RequestContext["t"], s: SourceEntry): string {
  const state = t(`sourceState.${s.state}`);
  return s.lastError && s.state !== "ok" ? `${state}: ${s.lastError}` : state;
}

export function sourcesPage(kit: WebKit): PageModule {
  return {
    routes: [{ method: "GET", path: "/sources", access: "operator", handler: (ctx) => sources(kit, ctx) }],
    nav: [{ path: "/sources", label: "sources", operatorOnly: true }],
  };
}
