import type { ArticleExplanation, DeliveryFinding } from "../../domain/scheduling-report.js";
import { html, type SafeHtml } from "../html.js";
import type { PageModule, WebKit } from "../kit.js";
import type { RequestContext } from "../router.js";
import { channelRoute, nameOf, table, utc, when } from "./channels.js";
import { deliveryRow, KIND_WORDS, SCHEDULE_STATE_WORDS } from "./delivery-rows.js";

/** Deliveries a channel's page lists. */
const LISTED = 50;

/**
 * /deliveries: per channel, what was posted and what was not (state, attempts, the platform's last
 * error), and the answer to "why was this article not posted here?": every reason the scheduler's
 * records give, in words (embargo, topic or filter not matching, already delivered, channel
 * disabled and why, failed with the platform's error, not yet due).
 */
function findingText(ctx: RequestContext, f: DeliveryFinding, zone: string): SafeHtml {
  const { t } = ctx;
  const at = (d: Date | null) => (d ? when(ctx, d, zone) : t("never"));
  switch (f.kind) {
    case "unknownArticle":
      return html`${t("whyUnknown")}`;
    case "delivered":
      return html`${t("whyDelivered", { via: t(KIND_WORDS[f.via]), at: at(f.at) })}${
        f.messageId ? html` <span class="muted">(${t("messageId")} ${f.messageId})</span>` : ""
      }`;
    case "passedOver":
      return html`${t("whyPassedOver")}`;
    case "pending":
      return html`${t("whyPending", { via: t(KIND_WORDS[f.via]), at: at(f.dueAt) })}${
        f.error ? html` ${t("afterError", { attempts: f.attempts, error: f.error })}` : ""
      }`;
    case "sending":
      return html`${t("whySending")}`;
    case "failed":
      return html`${t("whyFailed", { via: t(KIND_WORDS[f.via]), attempts: f.attempts, at: at(f.at) })} <q class="platform-error">${f.error}</q>`;
    case "dropped":
      return html`${t("whyDropped")}`;
    case "embargo":
      return html`${t("whyEmbargo", { at: at(f.until) })}`;
    case "targetDisabled":
      return html`${t("whyDisabled", { at: at(f.since) })} <q class="platform-error">${f.reason}</q> ${t("whyDisabledFix")}`;
    case "scheduled":
      return html`${t("whyScheduled", { id: f.scheduleId, at: at(f.runAt), state: t(SCHEDULE_STATE_WORDS[f.state]) })}${
        f.detail ? html` <q>${f.detail}</q>` : ""
      }`;
    case "nextDigest":
      return html`${f.topic ? t("whyNextDigestTopic", { topic: f.topic, at: at(f.at) }) : t("whyNextDigest", { at: at(f.at) })}`;
    case "topicMismatch":
      return html`${t("whyTopic", {
        following: f.following.join(", "),
        topics: f.articleTopics.join(", ") || t("noTopics"),
      })}`;
    case "arrivedBefore":
      return html`${t("whyArrivedBefore", { seen: at(f.seenAt), since: f.followingSince ? at(f.followingSince) : t("theStart") })}`;
    case "nothingAsks":
      return html`${t("whyNothingAsks")}`;
  }
}

async function explanation(
  kit: WebKit,
  ctx: RequestContext,
  target: string,
  zone: string,
): Promise<SafeHtml> {
  const { t } = ctx;
  const typed = (ctx.url.searchParams.get("article") ?? "").trim().slice(0, 200);
  const form = html`<form method="get" action="/deliveries">
<input type="hidden" name="target" value="${target}">
<label for="article">${t("articleField")}</label>
<input id="article" name="article" value="${typed}" required maxlength="200" autocomplete="off">
<p><button type="submit">${t("explain")}</button></p>
</form>`;
  if (typed === "") return form;
  const meta = kit.services.resolveArticle(typed);
  const why: ArticleExplanation = await kit.services.explain(target, meta?.id ?? typed);
  const title = why.title ?? typed;
  return html`${form}<section aria-labelledby="answer" data-testid="explanation"><h4 id="answer">${t("whyAbout", { title })}</h4><ul class="findings">${why.findings.map(
    (f) => html`<li class="finding finding-${f.kind}">${findingText(ctx, f, zone)}</li>`,
  )}</ul></section>`;
}

async function channelPage(kit: WebKit, ctx: RequestContext, target: string) {
  const { t } = ctx;
  const [channel, deliveries] = await Promise.all([
    kit.services.channel(target),
    kit.services.deliveries([target], LISTED),
  ]);
  const name = await nameOf(kit, target);
  const titles = (ids: readonly string[]) => ids.map((id) => kit.services.articleTitle(id) ?? id).join(" · ");
  const body = html`<h2>${name}</h2>
${channel.disabled ? html`<p class="error">${t("targetOffSince", { at: utc(ctx, channel.disabled.since), reason: channel.disabled.reason })}</p>` : ""}
<section aria-labelledby="why"><h3 id="why">${t("whyTitle")}</h3>${await explanation(kit, ctx, target, channel.timeZone)}</section>
<section aria-labelledby="list"><h3 id="list">${t("deliveriesHere")}</h3>${table(
    ctx,
    "deliveriesHere",
    ["updated", "channel", "kind", "state", "attempts", "lastError"],
    deliveries.map((d) => deliveryRow(ctx, d, name, titles(d.payload.articles))),
    "noDeliveries",
  )}</section>`;
  return ctx.page(t("deliveries"), body);
}

export function deliveriesPage(kit: WebKit): PageModule {
  return {
    routes: [channelRoute(kit, "/deliveries", "deliveries", (ctx, target) => channelPage(kit, ctx, target))],
    nav: [{ path: "/deliveries", label: "deliveries" }],
  };
}
