/**
 * Polls the configured sources into the content folder (ADR 0110). What is due comes from the
 * store: each source's next poll, its back-off or Retry-After, survive restarts and are shared by
 * every process on the database; a poll is claimed under a lease, so one process polls a source
 * at a time. A poll is one importOnce (fetch, parse, full text, write); its outcome goes through
 * the failure policy (fetch-policy.ts) and back to the store. Sources never post: the scheduler
 * announces what appears in the library, except a first read's backlog, passed over before the
 * files appear (ADR 0112). Time comes from the Clock and Timers ports.
 */
import { randomBytes } from "node:crypto";
import type { Clock, TimerHandle, Timers } from "../domain/clock.js";
import type { Logger } from "../domain/logger.js";
import type {
  SeenItems,
  SourceState,
  SourceStatus,
  SourcesFileProblem,
  SourcesOverview,
  SourcesService,
  SourcesStore,
} from "../domain/sources.js";
import { type HealthEvent, healthEventOf, nextHealth } from "./fetch-policy.js";
import type { Fetcher } from "./fetch-types.js";
import { type ArticleWriter, type ImportPorts, type ImportResult, importOnce } from "./import-once.js";
import { insideFolder } from "./inside-folder.js";
import type { SourceConfig } from "./sources-file.js";

export interface SourcesRunnerDeps {
  store: SourcesStore;
  fetcher: Fetcher;
  writer: ArticleWriter;
  /** Passes a first read's backlog over (never announced); absent, nothing is held back. */
  backlog?: ImportPorts["backlog"];
  /**
   * Whether the library already holds an article from this canonical URL (its `source`): one
   * imported by `cli import` or written by hand is not imported again.
   */
  libraryHas?: (canonicalUrl: string) => boolean;
  contentDir: string;
  /** The sources file, as /sources names it. */
  file: string;
  clock: Clock;
  timers: Timers;
  log: Logger;
  tuning?: Partial<RunnerTuning>;
}

export interface RunnerTuning {
  /** How long a claimed poll is this process's before another may take it over. */
  leaseMs: number;
  /** Polls running at once (the fetcher paces each host on its own). */
  parallel: number;
  /** The longest sleep: picks up another process's changes and a clock that jumped. */
  maxSleepMs: number;
}

const DEFAULT_TUNING: RunnerTuning = { leaseMs: 15 * 60_000, parallel: 4, maxSleepMs: 60_000 };

export interface SourcesRunner extends SourcesService {
  /** The sources to poll from now on (the sources file, read again), with the problems of that reading. */
  setSources(sources: readonly SourceConfig[], problems?: readonly SourcesFileProblem[]): void;
  start(): void;
  /** Stops polling; polls under way stop before their next item, waited for at most `drainMs`. */
  stop(options?: { drainMs?: number }): Promise<void>;
  /** Resolves when no pass and no poll is running (tests). */
  idle(): Promise<void>;
}

