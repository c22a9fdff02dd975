import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Clock, TimerHandle, Timers } from "../domain/clock.js";
import type { DeliveryState } from "../domain/delivery.js";
import type { InsightsPort } from "../domain/insights.js";
import type { WatchedLibrary } from "../domain/library.js";
import type { Logger } from "../domain/logger.js";
import type { PlatformName } from "../domain/target.js";
import { parseTarget, targetOf } from "../domain/target.js";
import type { Publisher } from "../framework/platform.js";
import type { SchedulingPort } from "../framework/scheduling-port.js";
import type { Db } from "../store/sqlite/database.js";
import { minimumGapMs, parseCron } from "./cron.js";
import { runDeliveries } from "./delivery-worker.js";
import { nextWakeAt, onLibraryChange, planAll } from "./planner.js";
import {
  createStores,
  DEFAULT_TUNING,
  type IdempotentPublisher,
  type SchedulerConfig,
  type SchedulerEnv,
  SYSTEM_ACTOR,
  type Tuning,
} from "./scheduler-env.js";
import { createSchedulingService } from "./scheduling-service.js";
import { canonicalTimeZone } from "./time-zone.js";

export interface SchedulerDeps {
  db: Db;
  library: WatchedLibrary;
  insights: InsightsPort;
  /** Read at each send, so platforms may be added after creation (before start()). */
  publishers: Partial<Record<PlatformName, Publisher | IdempotentPublisher>>;
  clock: Clock;
  timers: Timers;
  log: Logger;
  config: SchedulerConfig;
  tuning?: Partial<Tuning>;
  /** Who this process is, for telling a dead predecessor's claims (tests fake it). */
  instance?: { host?: string; pid?: number };
  isProcessAlive?: (pid: number) => boolean;
}

export interface Scheduler {
  /** For the commands: services.scheduling. */
  readonly port: SchedulingPort;
  /** Registers this process, resumes unfinished deliveries, catches up missed slots, runs. */
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
  stats(): Record<DeliveryState, number>;
}

/**
 * The scheduler: configured digests and announcements, moderators' schedules, and the outbox
 * that delivers them exactly once (ADRs 0030-0035). Time comes from the Clock and Timers ports;
 * nothing here sleeps. One pass = plan (synchronous SQLite transactions) then send (async).
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
    db: deps.db,
    stores: createStores(deps.db),
    library: deps.library,
    insights: deps.insights,
    publishers: deps.publishers,
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
  };
  const { timers, log } = deps;
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

  // Listen from creation: the library may announce files before start().
  deps.library.onChange((event) => {
    if (stopped) return;
    try {
      onLibraryChange(env, event);
    } catch (error) {
      log.error({ err: error, event }, "scheduler could not note a library change");
    }
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
        planFailed = planAll(env, startup) > 0;
        startup = false;
        await runDeliveries(env, me.id, () => stopped);
      } while (again && !stopped);
    } catch (error) {
      log.error({ err: error }, "scheduler pass failed");
    } finally {
      running = null;
      arm();
    }
  }

  function arm(): void {
    if (stopped) return;
    if (timer) timers.clear(timer);
    let delay = env.tuning.maxSleepMs;
    try {
      delay = nextWakeAt(env) - deps.clock.now().getTime();
      if (planFailed) delay = Math.max(delay, PLAN_RETRY_MS);
    } catch (error) {
      log.error({ err: error }, "scheduler could not compute its next wake-up");
    }
    timer = timers.set(
      () => {
        timer = null;
        wake();
      },
      Math.min(Math.max(delay, 0), env.tuning.maxSleepMs),
    );
  }

  function heartbeat(): void {
    if (stopped) return;
    try {
      const now = deps.clock.now();
      env.stores.instances.heartbeat(me.id, now.toISOString());
      env.stores.deliveries.renewClaims(me.id, new Date(now.getTime() + env.tuning.claimTtlMs).toISOString());
      if (reapDead() > 0) wake();
    } catch (error) {
      log.error({ err: error }, "scheduler heartbeat failed");
    }
    heartbeatTimer = timers.set(heartbeat, env.tuning.heartbeatMs);
  }

  /** Claims of schedulers that died (same host: the pid is gone; elsewhere: silent too long). */
  function reapDead(): number {
    const now = deps.clock.now();
    let released = 0;
    for (const other of env.stores.instances.others(me.id)) {
      const silent = now.getTime() - Date.parse(other.seenAt) > env.tuning.deadAfterMs;
      // Same pid on the same host (a container restarted as pid 1) is dead unless it is a
      // scheduler of this very process.
      const gone =
        other.host === me.host && (other.pid === me.pid ? !liveHere.has(other.id) : !isAlive(other.pid));
      if (!silent && !gone) continue;
      released += env.stores.deliveries.releaseClaims([other.id], now.toISOString());
      env.stores.instances.remove(other.id);
      log.info(
        { instance: other.id, pid: other.pid, host: other.host, released },
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
  function leave(): void {
    liveHere.delete(me.id);
    if (started) env.stores.instances.remove(me.id);
  }

  async function idleThenLeave(): Promise<void> {
    while (running) await running;
    try {
      leave();
    } catch {
      // The database closed first (the process is exiting): the next start reaps our row.
    }
  }

  return {
    port: createSchedulingService(env, wake),

    async start() {
      if (started) return;
      const now = deps.clock.now().toISOString();
      env.stores.instances.register({ ...me, startedAt: now, seenAt: now });
      liveHere.add(me.id);
      reapDead();
      // Configured targets come back at each start: fixing them is a restart (ADR 0033).
      for (const target of env.config.targets) {
        if (env.stores.targets.enable(target)) {
          env.stores.audit.record({
            at: now,
            actorId: SYSTEM_ACTOR.id,
            actorName: SYSTEM_ACTOR.name,
            target,
            action: "target.enabled",
            detail: { reason: "restart" },
          });
          log.info({ target }, "configured target enabled again at start");
        }
      }
      const counts = env.stores.deliveries.countByState();
      if (counts.pending + counts.sending > 0) {
        log.info({ pending: counts.pending, sending: counts.sending }, "resuming unfinished deliveries");
      }
      started = true;
      heartbeatTimer = timers.set(heartbeat, env.tuning.heartbeatMs);
      // The first pass plans synchronously up to its first send: once this line is out, the
      // library's baseline is taken and unfinished deliveries are claimed or under way.
      wake();
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
        const inFlight = started ? env.stores.deliveries.claimedBy(me.id) : [];
        log.warn(
          { deliveries: inFlight, waitedMs: options.drainMs },
          "stopping with sends still in flight: each is sent again at the next start (twice, if the platform had already accepted it)",
        );
        // Our claims outlive us on purpose: a scheduler elsewhere takes them over only once this
        // process is gone, never while its send may still land. Cleaned up if the send returns.
        void idleThenLeave();
        return { inFlight };
      }
      leave();
      return { inFlight: [] };
    },
    wake,

    async idle() {
      while (running) await running;
    },

    stats: () => env.stores.deliveries.countByState(),
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
