/**
 * One outbound queue that keeps a messaging service's pace, whichever service it is: at most
 * `globalPerSecond` requests in any second overall, optionally a gap per chat and a per-minute cap
 * for some chats. The adapter that creates it gives the numbers, so this module knows no service.
 * Each chat is a FIFO served one message at a time, so the parts of a long reply stay in order;
 * chats are served round-robin, so one busy chat never starves the rest.
 *
 * A task that throws RetryLater (a 429 with a retry-after) holds its chat for that long and is
 * retried at the head of the chat's queue; other chats keep flowing meanwhile.
 */

/** Time as the queue sees it; tests pass a fake one and never sleep. */
export interface TimerClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: TimerClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Thrown by a task to be retried after `afterMs` (a 429's retry-after). */
export class RetryLater extends Error {
  constructor(
    readonly afterMs: number,
    override readonly cause?: unknown,
  ) {
    super(`retry after ${afterMs} ms`);
    this.name = "RetryLater";
  }
}

/** A service's pace, given by its adapter. */
export interface ThrottleOptions {
  /** Requests in any second, across every chat: the service's global limit. */
  globalPerSecond: number;
  /** After a chat's message is answered, how long before its next may start. Default 0. */
  perChatIntervalMs?: number;
  /** A chat's cap on starts in any minute, or undefined where it has none. Default: none. */
  chatPerMinute?: (chatId: string) => number | undefined;
  /** How many RetryLater a task may throw before its error is passed on. Default 5. */
  maxRetries?: number;
  /** Told how long a message waited for the pace (or a 429's hold) when it starts late: the metrics' rate-limit waits. */
  onWait?: (ms: number) => void;
}

/**
 * The pace is kept on *completion* times, with requests in flight counted as taking room: an
 * answer comes after the server saw the request, so "fewer than N answered in the last second,
 * counting those still in flight" means the server never sees N + 1 in any second, whatever the
 * network jitter. Starts are spread evenly (one every 1000/N ms), not in bursts.
 */
const SPACING_SLACK_MS = 100;

interface Job {
  task: () => Promise<unknown>;
  /** When it was queued, or held again by a RetryLater: a start later than this waited. */
  since: number;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  retries: number;
}

interface ChatState {
  jobs: Job[];
  busy: boolean;
  /** Earliest start of the next message (per-chat pace, or a 429 hold). */
  nextAt: number;
  /** This chat's cap per minute, if it has one. */
  perMinute: number | undefined;
  /** Start times within the last minute (capped chats only). */
  minute: number[];
}

export class SendThrottle {
  private readonly chats = new Map<string, ChatState>();
  private readonly second: number[] = [];
  /** Requests started and not yet answered: they count against the per-second limit. */
  private inFlight = 0;
  /**
   * Even spacing, as a GCRA: the theoretical time of the next start advances 1000/N ms per start,
   * and a start may come up to SPACING_SLACK_MS early, so a late timer does not push every later
   * start back (lateness would add up to several percent over a long fan-out).
   */
  private nextStart = Number.NEGATIVE_INFINITY;
  private timer: { handle: unknown; at: number } | null = null;
  private closed = false;
  private readonly options: Required<ThrottleOptions>;

  constructor(
    options: ThrottleOptions,
    private readonly clock: TimerClock = realTimers,
  ) {
    this.options = {
      perChatIntervalMs: 0,
      chatPerMinute: () => undefined,
      maxRetries: 5,
      onWait: () => undefined,
      ...options,
    };
  }

  /** Runs `task` when the pace allows; resolves or rejects with its outcome. */
  schedule<T>(chatId: string, task: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error("the send queue is closed"));
    return new Promise<T>((resolve, reject) => {
      const chat = this.chat(chatId);
      chat.jobs.push({
        task,
        since: this.clock.now(),
        resolve: resolve as (v: unknown) => void,
        reject,
        retries: 0,
      });
      this.pump();
    });
  }

  /** Messages waiting or being sent. */
  pending(): number {
    let n = 0;
    for (const chat of this.chats.values()) n += chat.jobs.length;
    return n;
  }

  /** Rejects everything still queued and stops the timer (shutdown). */
  close(reason = "the send queue is closed"): void {
    this.closed = true;
    if (this.timer) this.clock.clearTimeout(this.timer.handle);
    this.timer = null;
    for (const chat of this.chats.values()) {
      const waiting = chat.busy ? chat.jobs.splice(1) : chat.jobs.splice(0);
      for (const job of waiting) job.reject(new Error(reason));
    }
  }

  private chat(chatId: string): ChatState {
    let chat = this.chats.get(chatId);
    if (!chat) {
      chat = { jobs: [], busy: false, nextAt: 0, perMinute: this.options.chatPerMinute(chatId), minute: [] };
      this.chats.set(chatId, chat);
    }
    return chat;
  }

  private pump(): void {
    if (this.closed) return;
    const now = this.clock.now();
    prune(this.second, now - 1000);
    let earliest = Number.POSITIVE_INFINITY;
    for (const [id, chat] of [...this.chats]) {
      if (chat.busy) continue;
      prune(chat.minute, now - 60_000);
      if (chat.jobs.length === 0) {
        // Forget idle chats once their pace no longer matters.
        if (chat.nextAt <= now && chat.minute.length === 0) this.chats.delete(id);
        continue;
      }
      const readyAt = Math.max(
        chat.nextAt,
        windowReadyAt(this.second, this.options.globalPerSecond - this.inFlight, 1000),
        this.nextStart - SPACING_SLACK_MS,
        chat.perMinute === undefined ? 0 : windowReadyAt(chat.minute, chat.perMinute, 60_000),
      );
      if (readyAt <= now) {
        this.start(id, chat, now);
      } else {
        earliest = Math.min(earliest, readyAt);
      }
    }
    this.arm(earliest, now);
  }

  private arm(at: number, now: number): void {
    if (this.timer && this.timer.at <= at) return;
    if (this.timer) this.clock.clearTimeout(this.timer.handle);
    this.timer = null;
    if (!Number.isFinite(at)) return;
    const handle = this.clock.setTimeout(
      () => {
        this.timer = null;
        this.pump();
      },
      Math.max(0, at - now),
    );
    this.timer = { handle, at };
  }

  private start(id: string, chat: ChatState, now: number): void {
    const job = chat.jobs[0];
    if (!job) return;
    chat.busy = true;
    chat.nextAt = Number.POSITIVE_INFINITY;
    if (now - job.since >= 1) this.options.onWait(now - job.since);
    this.inFlight++;
    this.nextStart = Math.max(this.nextStart, now) + 1000 / this.options.globalPerSecond;
    // Served chats go to the back of the line: round-robin between chats.
    this.chats.delete(id);
    this.chats.set(id, chat);
    let outcome: Promise<unknown>;
    try {
      outcome = Promise.resolve(job.task());
    } catch (error) {
      outcome = Promise.reject(error);
    }
    const answered = () => {
      const at = this.clock.now();
      this.inFlight--;
      this.second.push(at);
      if (chat.perMinute !== undefined) chat.minute.push(at);
      chat.nextAt = at + this.options.perChatIntervalMs;
    };
    outcome.then(
      (value) => {
        answered();
        this.finish(chat, job, () => job.resolve(value));
      },
      (error: unknown) => {
        answered();
        if (error instanceof RetryLater && job.retries < this.options.maxRetries && !this.closed) {
          job.retries++;
          job.since = this.clock.now();
          chat.nextAt = Math.max(chat.nextAt, this.clock.now() + error.afterMs);
          chat.busy = false;
          this.pump();
          return;
        }
        this.finish(chat, job, () => job.reject(error));
      },
    );
  }

  private finish(chat: ChatState, job: Job, settle: () => void): void {
    if (chat.jobs[0] === job) chat.jobs.shift();
    chat.busy = false;
    settle();
    this.pump();
  }
}

/** Drops timestamps at or before `cutoff` from a sorted log. */
function prune(log: number[], cutoff: number): void {
  let drop = 0;
  while (drop < log.length && (log[drop] as number) <= cutoff) drop++;
  if (drop > 0) log.splice(0, drop);
}

/** When a sliding window of `size` ms next has room for one more start. */
function windowReadyAt(log: readonly number[], max: number, size: number): number {
  if (max <= 0) return Number.POSITIVE_INFINITY;
  if (log.length < max) return 0;
  return (log[log.length - max] as number) + size;
}
