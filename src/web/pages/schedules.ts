import type { ScheduleView } from "../../domain/schedule.js";
import { UserError } from "../../framework/errors.js";
import { html, type SafeHtml } from "../html.js";
import { type Answer, HttpError, redirect } from "../http.js";
import type { WordKey } from "../i18n.js";
import type { PageModule, WebKit } from "../kit.js";
import type { RequestContext } from "../router.js";
import type { ScheduleAction } from "../services.js";
import {
  actorOf,
  channelRoute,
  csrfField,
  nameOf,
  notice,
  problemOf,
  requireTarget,
  table,
  when,
} from "./channels.js";
import { SCHEDULE_STATE_WORDS } from "./delivery-rows.js";

/**
 * /schedules: a channel's one-off posts and digests, created, paused, resumed and cancelled
 * through the same scheduling service as /schedule in chat (so the same checks and the same audit
 * log, with the web user as actor). Times are typed and shown in the channel's time zone; a digest's
 * cron is previewed as its next five fire times before it is created.
 */

const DONE_WORDS: Record<string, WordKey> = {
  post: "donePost",
  digest: "doneDigest",
  pause: "donePause",
  resume: "doneResume",
  cancel: "doneCancel",
};
const ACTIONS: readonly ScheduleAction[] = ["pause", "resume", "cancel"];
const FIRE_TIMES = 5;

/** What the page was given back after a refused form, so the reader fixes rather than retypes. */
interface Kept {
  problem?: string;
  article?: string;
  date?: string;
  time?: string;
}

function actionButton(ctx: RequestContext, target: string, id: string, action: ScheduleAction): SafeHtml {
  const label: WordKey = action === "pause" ? "pause" : action === "resume" ? "resume" : "cancel";
  return html`<form class="inline" method="post" action="/schedules/change">${csrfField(ctx)}<input type="hidden" name="target" value="${target}"><input type="hidden" name="id" value="${id}"><input type="hidden" name="action" value="${action}"><button class="quiet" type="submit">${ctx.t(label)}<span class="sr-only"> ${id}</span></button></form>`;
}

/** The actions the service would accept for a schedule in this state. */
function actionsFor(view: ScheduleView, disabled: boolean): ScheduleAction[] {
  if (view.state === "active") return disabled ? ["resume", "pause", "cancel"] : ["pause", "cancel"];
  if (view.state === "paused") return ["resume", "cancel"];
  if (view.state === "failed" && view.kind === "post" && view.stateReason !== "articleRemoved") {
    return ["resume", "cancel"];
  }
  return view.state === "done" || view.state === "cancelled" ? [] : ["cancel"];
}

async function row(kit: WebKit, ctx: RequestContext, target: string, view: ScheduleView, disabled: boolean) {
  const { t } = ctx;
  const zone = view.timeZone;
  let what: SafeHtml;
  let time: SafeHtml;
  if (view.kind === "post") {
    const title = view.articleTitle ?? view.articleId ?? "";
    what = html`${t("kindPost")}: <a href="/articles/${encodeURIComponent(view.articleId ?? "")}">${title}</a>`;
    time = html`${view.runAt ? when(ctx, view.runAt, zone) : ""}`;
  } else {
    what = html`${view.topic ? t("digestOn", { topic: view.topic }) : t("digestAll")} <code>${view.cron ?? ""}</code>`;
    const times =
      view.state === "active" && view.cron ? await kit.services.fireTimes(target, view.cron, FIRE_TIMES) : [];
    time = times.length
      ? html`<details><summary>${when(ctx, times[0] as Date, zone)}</summary><ol class="times">${times.map(
          (at) => html`<li>${when(ctx, at, zone)}</li>`,
        )}</ol></details>`
      : html`${t("noNextRun")}`;
  }
  const state = html`<span class="state state-${view.state}">${t(SCHEDULE_STATE_WORDS[view.state])}</span>${
    view.stateDetail ? html`<br><span class="muted">${view.stateDetail}</span>` : ""
  }`;
  const actions = actionsFor(view, disabled).map((a) => actionButton(ctx, target, view.id, a));
  return html`<tr><td><code>${view.id}</code></td><td>${what}</td><td>${time}</td><td>${state}</td><td>${actions}</td></tr>`;
}

/** The digest's preview: the next five fire times of the typed cron, or why the service would refuse it. */
async function digestPreview(
  kit: WebKit,
  ctx: RequestContext,
  target: string,
  zone: string,
): Promise<SafeHtml> {
  const { t } = ctx;
  const cron = (ctx.url.searchParams.get("cron") ?? "").slice(0, 120);
  const topic = (ctx.url.searchParams.get("topic") ?? "").slice(0, 64);
  const form = html`<form method="get" action="/schedules">
<input type="hidden" name="target" value="${target}">
<label for="cron">${t("cronLabel")}</label>
<input id="cron" name="cron" value="${cron}" placeholder="0 9 * * 1-5" required maxlength="120" autocomplete="off" aria-describedby="cron-help">
<p id="cron-help" class="muted">${t("cronHelp", { zone })}</p>
<label for="topic">${t("topicOptional")}</label>
<input id="topic" name="topic" value="${topic}" maxlength="64" autocomplete="off">
<p><button type="submit">${t("previewTimes")}</button></p>
</form>`;
  if (cron.trim() === "") return form;
  let times: Date[];
  try {
    times = await kit.services.fireTimes(target, cron, FIRE_TIMES);
  } catch (error) {
    return html`${form}<p class="error" role="alert">${problemOf(kit, ctx, error)}</p>`;
  }
  return html`${form}<section aria-labelledby="times"><h4 id="times">${t("nextFiveTimes", { zone })}</h4><ol class="times" data-testid="fire-times">${times.map(
    (at) => html`<li>${when(ctx, at, zone)}</li>`,
  )}</ol>
<form method="post" action="/schedules/digest">${csrfField(ctx)}<input type="hidden" name="target" value="${target}"><input type="hidden" name="cron" value="${cron}"><input type="hidden" name="topic" value="${topic}"><button type="submit">${t("createDigest")}</button></form></section>`;
}

