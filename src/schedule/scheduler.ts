import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Clock, TimerHandle, Timers } from "../domain/clock.js";
import type { DeliveryState } from "../domain/delivery.js";
import type { InsightsPort } from "../domain/insights.js";
import type { KeywordMatcher } from "../domain/keyword-filter.js";
import type { WatchedLibrary } from "../domain/library.js";
import type { Logger } from "../domain/logger.js";
import { SYSTEM_ACTOR } from "../domain/schedule.js";
import type { SchedulingReads } from "../domain/scheduling-reads.js";
import type { SchedulingReport } from "../domain/scheduling-report.js";
import type { SchedulingService } from "../domain/scheduling-service.js";
import type { SchedulingStore } from "../domain/scheduling-store.js";
import { parseTarget, targetOf } from "../domain/target.js";
import { NO_TELEMETRY, type Telemetry } from "../domain/telemetry.js";
import { parseCron } from "../framework/cron-syntax.js";
import { minimumGapMs } from "./cron.js";
import { runDeliveries } from "./delivery-worker.js";
import { nextWakeAt, onLibraryChange, planAll } from "./planner.js";
import type { PublisherRegistry } from "./publisher-registry.js";
import { DEFAULT_TUNING, type SchedulerConfig, type SchedulerEnv, type Tuning } from "./scheduler-env.js";
import { createSchedulingReport } from "./scheduling-report.js";
import { createSchedulingService } from "./scheduling-service.js";
import { canonicalTimeZone } from "./time-zone.js";

export interface SchedulerDeps {
  store: SchedulingStore;
  /** What the dashboard reads; without it there is no report (one-shot CLI runs, most tests). */
  reads?: SchedulingReads;
  library: WatchedLibrary;
  insights: InsightsPort;
  /** Read at each send: platforms join it as they come up. */
  publishers: PublisherRegistry;
  /** The search index, for subscriptions' keyword filters (ADR 0113). */
  matcher?: KeywordMatcher;
  clock: Clock;
  timers: Timers;
  log: Logger;
  config: SchedulerConfig;
  tuning?: Partial<Tuning>;
  /** Counts delivery attempts for /metrics; default: nothing counted. */
  telemetry?: Telemetry;
  /** Who this process is, for telling a dead predecessor's claims (tests fake it). */
  instance?: { host?: string; pid?: number };
  isProcessAlive?: (pid: number) => boolean;
}

export interface Scheduler {
  /** For the commands: services.scheduling. */
  readonly port: SchedulingService;
  /** For the dashboard: what was and will be posted, and why not (null without `reads`). */
  readonly report: SchedulingReport | null;
  /**
   * Registers this process, resumes unfinished deliveries, catches up missed slots, runs.
   * Resolves once the first pass has planned (the library's baseline is taken); its sends go on.
   */
  start(): Promise<void>;
  /**
   * Stops claiming work and waits for the sends in flight, each marked done as it returns; with
   * `drainMs`, waits that long at most (ADR 0065). Resolves with the deliveries still in flight
   * then: they stay claimed by this process and are sent again after it is gone.
   */
  stop(options?: { drainMs?: number }): Promise<{ inFlight: string[] }>;
  /** Runs a pass now (after a change); harmless when one is running. */
  wake(): void;
  /** Resolves when no pass is running (tests, shutdown). */
  idle(): Promise<void>;
  /** Outbox counts, for logs and tests. */
  stats(): Promise<Record<DeliveryState, number>>;
}

/**
 * The scheduler: configured digests and announcements, moderators' schedules, and the outbox
 * that delivers them exactly once (ADRs 0030-0035). Time comes from the Clock and Timers ports;
 * nothing here sleeps. One pass = plan (units of work on the SchedulingStore port) then send.
 */
