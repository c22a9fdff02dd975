import type { Article } from "../domain/article.js";
import type { Delivery } from "../domain/delivery.js";
import { PublishError, type Published } from "../domain/publisher.js";
import { type Actor, type StateReason, SYSTEM_ACTOR } from "../domain/schedule.js";
import { parseTarget, withId } from "../domain/target.js";
import type { DeliveryOutcome } from "../domain/telemetry.js";
import { renderDelivery } from "./render-posts.js";
import { localeOfTarget, type SchedulerEnv } from "./scheduler-env.js";

/**
 * Sends what the outbox holds (ADR 0032): claim a due delivery under a lease, send it, mark it
 * done with the platform's message id. Errors are caught per delivery, so one bad channel never
 * stops the rest. Transient failures retry with exponential backoff, rate limits wait as told,
 * permanent failures disable the target after a few in a row (ADR 0033).
 */
export async function runDeliveries(
  env: SchedulerEnv,
  instance: string,
  stopping: () => boolean,
): Promise<void> {
  const worker = async () => {
    while (!stopping()) {
      const now = env.clock.now().toISOString();
      // The store skips targets with a send under way (a live lease): one send at a time per target.
      const row = await env.store.claimNextDelivery(instance, env.tuning.claimTtlMs, now);
      if (!row) return;
      try {
        const outcome = await deliverOne(env, instance, row);
        const platform = parseTarget(row.target)?.platform;
        if (platform) env.telemetry.deliveryAttempt(platform, outcome);
      } catch (error) {
        env.log.error({ err: error, delivery: row.key }, "delivery bookkeeping failed");
      }
    }
  };
  await Promise.all(Array.from({ length: env.tuning.concurrency }, worker));
}

/** Sends one claimed delivery and says how the attempt ended (for the metrics). */
async function deliverOne(env: SchedulerEnv, instance: string, row: Delivery): Promise<DeliveryOutcome> {
  const { store } = env;
  const now = env.clock.now();
  const iso = now.toISOString();
  if ((await store.targetHealth(row.target))?.disabledAt) {
    await store.failDelivery(
      row.key,
      { state: "failed", error: "target disabled", reason: "targetDisabled" },
      iso,
    );
    return "skipped";
  }
  const ref = parseTarget(row.target);
  const publisher = ref ? env.publishers.get(ref.platform) : null;
  if (!ref || !publisher) {
    // Not running (no token, or stopped): it may come back, so it counts as a transient failure.
    const reason = ref ? `the ${ref.platform} platform is not running` : `${row.target} is not a target`;
    if (row.attempts === 1) {
      env.log.warn(
        { target: row.target, delivery: row.key, maxAttempts: env.tuning.maxTransientAttempts },
        `cannot post to ${row.target}: ${reason}; will retry, then give up`,
      );
    }
    return transientFailure(env, instance, row, reason);
  }
  const articles: Article[] = [];
  for (const id of row.payload.articles) {
    const article = env.library.get(id);
    if (article) {
      articles.push(article);
      continue;
    }
    // Hidden may mean embargoed again (its publish_at moved later): wait for it.
    const publishAt = env.library.getMeta(id)?.publishAt;
    if (publishAt && Date.parse(publishAt) > now.getTime()) {
      const retry = { dueAt: new Date(publishAt).toISOString(), error: "embargoed", countAttempt: false };
      await store.retryDelivery(row.key, instance, retry, iso);
      return "skipped";
    }
  }
  const locale = await localeOfTarget(env, row.target);
  const reply = await renderDelivery(row.kind, row.payload, articles, env.insights, locale);
  if (!reply) {
    const dropped = {
      state: "dropped",
      error: "nothing left to post (articles removed)",
      reason: "articleRemoved",
    } as const;
    await store.failDelivery(row.key, dropped, iso);
    return "skipped";
  }
  let result: Published;
  try {
    // The key is the same on every attempt of this delivery: an adapter that can make a repeated
    // post a no-op (Discord's nonce) does so with it.
    result = await publisher.publish(ref, reply, { key: row.key });
  } catch (error) {
    return handleFailure(env, instance, row, error);
  }
  // Marked at once, outside the try: a bookkeeping error must never pass for a failed send. The
  // only window for a duplicate is between the platform's answer and this line (ADR 0032); on
  // SQLite the write happens before this call returns, in the same turn of the event loop.
  await store.completeDelivery(row.key, result.messageId, env.clock.now().toISOString());
  // Telegram posts to a group that became a supergroup in the new chat and says so.
  if (result.movedTo) await moveTarget(env, row.target, withId(row.target, result.movedTo));
  return "sent";
}

