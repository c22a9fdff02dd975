import { html } from "../html.js";
import { HttpError, redirect } from "../http.js";
import { isUiLanguage } from "../i18n.js";
import type { PageModule, WebKit } from "../kit.js";
import type { RequestContext } from "../router.js";
import { channelRoute, nameOf, requireTarget } from "./channels.js";

/**
 * /settings: the channels the reader may manage, and one channel's time zone and post language,
 * changed through the scheduling service. The first page with a form: it carries the CSRF token,
 * and every request re-checks that the reader may manage the channel it names.
 */

async function form(kit: WebKit, ctx: RequestContext, target: string, status = 200, problem?: string) {
  const settings = await kit.services.settingsOf(target);
  const name = await nameOf(kit, target);
  const { t } = ctx;
  const saved = ctx.url.searchParams.has("saved");
  const option = (value: string, label: string) =>
    html`<option value="${value}"${settings.language === value ? " selected" : ""}>${label}</option>`;
  const body = html`${problem ? html`<p class="error" role="alert">${problem}</p>` : ""}
${saved && !problem ? html`<p class="flash" role="status">${t("saved")}</p>` : ""}
<h2>${name}</h2>
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
      channelRoute(kit, "/settings", "settings", (ctx, target) => form(kit, ctx, target)),
      {
        method: "POST",
        path: "/settings",
        access: "signed-in",
        handler: async (ctx) => {
          const target = await requireTarget(kit, ctx, ctx.form.get("target") ?? "");
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
