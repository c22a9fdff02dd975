import { html } from "../html.js";
import { redirect } from "../http.js";
import type { PageModule, WebKit } from "../kit.js";
import type { RequestContext } from "../router.js";
import { actorOf, channelRoute, csrfField, nameOf, notice, problemOf, requireTarget } from "./channels.js";

/** Topics offered as suggestions (the most used categories and tags). */
const SUGGESTED = 40;

/**
 * /subscriptions: the topics a channel follows (new articles on them are announced there), followed
 * and unfollowed through the scheduling service as /subscribe and /unsubscribe do.
 */
async function channelPage(kit: WebKit, ctx: RequestContext, target: string, problem?: string, status = 200) {
  const { t } = ctx;
  const channel = await kit.services.channel(target);
  const { categories, tags } = kit.services.topics();
  const suggestions = [...categories, ...tags].sort((a, b) => b.count - a.count).slice(0, SUGGESTED);
  const done = ctx.url.searchParams.get("done");
  const topic = ctx.url.searchParams.get("topic") ?? "";
  const doneText =
    done === "follow"
      ? t("doneFollow", { topic })
      : done === "unfollow"
        ? t("doneUnfollow", { topic })
        : null;
  const hidden = html`${csrfField(ctx)}<input type="hidden" name="target" value="${target}">`;
  const list = channel.subscriptions.length
    ? html`<ul class="topics">${channel.subscriptions.map(
        (s) =>
          html`<li>${s} <form class="inline" method="post" action="/subscriptions/remove">${hidden}<input type="hidden" name="topic" value="${s}"><button class="quiet" type="submit">${t("unfollow")}<span class="sr-only"> ${s}</span></button></form></li>`,
      )}</ul>`
    : html`<p>${t("followsNothing")}</p>`;
  const body = html`${notice(problem, doneText)}
<h2>${await nameOf(kit, target)}</h2>
${channel.configured ? html`<p>${t("configuredTarget")}</p>` : ""}
<h3>${t("followedTopics")}</h3>
${list}
<h3>${t("followTopic")}</h3>
<form method="post" action="/subscriptions/add">${hidden}
<label for="topic">${t("topic")}</label>
<input id="topic" name="topic" list="known-topics" required maxlength="64" autocomplete="off">
<datalist id="known-topics">${suggestions.map((s) => html`<option value="${s.name}"></option>`)}</datalist>
<p><button type="submit">${t("follow")}</button></p>
</form>`;
  return ctx.page(t("subscriptions"), body, status);
}

function changeRoute(kit: WebKit, path: string, follow: boolean) {
  return {
    method: "POST" as const,
    path,
    access: "signed-in" as const,
    handler: async (ctx: RequestContext) => {
      const target = await requireTarget(kit, ctx, ctx.form.get("target") ?? "");
      const topic = (ctx.form.get("topic") ?? "").trim();
      try {
        const result = follow
          ? await kit.services.subscribe(target, actorOf(ctx), topic)
          : await kit.services.unsubscribe(target, actorOf(ctx), topic);
        const done = follow ? "follow" : "unfollow";
        return redirect(`/subscriptions?${new URLSearchParams({ target, done, topic: result.topic })}`);
      } catch (error) {
        return channelPage(kit, ctx, target, problemOf(kit, ctx, error), 400);
      }
    },
  };
}

export function subscriptionsPage(kit: WebKit): PageModule {
  return {
    routes: [
      channelRoute(kit, "/subscriptions", "subscriptions", (ctx, target) => channelPage(kit, ctx, target)),
      changeRoute(kit, "/subscriptions/add", true),
      changeRoute(kit, "/subscriptions/remove", false),
    ],
    nav: [{ path: "/subscriptions", label: "subscriptions" }],
  };
}
