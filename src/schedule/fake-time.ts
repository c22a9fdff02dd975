import type { Clock, TimerHandle, Timers } from "../domain/clock.js";

interface FakeTimer {
  id: number;
  due: number;
  fn: () => void;
  owner: FakeTimers;
}

/**
 * A clock and timers for tests: time moves only when the test says so, and due timers fire in
 * order as it does. `settle` runs after each timer so the async work it started can finish
 * (pass `() => scheduler.idle()`); by default it lets pending promises run.
 */
export class FakeTime implements Clock {
  private current: number;
  private nextId = 1;
  private readonly queue: FakeTimer[] = [];
  settle: () => Promise<void> = flushPromises;

  constructor(start: Date | string | number) {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  /** A set of timers on this clock; kill() drops them all, as a crashed process would. */
  timers(): FakeTimers {
    return new FakeTimers(this);
  }

  /** Moves the clock without firing anything (an NTP jump, or a process that was down). */
  jump(to: Date | string | number): void {
    this.current = new Date(to).getTime();
  }

  /** Moves forward by `ms`, firing every timer that falls due on the way, in order. */
  async advance(ms: number): Promise<void> {
    await this.advanceTo(this.current + ms);
  }

  async advanceTo(to: Date | string | number): Promise<void> {
    const target = new Date(to).getTime();
    await this.settle();
    for (;;) {
      this.queue.sort((a, b) => a.due - b.due || a.id - b.id);
      const next = this.queue[0];
      if (!next || next.due > target) break;
      this.queue.shift();
      this.current = Math.max(this.current, next.due);
      next.fn();
      await this.settle();
    }
    this.current = Math.max(this.current, target);
  }

  /** How many timers are waiting (all owners). */
  pending(): number {
    return this.queue.length;
  }

  /** @internal */
  add(owner: FakeTimers, fn: () => void, delayMs: number): FakeTimer {
    const timer = { id: this.nextId++, due: this.current + Math.max(0, delayMs), fn, owner };
    this.queue.push(timer);
    return timer;
  }

  /** @internal */
  remove(predicate: (t: FakeTimer) => boolean): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (predicate(this.queue[i] as FakeTimer)) this.queue.splice(i, 1);
    }
  }
}

export class FakeTimers implements Timers {
  constructor(private readonly time: FakeTime) {}

  set(fn: () => void, delayMs: number): TimerHandle {
    return this.time.add(this, fn, delayMs);
  }

  clear(handle: TimerHandle): void {
    this.time.remove((t) => t === handle);
  }

  /** Drops every timer of this owner: what a SIGKILL does to a process's timers. */
  kill(): void {
    this.time.remove((t) => t.owner === this);
  }
}

async function flushPromises(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
