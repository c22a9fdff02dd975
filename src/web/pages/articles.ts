import type { ArticleMeta } from "../../domain/article.js";
import { FACT_KINDS, type FactKind } from "../../domain/fact.js";
import { formatDay } from "../../framework/format-time.js";
import { html } from "../html.js";
import { HttpError } from "../http.js";
import type { WordKey } from "../i18n.js";
import type { PageModule, WebKit } from "../kit.js";
import { discordPreview, telegramPreview } from "../preview.js";
import type { RequestContext } from "../router.js";

/** Results per page, and the deepest page offered (as /news: a search is for the best matches). */
const PAGE_SIZE = 20;
const MAX_PAGE = 50;

const FACT_WORDS: Record<FactKind, WordKey> = {
  event: "factEvent",
  person: "factPerson",
  organization: "factOrganization",
  place: "factPlace",
  date: "factDate",
  quantity: "factQuantity",
};

function pageNumber(ctx: RequestContext): number {
  const page = Number(ctx.url.searchParams.get("page") ?? "1");
  return Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1;
}

function metaLine(ctx: RequestContext, meta: ArticleMeta): string {
  return [formatDay(meta.date, ctx.language) ?? ctx.t("undated"), meta.category, meta.lang.toUpperCase()]
    .filter(Boolean)
    .join(" · ");
}

/** /articles?q=: the same search as /news (the latest first when q is empty), a page at a time. */
async function search(kit: WebKit, ctx: RequestContext) {
  const { t } = ctx;
  const query = (ctx.url.searchParams.get("q") ?? "").trim().slice(0, 500);
  const page = pageNumber(ctx);
  const found = kit.services.searchArticles(query, (page - 1) * PAGE_SIZE, PAGE_SIZE + 1);
  const more = found.length > PAGE_SIZE && page < MAX_PAGE;
  const items = found.slice(0, PAGE_SIZE);
  const link = (p: number) =>
    `/articles?${new URLSearchParams({ ...(query ? { q: query } : {}), page: String(p) })}`;
  const heading = query ? t("resultsFor", { query }) : t("latestArticles");
  const list = items.length
    ? html`<ol class="results" start="${(page - 1) * PAGE_SIZE + 1}">${items.map(
        (m) =>
          html`<li><a href="/articles/${encodeURIComponent(m.id)}">${m.title}</a><br><span class="muted">${metaLine(ctx, m)} · <code>${m.id}</code></span></li>`,
      )}</ol>`
    : html`<p>${query ? t("nothingFound", { query }) : t("noArticles")}</p>`;
  const pager =
    page > 1 || more
      ? html`<nav aria-label="${t("pages")}" class="pager">${
          page > 1 ? html`<a href="${link(page - 1)}" rel="prev">${t("previousPage")}</a>` : ""
        } ${more ? html`<a href="${link(page + 1)}" rel="next">${t("nextPage")}</a>` : ""}</nav>`
      : "";
  const body = html`<form method="get" action="/articles" role="search">
<label for="q">${t("searchLabel")}</label>
<input id="q" name="q" type="search" value="${query}" maxlength="500">
<button type="submit">${t("search")}</button>
</form>
<h2>${heading}${page > 1 ? ` (${t("pageN", { page })})` : ""}</h2>
${list}
${pager}`;
  return ctx.page(t("articles"), body);
}

/** /articles/<id>: the article's summary and key facts, and its post previewed on both platforms. */
async function article(kit: WebKit, ctx: RequestContext) {
  const { t } = ctx;
  const id = ctx.params.id ?? "";
  const [detail, reply] = await Promise.all([
    kit.services.article(id),
    kit.services.postPreview(id, ctx.language),
  ]);
  if (!detail) throw new HttpError(404, "no such article");
  const { article: a, summary, facts } = detail;
  const factList =
    facts === null
      ? html`<p>${t("factsUnavailable")}</p>`
      : facts.length === 0
        ? html`<p>${t("noFacts")}</p>`
        : html`<dl class="facts">${FACT_KINDS.filter((k) => facts.some((f) => f.kind === k)).map(
            (kind) =>
              html`<dt>${t(FACT_WORDS[kind])}</dt>${facts
                .filter((f) => f.kind === kind)
                .map(
                  (f) =>
                    html`<dd>${f.text}${f.detail ? html` <span class="muted">(${f.detail})</span>` : ""}</dd>`,
                )}`,
          )}</dl>`;
  const discord = reply ? discordPreview(reply) : null;
  const telegram = reply ? telegramPreview(reply) : null;
  const encoded = encodeURIComponent(a.id);
  const body = html`<p class="muted">${metaLine(ctx, a)} · <code>${a.id}</code>${a.author ? ` · ${a.author}` : ""}</p>
${a.source && /^https?:\/\//i.test(a.source) ? html`<p><a href="${a.source}" rel="noopener noreferrer">${t("source")}</a></p>` : ""}
${a.tags.length ? html`<p>${t("tags")}: ${a.tags.join(", ")}</p>` : ""}
<p class="actions"><a class="button" href="/schedules?article=${encoded}">${t("scheduleThis")}</a> <a href="/deliveries?article=${encoded}">${t("whyNotHere")}</a></p>
<section aria-labelledby="summary"><h2 id="summary">${t("summary")}</h2>${
    summary.length ? html`<p>${summary.join(" ")}</p>` : html`<p>${t("noSummary")}</p>`
  }</section>
<section aria-labelledby="facts"><h2 id="facts">${t("keyFacts")}</h2>${factList}</section>
<section aria-labelledby="preview"><h2 id="preview">${t("preview")}</h2><p>${t("previewIntro")}</p>
<div class="previews">
<figure><figcaption>Discord</figcaption>${discord?.html ?? html`<p>${t("noPreview")}</p>`}</figure>
<figure><figcaption>Telegram</figcaption>${telegram?.html ?? html`<p>${t("noPreview")}</p>`}</figure>
</div>
${telegram ? html`<details><summary>${t("telegramSource")}</summary><pre class="source">${telegram.source}</pre></details>` : ""}
${discord ? html`<details><summary>${t("discordSource")}</summary><pre class="source">${JSON.stringify(discord.messages, null, 2)}</pre></details>` : ""}
</section>`;
  return ctx.page(a.title, body);
}

export function articlesPage(kit: WebKit): PageModule {
  return {
    routes: [
      { method: "GET", path: "/articles", access: "signed-in", handler: (ctx) => search(kit, ctx) },
      { method: "GET", path: "/articles/:id", access: "signed-in", handler: (ctx) => article(kit, ctx) },
    ],
    nav: [{ path: "/articles", label: "articles" }],
  };
}