async function handleFailure(
  env: SchedulerEnv,
  instance: string,
  row: Delivery,
  error: unknown,
): Promise<DeliveryOutcome> {
  const kind = error instanceof PublishError ? error.kind : "transient";
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 300);
  const log = { target: row.target, delivery: row.key, attempts: row.attempts, err: message };
  if (kind === "rate-limited") {
    const wait = error instanceof PublishError && error.retryAfterMs ? error.retryAfterMs : 5_000;
    env.log.warn({ ...log, retryAfterMs: wait }, "rate limited: waiting as asked");
    const dueAt = new Date(env.clock.now().getTime() + wait).toISOString();
    await env.store.retryDelivery(
      row.key,
      instance,
      { dueAt, error: message, countAttempt: false },
      iso(env),
    );
    return "retry";
  }
  if (kind === "permanent") {
    const failures = await env.store.recordPermanentFailure(row.target, message);
    if (failures >= env.tuning.permanentFailuresToDisable) {
      await disableTarget(env, row, message);
      return "failed";
    }
    env.log.warn({ ...log, failures }, "permanent failure: will try again before disabling the target");
    await retry(env, instance, row, message);
    return "retry";
  }
  return transientFailure(env, instance, row, message);
}

/** Retried with backoff until the transient limit, then given up (shown in /schedule list). */
async function transientFailure(
  env: SchedulerEnv,
  instance: string,
  row: Delivery,
  message: string,
): Promise<DeliveryOutcome> {
  const log = { target: row.target, delivery: row.key, attempts: row.attempts, err: message };
  if (row.attempts >= env.tuning.maxTransientAttempts) {
    env.log.error(log, `delivery to ${row.target} failed too many times: given up (${message})`);
    const failed = {
      state: "failed",
      error: message,
      reason: "sendFailed" as StateReason,
      detail: message,
    } as const;
    await env.store.failDelivery(row.key, failed, iso(env));
    return "failed";
  }
  env.log.warn(log, "delivery failed: will retry");
  await retry(env, instance, row, message);
  return "retry";
}

/** 30 s, 1 min, 2 min … capped at 1 h. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

async function retry(env: SchedulerEnv, instance: string, row: Delivery, error: string): Promise<void> {
  const dueAt = new Date(env.clock.now().getTime() + backoffMs(row.attempts)).toISOString();
  await env.store.retryDelivery(row.key, instance, { dueAt, error, countAttempt: true }, iso(env));
}

function iso(env: SchedulerEnv): string {
  return env.clock.now().toISOString();
}

/** What the system did on its own, for the audit log. */
function systemEntry(env: SchedulerEnv, target: string, action: string, detail: Record<string, unknown>) {
  const actor: Actor = SYSTEM_ACTOR;
  return { at: iso(env), actorId: actor.id, actorName: actor.name, target, action, detail };
}

async function disableTarget(env: SchedulerEnv, row: Delivery, reason: string): Promise<void> {
  const audit = systemEntry(env, row.target, "target.disabled", { reason, delivery: row.key });
  await env.store.disableTarget(row.target, { delivery: row.key, reason, at: audit.at }, audit);
  env.log.error(
    { target: row.target, reason },
    "posting to this target keeps failing permanently: disabled (see /schedule list there)",
  );
}

/** A Telegram group that became a supergroup: everything about the chat follows it. */
async function moveTarget(env: SchedulerEnv, from: string, to: string): Promise<void> {
  if (from === to) return;
  await env.store.moveTarget(from, to, systemEntry(env, from, "target.moved", { to }));
  env.log.warn({ from, to }, "chat moved: schedules, subscriptions and settings follow it");
}
