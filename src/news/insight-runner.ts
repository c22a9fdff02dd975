/**
 * Where summaries and key facts are computed: on a worker thread with a deadline (ADR 0054), so
 * that no article's text can hold up the main thread, which answers every user. One thread, one
 * job at a time, in arrival order; the deadline counts from the moment a job starts on the thread,
 * so waiting behind other jobs never makes one fail. A job past its deadline has its thread
 * terminated (the next job starts a fresh one); an error or a crashed thread fails the job alone.
 */
import { Worker } from "node:worker_threads";
import type { Logger } from "../domain/logger.js";
import { computeInsight, type InsightJob, type InsightValue } from "./insight-jobs.js";
import type { ThreadMessage } from "./insight-serve.js";

/** Runs insight jobs somewhere; rejects with an InsightFailure. */
export interface InsightRunner {
  run(job: InsightJob): Promise<InsightValue>;
  /** Gets ready for a first job (a thread starts loading), if there is anything to get ready. */
  warm?(): void;
  close(): Promise<void>;
}

/**
 * Why a job gave no value. "timeout", "error" and "crash" come from the article itself and are
 * remembered for its version; "closed" (shutting down) is not.
 */
export class InsightFailure extends Error {
  constructor(
    readonly reason: "timeout" | "error" | "crash" | "closed",
    message: string,
  ) {
    super(message);
    this.name = "InsightFailure";
  }
}

/** On the calling thread: for one-shot tools and tests, or when no thread can start. */
export const inlineRunner: InsightRunner = {
  async run(job) {
    try {
      return computeInsight(job);
    } catch (error) {
      throw new InsightFailure("error", error instanceof Error ? error.message : String(error));
    }
  },
  async close() {},
};

export interface ThreadRunnerOptions {
  /** A job running longer than this is stopped (its thread terminated) and fails. */
  deadlineMs?: number;
  /** The thread exits after this long without a job (its memory is given back). */
  idleMs?: number;
  /** The thread's entry (tests serve a slow function); default ./insight-worker. */
  entry?: URL;
  log?: Logger;
}

/** A job longer than this on a 200,000-character article is far outside anything measured. */
export const DEFAULT_DEADLINE_MS = 5_000;
const DEFAULT_IDLE_MS = 5 * 60_000;
/** Loading the thread (tsx, chrono-node) takes about a second on a busy machine. */
const START_TIMEOUT_MS = 30_000;
/** A bounded heap: a text that makes the work allocate without end fails alone. */
const THREAD_HEAP_MB = 256;

interface Job {
  id: number;
  job: InsightJob;
  resolve: (value: InsightValue) => void;
  reject: (error: InsightFailure) => void;
  timer?: NodeJS.Timeout;
}

/** One worker thread, started on the first job, jobs one at a time with a deadline each. */
export class ThreadRunner implements InsightRunner {
  private readonly deadlineMs: number;
  private readonly idleMs: number;
  private readonly entry: URL;
  private readonly log: Logger | undefined;
  private worker: Worker | null = null;
  private ready: Promise<Worker> | null = null;
  private readonly queue: Job[] = [];
  private current: Job | null = null;
  private idle: NodeJS.Timeout | null = null;
  private ids = 0;
  private closed = false;
  /** Set when no thread could start: jobs then run inline (said once in the log). */
  private inline = false;

  constructor(options: ThreadRunnerOptions = {}) {
    this.deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
    this.idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
    this.entry = options.entry ?? new URL(`./insight-worker.${extension()}`, import.meta.url);
    this.log = options.log;
  }

