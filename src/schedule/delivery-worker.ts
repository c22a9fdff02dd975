import { createHash } from "node:crypto";
import type { Article } from "../domain/article.js";
import type { Delivery } from "../domain/delivery.js";
import { parseTarget, withId } from "../domain/target.js";
import { PublishError, type Publisher } from "../framework/platform.js";
import { renderDelivery } from "./render-posts.js";
import {
  type IdempotentPublisher,
  localeOfTarget,
  type SchedulerEnv,
  SYSTEM_ACTOR,
} from "./scheduler-env.js";

/**
 * Sends what the outbox holds (ADR 0032): claim a due row atomically, send it, mark it done with
 * the platform's message id. Errors are caught per delivery, so one bad channel never stops
 * the rest. Transient failures retry with exponential backoff, rate limits wait as told,
 * permanent failures disable the target after a few in a row (ADR 0033).
 */
export async function runDeliveries(
  env: SchedulerEnv,
  instance: string,
  stopping: () => boolean,
): Promise<void> {
  const busy = new Set<string>();
  const worker = async () => {
    while (!stopping()) {
      const now = env.clock.now();
      const row = env.stores.deliveries.claimNext(
        instance,
        now.toISOString(),
        new Date(now.getTime() + env.tuning.claimTtlMs).toISOString(),
        [...busy],
      );
      if (!row) return;
      busy.add(row.target);
      try {
        await deliverOne(env, instance, row);
      } catch (error) {
        env.log.error({ err: error, delivery: row.key }, "delivery bookkeeping failed");
      } finally {
        busy.delete(row.target);
      }
    }
  };
  await Promise.all(Array.from({ length: env.tuning.concurrency }, worker));
}

async function deliverOne(env: SchedulerEnv, instance: string, row: Delivery): Promise<void> {
  const { deliveries, targets } = env.stores;
  const now = env.clock.now();
  const iso = now.toISOString();
  if (targets.isDisabled(row.target)) {
    deliveries.finish(row.key, "failed", "target disabled", iso);
    failSchedule(env, row, "targetDisabled", null);
    return;
  }
  const ref = parseTarget(row.target);
  const publisher = ref ? env.publishers[ref.platform] : undefined;
  if (!ref || !publisher) {
    // Not running (no token, or stopped): it may come back, so it counts as a transient failure.
    const reason = ref ? `the ${ref.platform} platform is not running` : `${row.target} is not a target`;
    if (row.attempts === 1) {
      env.log.warn(
        { target: row.target, delivery: row.key, maxAttempts: env.tuning.maxTransientAttempts },
        `cannot post to ${row.target}: ${reason}; will retry, then give up`,
      );
    }
    transientFailure(env, instance, row, reason);
    return;
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
      deliveries.retryLater(row.key, instance, new Date(publishAt).toISOString(), "embargoed", false, iso);
      return;
    }
  }
  const locale = localeOfTarget(env, row.target);
  const reply = await renderDelivery(row.kind, row.payload, articles, env.insights, locale);
  if (!reply) {
    deliveries.finish(row.key, "dropped", "nothing left to post (articles removed)", iso);
    failSchedule(env, row, "articleRemoved", null);
    return;
  }
  let result: { messageId: string; movedTo?: string };
  try {
    result = isIdempotent(publisher)
      ? await publisher.publishOnce(ref.id, reply, locale, idempotencyKey(row.key))
      : await publisher.publish(ref.id, reply, locale);
  } catch (error) {
    handleFailure(env, instance, row, error);
    return;
  }
  // Marked at once, outside the try: a bookkeeping error must never pass for a failed send. The
  // only window for a duplicate is between the platform's answer and this line (ADR 0032).
  deliveries.markDone(row.key, result.messageId, env.clock.now().toISOString());
  targets.recordSuccess(row.target);
  // Telegram posts to a group that became a supergroup in the new chat and says so.
  if (result.movedTo) moveTarget(env, row.target, withId(row.target, result.movedTo));
}

