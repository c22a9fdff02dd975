import type { Logger } from "../../domain/logger.js";
import { realTimers, type TimerClock } from "../../framework/send-throttle.js";

/**
 * Runs the bot's incoming work fairly across chats (docs/adr/0057): each chat has its own queue,
 * chats take turns (round-robin), at most `perChat` of a chat's commands run at once and at most
 * `maxInFlight` in all. So one chat's backlog (a flood, a busy group whose replies Telegram paces
 * at 20 a minute) waits behind its own chat only, never ahead of everyone else's.
 *
 * Bounded: a chat's queue holds at most `maxQueuedPerChat` jobs and all queues `maxQueued`; work
 * beyond that is refused (push returns false). A job still running after `slotTimeoutMs` gives its
 * slot back (logged) so a hung request cannot take the bot down one slot at a time.
 */

/** The bounds; every one has a default (FAIR_DEFAULTS). */
export interface FairLimits {
  /** Jobs running at once, across every chat. */
  maxInFlight: number;
  /** Jobs of one chat running at once. */
  perChat: number;
  /** Jobs waiting in one chat's queue. */
  maxQueuedPerChat: number;
  /** Jobs waiting in all queues. */
  maxQueued: number;
  /** After this long a running job's slot is given back, the job itself carrying on. */
  slotTimeoutMs: number;
}

export const FAIR_DEFAULTS: FairLimits = {
  maxInFlight: 64,
  perChat: 2,
  maxQueuedPerChat: 100,
  maxQueued: 5_000,
  slotTimeoutMs: 60_000,
};

export interface FairDispatchOptions extends Partial<FairLimits> {
  log: Logger;
  clock?: TimerClock;
}

/** One piece of work for a chat; it should not throw (a throw is logged). */
export type Job = () => Promise<void>;

interface ChatQueue {
  waiting: Job[];
  running: number;
  /** Set while the queue is full, so the refusal is logged once per overflow, not per update. */
  overflowing: boolean;
}

export class FairDispatcher {
  private readonly chats = new Map<string, ChatQueue>();
  /** Chats with work waiting and a free slot of their own, in turn order (a Set keeps insertion order). */
  private readonly ready = new Set<string>();
  private readonly working = new Set<Promise<void>>();
  private running = 0;
  private queued = 0;
  private closed = false;
  /** Set while all queues together are full; cleared once they are down to half. */
  private overflowing = false;
  private readonly limits: FairLimits;
  private readonly clock: TimerClock;

  constructor(private readonly options: FairDispatchOptions) {
    const given = Object.entries(options).filter(
      ([key, value]) => key in FAIR_DEFAULTS && value !== undefined,
    );
    this.limits = { ...FAIR_DEFAULTS, ...Object.fromEntries(given) };
    this.clock = options.clock ?? realTimers;
  }

  /** Queues a job for a chat and starts what may start; false when it was refused (full, closed). */
  push(chatId: string, job: Job): boolean {
    if (this.closed) return false;
    let chat = this.chats.get(chatId);
    if (!chat) {
      chat = { waiting: [], running: 0, overflowing: false };
      this.chats.set(chatId, chat);
    }
    const allFull = this.queued >= this.limits.maxQueued;
    if (allFull || chat.waiting.length >= this.limits.maxQueuedPerChat) {
      // Logged once per overflow, of this chat or of all of them, not once per refused update.
      if (allFull ? !this.overflowing : !chat.overflowing) {
        if (allFull) this.overflowing = true;
        else chat.overflowing = true;
        this.options.log.warn(
          { chat: allFull ? "all" : chatId, waiting: chat.waiting.length, queued: this.queued },
          "telegram: too many commands waiting; further ones are dropped until the queue shrinks",
        );
      }
      if (chat.running === 0 && chat.waiting.length === 0) this.chats.delete(chatId);
      return false;
    }
    chat.waiting.push(job);
    this.queued++;
    if (chat.running < this.limits.perChat) this.ready.add(chatId);
    this.pump();
    return true;
  }

  /** Jobs running now. */
  inFlight(): number {
    return this.running;
  }

  /** Jobs waiting for a slot. */
  waiting(): number {
    return this.queued;
  }

  /**
   * Drops what is waiting, refuses new work, and waits up to `ms` for running jobs to end.
   * Resolves with how many were still running.
   */
  async close(ms: number): Promise<number> {
    this.closed = true;
    for (const chat of this.chats.values()) chat.waiting.length = 0;
    this.queued = 0;
    this.ready.clear();
    let timer: unknown;
    const deadline = new Promise<void>((resolve) => {
      timer = this.clock.setTimeout(resolve, ms);
    });
    await Promise.race([Promise.allSettled([...this.working]), deadline]);
    this.clock.clearTimeout(timer);
    return this.working.size;
  }

  private pump(): void {
    while (this.running < this.limits.maxInFlight) {
      const next = this.ready.values().next();
      if (next.done) return;
      const chatId = next.value;
      // Served: to the back of the line, if it still has work and room.
      this.ready.delete(chatId);
      const chat = this.chats.get(chatId);
      const job = chat?.waiting.shift();
      if (!chat || !job) continue;
      this.queued--;
      if (chat.waiting.length === 0) chat.overflowing = false;
      if (this.queued <= this.limits.maxQueued / 2) this.overflowing = false;
      this.start(chatId, chat, job);
      if (chat.waiting.length > 0 && chat.running < this.limits.perChat) this.ready.add(chatId);
    }
  }

  private start(chatId: string, chat: ChatQueue, job: Job): void {
    chat.running++;
    this.running++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.clock.clearTimeout(timer);
      chat.running--;
      this.running--;
      if (this.closed) return;
      if (chat.waiting.length > 0) this.ready.add(chatId);
      else if (chat.running === 0) this.chats.delete(chatId);
      this.pump();
    };
    const timer = this.clock.setTimeout(() => {
      this.options.log.warn(
        { chat: chatId, afterMs: this.limits.slotTimeoutMs },
        "telegram: a command is still running; its slot is given back",
      );
      release();
    }, this.limits.slotTimeoutMs);
    // A guard, not work: it must not keep a stopping process alive.
    (timer as { unref?: () => void }).unref?.();
    // Started on a later tick: a job that settles at once cannot re-enter pump() from inside it.
    const work = Promise.resolve()
      .then(job)
      .catch((error: unknown) => this.options.log.error({ err: error, chat: chatId }, "telegram: job failed"))
      .finally(() => {
        this.working.delete(work);
        release();
      });
    this.working.add(work);
  }
}
