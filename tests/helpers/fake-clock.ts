import type { Clock, TimerHandle, Timers } from "../../src/domain/clock.js";
import type { TimerClock } from "../../src/framework/send-throttle.js";

interface FakeTimer {
  id: number;
  due: number;
  fn: () => void;
  owner: object;
}

/**
 * The one fake clock of the tests: time moves only when a test says so, and due timers fire in
 * order as it does, with `settle` run before each so that the work a timer started can finish.
 * It speaks every time port of the code: it is itself a TimerClock (epoch milliseconds and
 * setTimeout: the framework's pacing, rate limits, reconnects), `clock` is the domain's Clock
 * (a Date), and `timers()` gives the domain's Timers, one set per simulated process.
 */
export class FakeClock implements TimerClock {
  /** Epoch milliseconds now; a test may set it (a clock that jumps, even backwards). */
  time: number;
  /** Run before each timer fires and after the last; the schedule tests wait for their schedulers. */
  settle: () => Promise<void> = settle;
  /** The same time as the domain's Clock port. */
  readonly clock: Clock = { now: () => new Date(this.time) };
  private nextId = 1;
  private queue: FakeTimer[] = [];

  constructor(start: Date | string | number = 0) {
    this.time = new Date(start).getTime();
  }

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    return this.add(this, fn, ms).id;
  }

  clearTimeout(handle: unknown): void {
    this.queue = this.queue.filter((t) => t.id !== handle);
  }

  /** A set of timers on this clock (the Timers port); kill() drops them all, as a SIGKILL would. */
  timers(): Timers & { kill(): void } {
    const owner = {};
    return {
      set: (fn, delayMs) => this.add(owner, fn, delayMs) as TimerHandle,
      clear: (handle) => {
        this.queue = this.queue.filter((t) => t !== handle);
      },
      kill: () => {
        this.queue = this.queue.filter((t) => t.owner !== owner);
      },
    };
  }

  /** Moves the clock without firing anything (an NTP jump, or a process that was down). */
  jump(to: Date | string | number): void {
    this.time = new Date(to).getTime();
  }

  /** Moves forward by `ms`, firing every timer that falls due on the way, in order. */
  async advance(ms: number): Promise<void> {
    await this.advanceTo(this.time + ms);
  }

  async advanceTo(to: Date | string | number): Promise<void> {
    const target = new Date(to).getTime();
    for (;;) {
      await this.settle();
      const next = [...this.queue].sort((a, b) => a.due - b.due || a.id - b.id)[0];
      if (!next || next.due > target) break;
      this.queue = this.queue.filter((t) => t !== next);
      this.time = Math.max(this.time, next.due);
      next.fn();
    }
    this.time = Math.max(this.time, target);
    await this.settle();
  }

  /** How many timers are waiting (all owners). */
  pending(): number {
    return this.queue.length;
  }

  private add(owner: object, fn: () => void, delayMs: number): FakeTimer {
    const timer = { id: this.nextId++, due: this.time + Math.max(0, delayMs), fn, owner };
    this.queue.push(timer);
    return timer;
  }
}

/** Lets chains of already-resolved promises run to the end. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}