export function createScheduler(deps: SchedulerDeps): Scheduler {
  const timeZone = canonicalTimeZone(deps.config.timeZone);
  if (!timeZone) throw new Error(`scheduler: unknown time zone ${deps.config.timeZone}`);
  const digestCron = deps.config.digestCron ? parseCron(deps.config.digestCron) : null;
  if (deps.config.digestCron && !digestCron)
    throw new Error(`scheduler: invalid cron ${deps.config.digestCron}`);
  const targets = deps.config.targets.map((t) => {
    const ref = parseTarget(t);
    if (!ref) throw new Error(`scheduler: invalid target ${t}`);
    return targetOf(ref);
  });
  const env: SchedulerEnv = {
    store: deps.store,
    library: deps.library,
    insights: deps.insights,
    publishers: deps.publishers,
    matcher: deps.matcher ?? null,
    clock: deps.clock,
    log: deps.log,
    config: {
      timeZone,
      targets: [...new Set(targets)],
      catchUp: deps.config.catchUp,
      defaultLocale: deps.config.defaultLocale,
      digestSize: deps.config.digestSize ?? 5,
      announceBurst: deps.config.announceBurst ?? 10,
    },
    digestCron,
    tuning: { ...DEFAULT_TUNING, ...deps.tuning },
    telemetry: deps.telemetry ?? NO_TELEMETRY,
  };
  const { timers, log, store } = deps;
  if (
    digestCron &&
    minimumGapMs(digestCron, timeZone, deps.clock.now(), 400, env.tuning.minDigestGapMs) <
      env.tuning.minDigestGapMs
  ) {
    log.warn({ cron: digestCron.expression }, "DIGEST_CRON fires more often than every 5 minutes");
  }
  const me = {
    id: randomBytes(6).toString("hex"),
    host: deps.instance?.host ?? hostname(),
    pid: deps.instance?.pid ?? process.pid,
  };
  const isAlive = deps.isProcessAlive ?? processAlive;
  let started = false;
  let stopped = false;
  let startup = true;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: TimerHandle | null = null;
  /** A planning step failed in the last pass: what it left due is retried after a pause, not at once. */
  let planFailed = false;
  let heartbeatTimer: TimerHandle | null = null;
  let eventTimer: TimerHandle | null = null;
  /** Library changes being noted, so that a pass starts after them. */
  let noting: Promise<unknown> = Promise.resolve();
  /** Resolves when the first pass has planned. */
  let firstPlanned: () => void = () => undefined;
  const planned = new Promise<void>((resolve) => {
    firstPlanned = resolve;
  });

  // Listen from creation: the library may announce files before start().
  deps.library.onChange((event) => {
    if (stopped) return;
    noting = noting
      .then(() => onLibraryChange(env, event))
      .catch((error: unknown) =>
        log.error({ err: error, event }, "scheduler could not note a library change"),
      );
    wakeSoon();
  });

  /** After library events, batched: files copied together are announced together. */
  function wakeSoon(): void {
    if (!started || stopped || eventTimer) return;
    eventTimer = timers.set(() => {
      eventTimer = null;
      wake();
    }, env.tuning.eventDebounceMs);
  }

  function wake(): void {
    if (!started || stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = loop();
  }

  async function loop(): Promise<void> {
    try {
      do {
        again = false;
        await noting;
        planFailed = (await planAll(env, startup)) > 0;
        startup = false;
        firstPlanned();
        await runDeliveries(env, me.id, () => stopped);
      } while (again && !stopped);
    } catch (error) {
      log.error({ err: error }, "scheduler pass failed");
    } finally {
      firstPlanned();
      running = null;
      await arm();
    }
  }

  async function arm(): Promise<void> {
    if (stopped) return;
    let delay = env.tuning.maxSleepMs;
    try {
      delay = (await nextWakeAt(env)) - deps.clock.now().getTime();
      if (planFailed) delay = Math.max(delay, PLAN_RETRY_MS);
    } catch (error) {
      log.error({ err: error }, "scheduler could not compute its next wake-up");
    }
    // Stopped, or woken by something else, while the store answered.
    if (stopped || running) return;
    if (timer) timers.clear(timer);
    timer = timers.set(
      () => {
        timer = null;
        wake();
      },
      Math.min(Math.max(delay, 0), env.tuning.maxSleepMs),
    );
  }

  async function heartbeat(): Promise<void> {
    if (stopped) return;
    try {
      await store.heartbeat(me.id, deps.clock.now().toISOString(), env.tuning.claimTtlMs);
      if ((await reapDead()) > 0) wake();
    } catch (error) {
      log.error({ err: error }, "scheduler heartbeat failed");
    }
    if (!stopped) heartbeatTimer = timers.set(() => void heartbeat(), env.tuning.heartbeatMs);
  }

  /**
   * Claims of schedulers that died are released at once: on this host, when their pid is gone;
   * anywhere, when they have been silent too long. Their leases would end on their own; this only
   * makes a restart on the same host resume at once.
   */
  async function reapDead(): Promise<number> {
    const now = deps.clock.now();
    let released = 0;
    for (const other of await store.otherInstances(me.id)) {
      const silent = now.getTime() - Date.parse(other.seenAt) > env.tuning.deadAfterMs;
      // Same pid on the same host (a container restarted as pid 1) is dead unless it is a
      // scheduler of this very process.
      const gone =
        other.host === me.host && (other.pid === me.pid ? !liveHere.has(other.id) : !isAlive(other.pid));
      if (!silent && !gone) continue;
      const count = await store.releaseInstance(other.id, now.toISOString());
      released += count;
      log.info(
        { instance: other.id, pid: other.pid, host: other.host, released: count },
        "took over from a dead scheduler",
      );
    }
    return released;
  }

  /** Waits for the pass under way; false if `ms` passed first. */
  async function drain(ms: number | undefined): Promise<boolean> {
    if (ms === undefined) {
      while (running) await running;
      return true;
    }
    let deadline: TimerHandle | null = null;
    const late = new Promise<false>((resolve) => {
      deadline = timers.set(() => resolve(false), ms);
    });
    const done = (async () => {
      while (running) await running;
      return true as const;
    })();
    const drained = await Promise.race([done, late]);
    if (deadline) timers.clear(deadline);
    return drained;
  }

  /** This process no longer schedules: its registration goes, so nobody waits for its heartbeat. */
  async function leave(): Promise<void> {
    liveHere.delete(me.id);
    if (started) await store.removeInstance(me.id);
  }

  async function idleThenLeave(): Promise<void> {
    while (running) await running;
    try {
      await leave();
    } catch {
      // The database closed first (the process is exiting): the next start reaps our row.
    }
  }

  return {
    port: createSchedulingService(env, wake),
    report: deps.reads ? createSchedulingReport(env, deps.reads) : null,

    async start() {
      if (started) return;
      const now = deps.clock.now().toISOString();
      await store.registerInstance({ ...me, startedAt: now, seenAt: now });
      liveHere.add(me.id);
      await reapDead();
      // Configured targets come back at each start: fixing them is a restart (ADR 0033).
      for (const target of env.config.targets) {
        const audit = {
          at: now,
          actorId: SYSTEM_ACTOR.id,
          actorName: SYSTEM_ACTOR.name,
          target,
          action: "target.enabled",
          detail: { reason: "restart" },
        };
        if (await store.enableTarget(target, audit)) {
          log.info({ target }, "configured target enabled again at start");
        }
      }
      const counts = await store.countDeliveries();
      if (counts.pending + counts.sending > 0) {
        log.info({ pending: counts.pending, sending: counts.sending }, "resuming unfinished deliveries");
      }
      started = true;
      heartbeatTimer = timers.set(() => void heartbeat(), env.tuning.heartbeatMs);
      wake();
      // Once the first pass has planned, the library's baseline is taken and unfinished
      // deliveries are being claimed.
      await planned;
      log.info({ instance: me.id, pid: me.pid }, "scheduler running");
    },

    async stop(options = {}) {
      if (stopped) return { inFlight: [] };
      stopped = true;
      if (timer) timers.clear(timer);
      if (heartbeatTimer) timers.clear(heartbeatTimer);
      if (eventTimer) timers.clear(eventTimer);
      const drained = await drain(options.drainMs);
      if (!drained) {
        const inFlight = started ? await store.claimedBy(me.id) : [];
        log.warn(
          { deliveries: inFlight, waitedMs: options.drainMs },
          "stopping with sends still in flight: each is sent again at the next start (twice, if the platform had already accepted it)",
        );
        // Our claims outlive us on purpose: a scheduler elsewhere takes them over only once this
        // process is gone, never while its send may still land. Cleaned up if the send returns.
        void idleThenLeave();
        return { inFlight };
      }
      await leave();
      return { inFlight: [] };
    },
    wake,

    async idle() {
      while (running) await running;
    },

    stats: () => store.countDeliveries(),
  };
}

/** After a failed planning step, the soonest the pass runs again (a due post would spin). */
const PLAN_RETRY_MS = 30_000;

/** Schedulers running in this process (tests run several on one database). */
const liveHere = new Set<string>();

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
