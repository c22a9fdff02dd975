/**
 * What a source's fetch history means for its next poll, as a pure function (state in, state
 * out) so the store can keep the state and the scheduler can apply it: failures back off
 * exponentially, 20 failures in a row disable the source, 410 Gone disables it at once, a
 * Retry-After is never undercut, and any success resets the count.
 */
import type { FetchOutcome } from "./fetch-types.js";

export interface SourceHealth {
  consecutiveFailures: number;
  /** Epoch ms before which the source is not polled again (null: at its normal interval). */
  notBefore: number | null;
  disabled: boolean;
  /** Why it was disabled or last failed, for /sources; null after a success. */
  lastError: string | null;
}

export const HEALTHY: SourceHealth = {
  consecutiveFailures: 0,
  notBefore: null,
  disabled: false,
  lastError: null,
};

export interface BackoffOptions {
  /** The source's polling interval: the first back-off step. */
  intervalMs: number;
  /** The longest wait between two attempts (default 6 h). */
  maxDelayMs?: number;
  /** Consecutive failures that disable the source (default 20). */
  maxFailures?: number;
}

export const DEFAULT_MAX_FAILURES = 20;
const DEFAULT_MAX_DELAY_MS = 6 * 3_600_000;

/** The event a fetch outcome is, for the policy: success, failure, gone, or failure with a date. */
export type HealthEvent =
  | { kind: "success" }
  | { kind: "failure"; reason: string; notBefore?: number | null }
  | { kind: "gone"; reason: string };

export function healthEventOf(outcome: FetchOutcome): HealthEvent {
  switch (outcome.kind) {
    case "ok":
    case "not-modified":
      return { kind: "success" };
    case "gone":
      return { kind: "gone", reason: `${outcome.url} answered 410 Gone` };
    case "retry-later":
      return { kind: "failure", reason: outcome.reason, notBefore: outcome.notBefore };
    case "refused":
    case "failed":
      return { kind: "failure", reason: outcome.reason };
  }
}

/** The health after `event` happened at `now`. A disabled source stays disabled until re-enabled. */
export function nextHealth(
  state: SourceHealth,
  event: HealthEvent,
  now: number,
  options: BackoffOptions,
): SourceHealth {
  if (state.disabled) return state;
  if (event.kind === "success") return HEALTHY;
  if (event.kind === "gone") {
    return {
      consecutiveFailures: state.consecutiveFailures + 1,
      notBefore: null,
      disabled: true,
      lastError: event.reason,
    };
  }
  const failures = state.consecutiveFailures + 1;
  const maxFailures = options.maxFailures ?? DEFAULT_MAX_FAILURES;
  if (failures >= maxFailures) {
    return {
      consecutiveFailures: failures,
      notBefore: null,
      disabled: true,
      lastError: `disabled after ${failures} consecutive failures; last: ${event.reason}`,
    };
  }
  const delay = backoffDelay(failures, options);
  const notBefore = Math.max(now + delay, event.notBefore ?? 0);
  return { consecutiveFailures: failures, notBefore, disabled: false, lastError: event.reason };
}

/** interval, 2x, 4x, ... capped: the wait before the next attempt after `failures` failures. */
export function backoffDelay(failures: number, options: BackoffOptions): number {
  const max = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  const steps = Math.min(Math.max(failures - 1, 0), 30);
  return Math.min(max, options.intervalMs * 2 ** steps);
}
