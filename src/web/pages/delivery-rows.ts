import type { Delivery, DeliveryKind, DeliveryState } from "../../domain/delivery.js";
import type { ScheduleState } from "../../domain/schedule.js";
import { html, type SafeHtml } from "../html.js";
import type { WordKey } from "../i18n.js";
import type { RequestContext } from "../router.js";
import { utc } from "./channels.js";

/** How a delivery's kind and state are said (the overview and /deliveries list them alike). */
export const KIND_WORDS: Record<DeliveryKind, WordKey> = {
  announce: "kindAnnounce",
  digest: "kindDigest",
  post: "kindPost",
};

export const SCHEDULE_STATE_WORDS: Record<ScheduleState, WordKey> = {
  active: "scheduleActive",
  paused: "schedulePaused",
  done: "scheduleDone",
  cancelled: "scheduleCancelled",
  failed: "scheduleFailed",
  missed: "scheduleMissed",
};

export const STATE_WORDS: Record<DeliveryState, WordKey> = {
  pending: "statePending",
  sending: "stateSending",
  done: "stateDone",
  failed: "stateFailed",
  dropped: "stateDropped",
};

/** One delivery as a table row: when it last changed, where, what, how it stands, and its last error. */
export function deliveryRow(ctx: RequestContext, d: Delivery, channel: string, articles?: string): SafeHtml {
  const { t } = ctx;
  const state = html`<span class="state state-${d.state}">${t(STATE_WORDS[d.state])}</span>`;
  return html`<tr><td>${utc(ctx, d.updatedAt)}</td><td>${channel}</td><td>${t(KIND_WORDS[d.kind])}${
    articles ? html`<br><span class="muted">${articles}</span>` : ""
  }</td><td>${state}</td><td>${d.attempts}</td><td>${d.error ?? ""}</td></tr>`;
}
