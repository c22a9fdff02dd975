/**
 * Time as ports: the real clock and timers in production, a fake in tests
 * (tests/helpers/fake-clock.ts), so that scheduling tests move time forward instead of sleeping.
 */

/** Where time comes from. */
export interface Clock {
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/** Where delays come from. */
export interface Timers {
  /** Calls `fn` once after `delayMs`; returns a handle for clear(). */
  set(fn: () => void, delayMs: number): TimerHandle;
  clear(handle: TimerHandle): void;
}

/** Opaque: whatever the implementation needs to cancel its timer. */
export type TimerHandle = { readonly __timer: true } | object;

/** Node's longest setTimeout delay; longer waits are cut and re-armed by the caller. */
const MAX_DELAY = 2_147_483_647;

/** Node's timers. */
export const systemTimers: Timers = {
  set(fn, delayMs) {
    return setTimeout(fn, Math.min(Math.max(0, delayMs), MAX_DELAY));
  },
  clear(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};