function handleFailure(env: SchedulerEnv, instance: string, row: Delivery, error: unknown): void {
  const kind = error instanceof PublishError ? error.kind : "transient";
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 300);
  const log = { target: row.target, delivery: row.key, attempts: row.attempts, err: message };
  if (kind === "rate-limited") {
    const wait = error instanceof PublishError && error.retryAfterMs ? error.retryAfterMs : 5_000;
    env.log.warn({ ...log, retryAfterMs: wait }, "rate limited: waiting as asked");
    const due = new Date(env.clock.now().getTime() + wait).toISOString();
    env.stores.deliveries.retryLater(row.key, instance, due, message, false, iso(env));
    return;
  }
  if (kind === "permanent") {
    const failures = env.stores.targets.recordPermanentFailure(row.target, message);
    if (failures >= env.tuning.permanentFailuresToDisable) {
      disableTarget(env, row, message);
      return;
    }
    env.log.warn({ ...log, failures }, "permanent failure: will try again before disabling the target");
    retry(env, instance, row, message, true);
    return;
  }
  transientFailure(env, instance, row, message);
}

/** Retried with backoff until the transient limit, then given up (shown in /schedule list). */
function transientFailure(env: SchedulerEnv, instance: string, row: Delivery, message: string): void {
  const log = { target: row.target, delivery: row.key, attempts: row.attempts, err: message };
  if (row.attempts >= env.tuning.maxTransientAttempts) {
    env.log.error(log, `delivery to ${row.target} failed too many times: given up (${message})`);
    env.stores.deliveries.finish(row.key, "failed", message, iso(env));
    failSchedule(env, row, "sendFailed", message);
    return;
  }
  env.log.warn(log, "delivery failed: will retry");
  retry(env, instance, row, message, true);
}

function isIdempotent(publisher: Publisher): publisher is IdempotentPublisher {
  return typeof (publisher as Partial<IdempotentPublisher>).publishOnce === "function";
}

/**
 * A short stable key per delivery: 20 characters, so an adapter can append a part number and
 * stay within Discord's 25-character nonce.
 */
export function idempotencyKey(deliveryKey: string): string {
  return createHash("sha256").update(deliveryKey).digest("base64url").slice(0, 20);
}

/** 30 s, 1 min, 2 min … capped at 1 h. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

function retry(env: SchedulerEnv, instance: string, row: Delivery, error: string, count: boolean): void {
  const due = new Date(env.clock.now().getTime() + backoffMs(row.attempts)).toISOString();
  env.stores.deliveries.retryLater(row.key, instance, due, error, count, iso(env));
}

function iso(env: SchedulerEnv): string {
  return env.clock.now().toISOString();
}

function disableTarget(env: SchedulerEnv, row: Delivery, reason: string): void {
  const { deliveries, targets, audit } = env.stores;
  const now = iso(env);
  env.db
    .transaction(() => {
      targets.disable(row.target, reason, now);
      deliveries.finish(row.key, "failed", reason, now);
      failSchedule(env, row, "targetDisabled", null);
      for (const other of deliveries.failPendingFor(row.target, "target disabled", now)) {
        failSchedule(env, other, "targetDisabled", null);
      }
      audit.record({
        at: now,
        actorId: SYSTEM_ACTOR.id,
        actorName: SYSTEM_ACTOR.name,
        target: row.target,
        action: "target.disabled",
        detail: { reason, delivery: row.key },
      });
    })
    .immediate();
  env.log.error(
    { target: row.target, reason },
    "posting to this target keeps failing permanently: disabled (see /schedule list there)",
  );
}

/** A one-off post that could not be delivered shows as failed in /schedule list. */
function failSchedule(env: SchedulerEnv, row: Delivery, reason: string, detail: string | null): void {
  if (row.kind !== "post" || !row.payload.scheduleId) return;
  env.stores.schedules.setState(row.payload.scheduleId, "failed", reason, detail, iso(env));
}

/** A Telegram group that became a supergroup: everything about the chat follows it. */
function moveTarget(env: SchedulerEnv, from: string, to: string): void {
  if (from === to) return;
  const { schedules, subscriptions, settings, deliveries, targets, audit } = env.stores;
  env.db
    .transaction(() => {
      schedules.retarget(from, to);
      subscriptions.retarget(from, to);
      settings.retarget(from, to);
      deliveries.retarget(from, to);
      targets.forget(from);
      audit.record({
        at: iso(env),
        actorId: SYSTEM_ACTOR.id,
        actorName: SYSTEM_ACTOR.name,
        target: from,
        action: "target.moved",
        detail: { to },
      });
    })
    .immediate();
  env.log.warn({ from, to }, "chat moved: schedules, subscriptions and settings follow it");
}