export function createSourcesRunner(deps: SourcesRunnerDeps): SourcesRunner {
  const tuning = { ...DEFAULT_TUNING, ...deps.tuning };
  const { store, clock, timers, log } = deps;
  const worker = randomBytes(6).toString("hex");
  const libraryHas = deps.libraryHas;
  const seen: SeenItems = libraryHas
    ? {
        hasSeen: async (keys, now) =>
          keys.some((k) => k.startsWith("url:") && libraryHas(k.slice(4))) || store.hasSeen(keys, now),
        claimItem: (keys, claim) => store.claimItem(keys, claim),
        itemWritten: (keys, file) => store.itemWritten(keys, file),
        releaseItem: (keys) => store.releaseItem(keys),
      }
    : store;
  let sources = new Map<string, SourceConfig>();
  let problems: readonly SourcesFileProblem[] = [];
  let synced = true;
  let started = false;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: TimerHandle | null = null;
  const polls = new Set<Promise<void>>();

  function wake(): void {
    if (!started || stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = loop();
  }

  /**
   * Passes until nothing wakes it meanwhile, then arms the timer for the next due poll. `running`
   * stays set until the timer is armed, so whoever waits for idle() finds it armed.
   */
  async function loop(): Promise<void> {
    for (;;) {
      try {
        do {
          again = false;
          await pass();
        } while (again && !stopped);
      } catch (error) {
        log.error({ err: error }, "sources pass failed");
      }
      const delay = await nextDelay();
      if (stopped) break;
      // Woken (a poll ended, the file changed) while the store answered: pass again.
      if (again) continue;
      if (timer) timers.clear(timer);
      timer = timers.set(() => {
        timer = null;
        wake();
      }, delay);
      break;
    }
    running = null;
  }

  /** Tells the store what is configured (once per change), then starts every due poll there is room for. */
  async function pass(): Promise<void> {
    const now = clock.now().toISOString();
    if (!synced) {
      synced = true;
      await store.syncSources(
        [...sources.values()].map((s) => ({ url: s.url, fingerprint: s.fingerprint })),
        now,
      );
    }
    const urls = [...sources.keys()];
    while (!stopped && urls.length > 0 && polls.size < tuning.parallel) {
      const claimed = await store.claimDueSource(urls, worker, now, tuning.leaseMs);
      if (!claimed) break;
      const source = sources.get(claimed.url);
      // Removed from the file while the claim was made: its lease simply ends.
      if (!source) continue;
      const poll: Promise<void> = pollSource(source, claimed)
        .catch((error: unknown) => log.error({ err: error, source: source.name }, "source poll failed"))
        .finally(() => {
          polls.delete(poll);
          wake();
        });
      polls.add(poll);
    }
  }

  /** Until the next poll falls due here, within [0, maxSleep]. */
  async function nextDelay(): Promise<number> {
    let delay = tuning.maxSleepMs;
    try {
      const next = sources.size > 0 ? await store.nextDue([...sources.keys()]) : null;
      if (next !== null) delay = Date.parse(next) - clock.now().getTime();
    } catch (error) {
      log.error({ err: error }, "sources could not compute their next poll");
    }
    return Math.min(Math.max(delay, 0), tuning.maxSleepMs);
  }

  async function pollSource(source: SourceConfig, state: SourceState): Promise<void> {
    const firstRead = state.firstReadAt === null;
    let result: ImportResult;
    const folder = await insideFolder(deps.contentDir, source.folder);
    if (!folder.ok) {
      result = { ok: false, url: source.url, reason: folder.reason, outcome: null };
    } else {
      try {
        result = await importOnce(
          source.url,
          {
            folder: source.folder,
            fullText: source.fullText,
            category: source.category,
            tags: source.tags,
            lang: source.lang,
            etag: state.etag,
            lastModified: state.lastModified,
            firstRead: firstRead ? { announceNewest: source.announceFirst } : undefined,
            cancelled: () => stopped,
          },
          {
            fetcher: deps.fetcher,
            seen,
            writer: deps.writer,
            clock: { now: () => clock.now().getTime() },
            backlog: deps.backlog,
          },
        );
      } catch (error) {
        result = { ok: false, url: source.url, reason: (error as Error).message, outcome: null };
      }
    }
    const at = clock.now();
    const health = nextHealth(
      {
        consecutiveFailures: state.consecutiveFailures,
        notBefore: null,
        disabled: false,
        lastError: state.lastError,
      },
      eventOf(result),
      at.getTime(),
      { intervalMs: source.intervalMs },
    );
    const items = result.ok ? result.items : [];
    const imported = items.filter((i) => i.status === "imported").length;
    const failed = items.filter((i) => i.status === "failed");
    // New validators only for a read that went through: after a failed item (or a stop midway),
    // the next poll must get the whole feed again rather than a 304.
    const complete = result.ok && failed.length === 0 && !stopped ? result : null;
    const next = health.disabled ? null : (health.notBefore ?? at.getTime() + source.intervalMs);
    await store.finishPoll(source.url, worker, {
      at: at.toISOString(),
      read: result.ok,
      etag: complete ? complete.etag : state.etag,
      lastModified: complete ? complete.lastModified : state.lastModified,
      consecutiveFailures: health.consecutiveFailures,
      nextPollAt: next === null ? null : new Date(next).toISOString(),
      disabled: health.disabled,
      lastError: health.lastError,
      imported,
    });
    const about = { source: source.name, url: source.url };
    if (health.disabled) {
      log.error({ ...about, reason: health.lastError }, "source disabled: edit its entry to try it again");
    } else if (!result.ok) {
      log.warn(
        { ...about, failures: health.consecutiveFailures, reason: result.reason, retryAt: next },
        "source could not be read",
      );
    }
    for (const item of failed)
      log.warn({ ...about, item: item.url, reason: item.reason }, "item not imported");
    if (imported > 0 || failed.length > 0) {
      log.info(
        {
          ...about,
          imported,
          failed: failed.length,
          firstRead,
          announced: firstRead ? source.announceFirst : "all",
        },
        `source read: ${imported} new article(s)`,
      );
    }
  }

  async function overview(): Promise<SourcesOverview> {
    const configured = [...sources.values()];
    const states = new Map(
      (await store.sourceStates(configured.map((s) => s.url))).map((state) => [state.url, state]),
    );
    return {
      file: deps.file,
      problems: [...problems],
      sources: configured.map((source) => statusOf(source, states.get(source.url))),
    };
  }

  return {
    overview,

    setSources(list, found = []) {
      sources = new Map(list.map((s) => [s.url, s]));
      problems = found;
      synced = false;
      wake();
    },

    start() {
      if (started) return;
      started = true;
      wake();
    },

    async stop(options = {}) {
      if (stopped) return;
      stopped = true;
      if (timer) timers.clear(timer);
      const drained = (async () => {
        while (running || polls.size > 0) await Promise.all([running, ...polls]);
      })();
      if (options.drainMs === undefined) return drained;
      let deadline: TimerHandle | null = null;
      await Promise.race([
        drained,
        new Promise<void>((resolve) => (deadline = timers.set(resolve, options.drainMs ?? 0))),
      ]);
      if (deadline) timers.clear(deadline);
    },

    async idle() {
      while (running || polls.size > 0) await Promise.all([running, ...polls]);
    },
  };
}

/** What a poll's outcome means to the failure policy: a read, a failure (with its wait), or gone. */
function eventOf(result: ImportResult): HealthEvent {
  if (result.ok) return { kind: "success" };
  const outcome = result.outcome;
  // Fetched, but not a feed or a page (or the feed it announces failed): a failure with the reason.
  if (outcome === null || outcome.kind === "ok" || outcome.kind === "not-modified")
    return { kind: "failure", reason: result.reason };
  const event = healthEventOf(outcome);
  return event.kind === "failure" ? { ...event, reason: result.reason } : event;
}

function statusOf(source: SourceConfig, state: SourceState | undefined): SourceStatus {
  const date = (iso: string | null | undefined) => (iso ? new Date(iso) : null);
  const failures = state?.consecutiveFailures ?? 0;
  return {
    name: source.name,
    url: source.url,
    folder: source.folder,
    intervalMs: source.intervalMs,
    state: state?.disabledAt ? "disabled" : !state?.lastFetchAt ? "new" : failures > 0 ? "failing" : "ok",
    lastFetchAt: date(state?.lastFetchAt),
    lastSuccessAt: date(state?.lastSuccessAt),
    nextPollAt: date(state?.nextPollAt),
    itemsImported: state?.itemsImported ?? 0,
    consecutiveFailures: failures,
    lastError: state?.lastError ?? null,
    disabledAt: date(state?.disabledAt),
  };
}