async function channelPage(kit: WebKit, ctx: RequestContext, target: string, kept: Kept = {}, status = 200) {
  const { t } = ctx;
  const channel = await kit.services.channel(target);
  const zone = channel.timeZone;
  const disabled = channel.disabled !== null;
  const rows = await Promise.all(channel.schedules.map((view) => row(kit, ctx, target, view, disabled)));
  const doneKey = DONE_WORDS[ctx.url.searchParams.get("done") ?? ""];
  const done = doneKey ? t(doneKey, { id: ctx.url.searchParams.get("id") ?? "" }) : null;
  const article = kept.article ?? ctx.url.searchParams.get("article") ?? "";
  const body = html`${notice(kept.problem, done)}
<h2>${await nameOf(kit, target)}</h2>
<p>${t("zoneIs", { zone })} <a href="/settings?target=${encodeURIComponent(target)}">${t("changeZone")}</a></p>
${disabled ? html`<p class="error">${t("targetOff", { reason: channel.disabled?.reason ?? "" })}</p>` : ""}
${table(ctx, "schedulesHere", ["id", "what", "when", "state", "actions"], rows, "noSchedules")}
<section aria-labelledby="post-once"><h3 id="post-once">${t("postOnce")}</h3>
<form method="post" action="/schedules/post">${csrfField(ctx)}<input type="hidden" name="target" value="${target}">
<label for="article">${t("articleField")}</label>
<input id="article" name="article" value="${article}" required maxlength="200" autocomplete="off" aria-describedby="article-help">
<p id="article-help" class="muted">${t("articleHelp")}</p>
<label for="date">${t("dateIn", { zone })}</label>
<input id="date" name="date" type="date" value="${kept.date ?? ""}" required>
<label for="time">${t("timeIn", { zone })}</label>
<input id="time" name="time" type="time" value="${kept.time ?? ""}" required>
<p><button type="submit">${t("schedulePost")}</button></p>
</form></section>
<section aria-labelledby="digest"><h3 id="digest">${t("digestTitle")}</h3>${await digestPreview(kit, ctx, target, zone)}</section>`;
  return ctx.page(t("schedules"), body, status);
}

/** Runs a change through the services; a user error re-renders the page with it (nothing changed). */
async function change(
  kit: WebKit,
  ctx: RequestContext,
  work: (target: string) => Promise<{ done: string; id: string }>,
  kept: Omit<Kept, "problem"> = {},
): Promise<Answer> {
  const target = await requireTarget(kit, ctx, ctx.form.get("target") ?? "");
  try {
    const { done, id } = await work(target);
    return redirect(`/schedules?${new URLSearchParams({ target, done, id })}`);
  } catch (error) {
    return channelPage(kit, ctx, target, { ...kept, problem: problemOf(kit, ctx, error) }, 400);
  }
}

export function schedulesPage(kit: WebKit): PageModule {
  const field = (ctx: RequestContext, name: string) => (ctx.form.get(name) ?? "").trim();
  return {
    routes: [
      channelRoute(kit, "/schedules", "schedules", (ctx, target) => channelPage(kit, ctx, target)),
      {
        method: "POST",
        path: "/schedules/post",
        access: "signed-in",
        handler: (ctx) => {
          const kept = { article: field(ctx, "article"), date: field(ctx, "date"), time: field(ctx, "time") };
          return change(
            kit,
            ctx,
            async (target) => {
              // As /schedule post reads it: an id, else the best match of the words typed; an
              // article that matches nothing is reported before the time (ADR 0083).
              const articleId = kit.services.resolveArticle(kept.article)?.id;
              if (!articleId)
                throw new UserError("schedule.unknownArticle", { query: kept.article.slice(0, 80) });
              const when = `${kept.date} ${kept.time}`;
              const view = await kit.services.schedulePost(target, actorOf(ctx), { articleId, when });
              return { done: "post", id: view.id };
            },
            kept,
          );
        },
      },
      {
        method: "POST",
        path: "/schedules/digest",
        access: "signed-in",
        handler: (ctx) =>
          change(kit, ctx, async (target) => {
            const topic = field(ctx, "topic") || undefined;
            const view = await kit.services.scheduleDigest(target, actorOf(ctx), {
              cron: field(ctx, "cron"),
              topic,
            });
            return { done: "digest", id: view.id };
          }),
      },
      {
        method: "POST",
        path: "/schedules/change",
        access: "signed-in",
        handler: (ctx) =>
          change(kit, ctx, async (target) => {
            const action = field(ctx, "action") as ScheduleAction;
            if (!ACTIONS.includes(action)) throw new HttpError(400, "unknown action");
            const view = await kit.services.changeSchedule(target, actorOf(ctx), field(ctx, "id"), action);
            return { done: action, id: view.id };
          }),
      },
    ],
    nav: [{ path: "/schedules", label: "schedules" }],
  };
}
