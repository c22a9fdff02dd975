import { html } from "../html.js";
import { type Answer, HttpError, redirect } from "../http.js";
import { isUiLanguage } from "../i18n.js";
import type { PageModule, WebKit } from "../kit.js";
import type { RequestContext } from "../router.js";

/**
 * /settings: the channels the reader may manage, and one channel's time zone and post language,
 * changed through the scheduling service. The first page with a form: it carries the CSRF token,
 * and every request re-checks that the reader may manage the channel it names.
 */

async function authorized(kit: WebKit, ctx: RequestContext, target: string): Promise<void> {
  if (!ctx.session || !(await kit.authorizer.mayManage(ctx.session, target))) {
    throw new HttpError(403, "not a channel of this session");
  }
}

async function list(kit: WebKit, ctx: RequestContext): Promise<Answer> {
  if (!ctx.session) throw new HttpError(403, "no session");
  const mine = await kit.authorizer.filter(ctx.session, await kit.services.targets());
  const body = mine.length
    ? html`<ul>${mine.map((e) => html`<li><a href="/settings?target=${encodeURIComponent(e.target)}">${e.name}</a></li>`)}</ul>`
    : html`<p>${ctx.t("noChannels")}</p>`;
  return ctx.page(ctx.t("settings"), html`<h2>${ctx.t("channels")}</h2>${body}`);
}

async function form(kit: WebKit, ctx: RequestContext, target: string, status = 200, problem?: string) {
  const settings = await kit.services.settingsOf(target);
  const entry = (await kit.services.targets()).find((e) => e.target === target);
  const { t } = ctx;
  const saved = ctx.url.searchParams.has("saved");
  const option = (value: string, label: string) =>
    html`<option value="${value}"${settings.language === value ? " selected" : ""}>${label}</option>`;
  const body = html`${problem ? html`<p class="error" role="alert">${problem}</p>` : ""}
${saved && !problem ? html`<p class="flash" role="status">${t("saved")}</p>` : ""}
<h2>${entry?.name ?? target}</h2>
<form method="post" action="/settings">
<input type="hidden" name="_csrf" value="${ctx.session?.csrf ?? ""}">
<input type="hidden" name="target" value="${target}">
<label for="timeZone">${t("timeZone")}</label>
<input id="timeZone" name="timeZone" value="${settings.timeZone}" autocomplete="off" required maxlength="64">
<label for="language">${t("postLanguage")}</label>
<select id="language" name="language">${option("en", t("english"))}${option("fr", t("french"))}</select>
<p><button type="submit">${t("save")}</button></p>
</form>`;
  return ctx.page(t("settings"), body, status);
}

export function settingsPage(kit: WebKit): PageModule {
  return {
    routes: [
      {
        method: "GET",
        path: "/settings",
        access: "signed-in",
        handler: async (ctx) => {
          const target = ctx.url.searchParams.get("target");
          if (target === null) return list(kit, ctx);
          await authorized(kit, ctx, target);
          return form(kit, ctx, target);
        },
      },
      {
        method: "POST",
        path: "/settings",
        access: "signed-in",
        handler: async (ctx) => {
          const target = ctx.form.get("target") ?? "";
          await authorized(kit, ctx, target);
          const language = ctx.form.get("language");
          const timeZone = ctx.form.get("timeZone")?.trim();
          if (!ctx.session || !timeZone || !isUiLanguage(language))
            throw new HttpError(400, "incomplete form");
          const actor = { ...ctx.session.user, language: ctx.language };
          try {
            await kit.services.updateSettings(target, actor, { timeZone, language });
          } catch (error) {
            const words = kit.services.explainError(error, ctx.language);
            if (words === null) throw error;
            return form(kit, ctx, target, 400, words);
          }
          return redirect(`/settings?target=${encodeURIComponent(target)}&saved=1`);
        },
      },
    ],
    nav: [{ path: "/settings", label: "settings" }],
  };
}
