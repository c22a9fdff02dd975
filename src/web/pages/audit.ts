import { html } from "../html.js";
import type { PageModule, WebKit } from "../kit.js";
import type { RequestContext } from "../router.js";
import { chosenTarget, scopeOf, table, utc } from "./channels.js";

/** Entries a page shows. */
const SHOWN = 200;

/**
 * /audit: who changed what, where and when, from chat and from the web alike (a web change's actor
 * is "discord:<id>", "telegram:<id>" or "operator"), newest first; a moderator sees their channels'.
 */
async function audit(kit: WebKit, ctx: RequestContext) {
  const { t } = ctx;
  const chosen = await chosenTarget(kit, ctx);
  const scope = chosen === null ? await scopeOf(kit, ctx) : [chosen];
  const [entries, targets] = await Promise.all([kit.services.audit(scope, SHOWN), kit.services.targets()]);
  const names = new Map(targets.map((e) => [e.target, e.name]));
  const web = (actorId: string) => actorId === "operator" || /^(discord|telegram):/.test(actorId);
  const rows = entries.map((e) => {
    const detail = Object.entries(e.detail)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
      .join(", ");
    return html`<tr><td>${utc(ctx, e.at)}</td><td>${e.actorName}${web(e.actorId) ? html` <span class="badge">${t("viaWeb")}</span>` : ""}</td><td><a href="/audit?target=${encodeURIComponent(e.target)}">${names.get(e.target) ?? e.target}</a></td><td><code>${e.action}</code></td><td>${detail}</td></tr>`;
  });
  const body = html`${chosen ? html`<p><a href="/audit">${t("allChannels")}</a></p>` : ""}${table(
    ctx,
    "auditLog",
    ["when", "who", "channel", "action", "detail"],
    rows,
    "noAudit",
  )}`;
  return ctx.page(t("audit"), body);
}

export function auditPage(kit: WebKit): PageModule {
  return {
    routes: [{ method: "GET", path: "/audit", access: "signed-in", handler: (ctx) => audit(kit, ctx) }],
    nav: [{ path: "/audit", label: "audit" }],
  };
}