  run(job: InsightJob): Promise<InsightValue> {
    if (this.closed) return Promise.reject(new InsightFailure("closed", "insights are closed"));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: ++this.ids, job, resolve, reject });
      this.pump();
    });
  }

  /** Starts the thread now, so the first command does not wait for it to load. */
  warm(): void {
    if (this.closed || this.inline) return;
    this.thread().then(
      () => this.startIdle(),
      () => {}, // the first job will find out, and run inline
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    const closing = new InsightFailure("closed", "insights are closed");
    for (const j of this.queue.splice(0)) j.reject(closing);
    this.finish(this.current, (j) => j.reject(closing));
    this.stopIdle();
    const worker = this.worker;
    this.worker = null;
    this.ready = null;
    if (worker) await worker.terminate();
  }

  /** Starts the next job when the thread is free. */
  private pump(): void {
    if (this.current !== null || this.closed) return;
    const next = this.queue.shift();
    if (next === undefined) {
      this.startIdle();
      return;
    }
    this.stopIdle();
    this.current = next;
    if (this.inline) {
      this.runInline(next);
      return;
    }
    this.thread().then(
      (worker) => {
        if (this.current !== next) return; // closed meanwhile
        next.timer = setTimeout(() => this.timedOut(next), this.deadlineMs);
        worker.postMessage({ id: next.id, job: next.job });
      },
      (error: unknown) => {
        if (this.current !== next) return;
        this.inline = true;
        this.log?.warn(
          { err: error instanceof Error ? error.message : String(error) },
          "insights: the worker thread could not start; summaries and facts run on the main thread",
        );
        this.runInline(next);
      },
    );
  }

  private runInline(job: Job): void {
    inlineRunner.run(job.job).then(
      (value) => this.finish(job, (j) => j.resolve(value)),
      (error: InsightFailure) => this.finish(job, (j) => j.reject(error)),
    );
  }

  /** Settles the current job (if it is still `job`) and moves on to the next. */
  private finish(job: Job | null, settle: (j: Job) => void): void {
    if (job === null || this.current !== job) return;
    clearTimeout(job.timer);
    this.current = null;
    settle(job);
    // Later, so that what settles a job never runs inside another job's bookkeeping.
    queueMicrotask(() => this.pump());
  }

  private timedOut(job: Job): void {
    this.dropThread();
    this.finish(job, (j) =>
      j.reject(new InsightFailure("timeout", `stopped after ${this.deadlineMs} ms (${j.job.kind})`)),
    );
  }

  /** Terminates the thread; the next job starts a fresh one. */
  private dropThread(): void {
    const worker = this.worker;
    this.worker = null;
    this.ready = null;
    void worker?.terminate();
  }

  private thread(): Promise<Worker> {
    if (this.ready) return this.ready;
    const ready = new Promise<Worker>((resolve, reject) => {
      const worker = startThread(this.entry);
      this.worker = worker;
      worker.unref();
      const startTimer = setTimeout(() => {
        reject(new Error(`the thread did not start within ${START_TIMEOUT_MS} ms`));
        void worker.terminate();
      }, START_TIMEOUT_MS);
      worker.on("message", (m: ThreadMessage) => {
        if (m.type === "ready") {
          clearTimeout(startTimer);
          resolve(worker);
          return;
        }
        const job = this.current;
        if (worker !== this.worker || job === null || job.id !== m.id) return;
        if (m.type === "done") this.finish(job, (j) => j.resolve(m.value as InsightValue));
        else this.finish(job, (j) => j.reject(new InsightFailure("error", m.error)));
      });
      const lost = (why: string) => {
        clearTimeout(startTimer);
        reject(new Error(why));
        if (worker !== this.worker) return; // terminated on purpose
        this.worker = null;
        this.ready = null;
        this.finish(this.current, (j) => j.reject(new InsightFailure("crash", why)));
      };
      worker.on("error", (error) => lost(error.message));
      worker.on("exit", (code) => lost(`the insight thread exited (code ${code})`));
    });
    this.ready = ready;
    return ready;
  }

  private startIdle(): void {
    if (this.worker === null || this.idle !== null) return;
    this.idle = setTimeout(() => {
      this.idle = null;
      if (this.current === null && this.queue.length === 0) this.dropThread();
    }, this.idleMs);
    this.idle.unref();
  }

  private stopIdle(): void {
    if (this.idle !== null) clearTimeout(this.idle);
    this.idle = null;
  }
}

/** "ts" under tsx (npm start, tests), "js" once compiled. */
function extension(): "ts" | "js" {
  return import.meta.url.endsWith(".ts") ? "ts" : "js";
}

/**
 * A worker on `entry`. Under tsx the entry is TypeScript and the thread registers tsx before
 * loading it (as the parse thread does, ADR 0042); compiled JavaScript loads directly.
 */
export function startThread(entry: URL): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: THREAD_HEAP_MB };
  if (!entry.pathname.endsWith(".ts")) return new Worker(entry, { resourceLimits });
  // Resolved here: an eval'd worker resolves bare names from the working directory, not from here.
  const tsx = import.meta.resolve("tsx/esm/api");
  const load = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(load, { eval: true, resourceLimits });
}
