import { parseTarget, targetOf } from "../../domain/target.js";
import { formatInstant } from "../../framework/format-time.js";
import { html, type SafeHtml } from "../html.js";
import { type Answer, HttpError } from "../http.js";
import type { WordKey } from "../i18n.js";
import type { WebKit } from "../kit.js";
import type { RequestContext, Route } from "../router.js";
import type { TargetEntry, WebActor } from "../services.js";
import type { Session } from "../sessions.js";

/**
 * What the per-channel pages share: which channels a reader may manage, the check that a request
 * names one of them (a 403 before anything is read or changed), the chooser listing them, the
 * actor a change is recorded under, and the CSRF field every form carries.
 */

/** The session of a signed-in route (the pipeline has checked there is one). */
export function sessionOf(ctx: RequestContext): Session {
  if (!ctx.session) throw new HttpError(403, "no session");
  return ctx.session;
}

/**
 * The target as the store spells it ("console:x" is "console"), or a 404 when it names no channel;
 * a 403 when the reader may not manage it.
 */
export async function requireTarget(kit: WebKit, ctx: RequestContext, text: string): Promise<string> {
  const channel = parseTarget(text);
  if (!channel) throw new HttpError(404, "not a channel");
  const target = targetOf(channel);
  if (!(await kit.authorizer.mayManage(sessionOf(ctx), target))) {
    throw new HttpError(403, "not a channel of this session");
  }
  return target;
}

/** The channels the reader may manage, with their names. */
export async function myChannels(kit: WebKit, ctx: RequestContext): Promise<TargetEntry[]> {
  return kit.authorizer.filter(sessionOf(ctx), await kit.services.targets());
}

/** What a list is limited to for this reader: null for an operator (everything), else their channels. */
export async function scopeOf(kit: WebKit, ctx: RequestContext): Promise<readonly string[] | null> {
  if (sessionOf(ctx).rights.kind === "operator") return null;
  return (await myChannels(kit, ctx)).map((e) => e.target);
}

/** The channel a page was asked for (`?target=`), checked; null when none was named. */
export async function chosenTarget(kit: WebKit, ctx: RequestContext): Promise<string | null> {
  const target = ctx.url.searchParams.get("target");
  if (target === null) return null;
  return requireTarget(kit, ctx, target);
}

/** The name of a target for headings, its id when the bot knows no name. */
export async function nameOf(kit: WebKit, target: string): Promise<string> {
  return (await kit.services.targets()).find((e) => e.target === target)?.name ?? target;
}

/** A list of the reader's channels, each a link to `path?target=…` (with `keep`, e.g. an article id). */
export async function chooser(
  kit: WebKit,
  ctx: RequestContext,
  path: string,
  keep: Record<string, string> = {},
): Promise<SafeHtml> {
  const mine = await myChannels(kit, ctx);
  if (mine.length === 0) return html`<p>${ctx.t("noChannels")}</p>`;
  const href = (target: string) => `${path}?${new URLSearchParams({ target, ...keep })}`;
  return html`<h2>${ctx.t("channels")}</h2><ul class="channels">${mine.map(
    (e) => html`<li><a href="${href(e.target)}">${e.name}</a></li>`,
  )}</ul>`;
}

/**
 * The GET route of a per-channel page: with `?target=`, that channel's page (checked); without, the
 * reader's channels to choose from, each link keeping the `?article=` the page was opened with.
 */
export function channelRoute(
  kit: WebKit,
  path: string,
  title: WordKey,
  page: (ctx: RequestContext, target: string) => Promise<Answer>,
): Route {
  return {
    method: "GET",
    path,
    access: "signed-in",
    handler: async (ctx) => {
      const target = await chosenTarget(kit, ctx);
      if (target !== null) return page(ctx, target);
      const article = ctx.url.searchParams.get("article");
      return ctx.page(ctx.t(title), await chooser(kit, ctx, path, article ? { article } : {}));
    },
  };
}

/** The person a change is recorded under in the audit log. */
export function actorOf(ctx: RequestContext): WebActor {
  const { user } = sessionOf(ctx);
  return { id: user.id, name: user.name, language: ctx.language };
}

/** The hidden field every signed-in form carries. */
export function csrfField(ctx: RequestContext): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${ctx.session?.csrf ?? ""}">`;
}

/** A form's outcome above the page: a problem (alert) or a confirmation (status). */
export function notice(problem: string | null | undefined, done: string | null | undefined): SafeHtml {
  if (problem) return html`<p class="error" role="alert">${problem}</p>`;
  if (done) return html`<p class="flash" role="status">${done}</p>`;
  return html``;
}

/** The words for a user error the services threw, or the error again when it is not one. */
export function problemOf(kit: WebKit, ctx: RequestContext, error: unknown): string {
  const words = kit.services.explainError(error, ctx.language);
  if (words === null) throw error;
  return words;
}

/** "Fri 18 Jul 2025, 09:00" in a zone, in the reader's language. */
export function when(ctx: RequestContext, at: Date, zone: string): string {
  return formatInstant(at, zone, ctx.language);
}

/** A time in UTC, for lists that span channels (deliveries, the audit log). */
export function utc(ctx: RequestContext, at: Date | string): string {
  return `${formatInstant(typeof at === "string" ? new Date(at) : at, "UTC", ctx.language)} UTC`;
}

/** A table with a caption (for screen readers) and a header row; `empty` when there are no rows. */
export function table(
  ctx: RequestContext,
  caption: WordKey,
  headers: readonly WordKey[],
  rows: readonly SafeHtml[],
  empty: WordKey,
): SafeHtml {
  if (rows.length === 0) return html`<p>${ctx.t(empty)}</p>`;
  return html`<div class="scroll"><table><caption>${ctx.t(caption)}</caption><thead><tr>${headers.map(
    (h) => html`<th scope="col">${ctx.t(h)}</th>`,
  )}</tr></thead><tbody>${rows}</tbody></table></div>`;
}
