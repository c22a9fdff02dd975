/**
 * Sources: the feeds and pages the operator lists in the sources file, polled into content/
 * (src/sources). The runner keeps what it must remember between polls, and across restarts and
 * processes, behind `SourcesStore`; commands and the dashboard read the sources' status through
 * `SourcesService`. Instants are ISO 8601 UTC strings in stored records and Dates in views.
 */

/** How a source's item text is chosen: the page's article when the feed has a teaser, always, or never. */
export type FullTextMode = "auto" | "always" | "never";

/** What the store keeps about one source, by its URL (ADR 0110). */
export interface SourceState {
  url: string;
  /** Validators of the last answer, for the next conditional GET. */
  etag: string | null;
  lastModified: string | null;
  consecutiveFailures: number;
  /** Not polled before this: the next poll, a back-off or a Retry-After. Null once disabled. */
  nextPollAt: string | null;
  /** Set when 20 failures in a row or a 410 Gone disabled it; cleared when its entry is edited. */
  disabledAt: string | null;
  /** Why the last poll failed (or why it was disabled); null after a success. */
  lastError: string | null;
  /** The last attempt, whatever came of it. */
  lastFetchAt: string | null;
  /** The last poll that read the source (200 or 304). */
  lastSuccessAt: string | null;
  /** The first poll that read it: what that poll imports is a backlog, announced only in part. */
  firstReadAt: string | null;
  /** Article files written from it, in all. */
  itemsImported: number;
  /** The configured entry's fingerprint when last synced: an edit is a change of fingerprint. */
  fingerprint: string;
}

/** A configured source as the store needs it. */
export interface SourceEntry {
  url: string;
  /** Changes whenever the entry's settings in the sources file change (not its comments or layout). */
  fingerprint: string;
}

/** What one poll came to, written at once with the poll's claim released. */
export interface PollRecord {
  at: string;
  /** The source answered with a feed or page that was read (or 304): a success. */
  read: boolean;
  /** The validators to send next time (the previous ones when this poll got no new ones). */
  etag: string | null;
  lastModified: string | null;
  consecutiveFailures: number;
  /** The next poll; null when the poll disabled the source. */
  nextPollAt: string | null;
  disabled: boolean;
  lastError: string | null;
  /** Article files this poll wrote. */
  imported: number;
}

/**
 * Which items were imported, by their dedupe keys (guid, canonical URL, or a hash of title and
 * text: ADR 0074), for every source at once, so the same article from two sources is written
 * once. An item is claimed before its file is written, so two processes never both write it; a
 * claim whose file never came (a crash) lapses after a while. Keys are never forgotten: a file an
 * operator deleted stays deleted.
 */
export interface SeenItems {
  /** True when any key was recorded before (written, or claimed by a write still under way). */
  hasSeen(keys: readonly string[], now: string): Promise<boolean>;
  /** Records the keys of an item about to be written; false (nothing recorded) when any is seen. */
  claimItem(keys: readonly string[], claim: { source: string | null; at: string }): Promise<boolean>;
  /** The file written for a claimed item (relative to the content folder). */
  itemWritten(keys: readonly string[], file: string): Promise<void>;
  /** The claimed item could not be written: its keys are free again. */
  releaseItem(keys: readonly string[]): Promise<void>;
}

/**
 * Where the sources runner keeps its state (ADR 0110). Every method is one unit of work, atomic in
 * its engine and returning a Promise, like the SchedulingStore (ADR 0081); tests/contract holds
 * the suite each engine runs. Several processes may poll from one database: a poll is claimed
 * under a lease, so one source is polled by one process at a time, at its pace.
 */
export interface SourcesStore extends SeenItems {
  /**
   * The configured sources: a new one is due at once; one whose fingerprint changed (its entry
   * was edited) is due at once and, if disabled, enabled again with its failures forgotten: that
   * is how an operator retries a disabled source. Rows of sources no longer configured stay
   * (their items stay seen) and are never claimed.
   */
  syncSources(entries: readonly SourceEntry[], now: string): Promise<void>;
  /**
   * Takes the most overdue enabled source among `urls` whose time has come and that no live lease
   * holds, under a lease of `leaseMs` for `worker`; null when none is due.
   */
  claimDueSource(
    urls: readonly string[],
    worker: string,
    now: string,
    leaseMs: number,
  ): Promise<SourceState | null>;
  /** Records a poll's outcome and ends `worker`'s lease on the source (the record is kept either way). */
  finishPoll(url: string, worker: string, record: PollRecord): Promise<void>;
  /** The sources among `urls` (all when absent), with their state, by URL. */
  sourceStates(urls?: readonly string[]): Promise<SourceState[]>;
  /** When the next of these sources falls due (a lease's end included); null when none will. */
  nextDue(urls: readonly string[]): Promise<string | null>;
}

/** One source as /sources and the dashboard show it. */
export interface SourceStatus {
  name: string;
  url: string;
  /** Its sub-folder of the content folder. */
  folder: string;
  intervalMs: number;
  /** new: never read yet; ok; failing: its last poll failed (backing off); disabled. */
  state: "new" | "ok" | "failing" | "disabled";
  lastFetchAt: Date | null;
  lastSuccessAt: Date | null;
  nextPollAt: Date | null;
  itemsImported: number;
  consecutiveFailures: number;
  lastError: string | null;
  disabledAt: Date | null;
}

/** A problem with one entry (or the whole) of the sources file; `line` is 1-based. */
export interface SourcesFileProblem {
  line: number | null;
  message: string;
}

/** Everything /sources shows. */
export interface SourcesOverview {
  /** The sources file as configured (SOURCES_FILE). */
  file: string;
  sources: SourceStatus[];
  /** Entries left out of the last reading of the file, or why the file could not be read. */
  problems: SourcesFileProblem[];
}

/** What commands and the dashboard ask of the sources (src/sources/sources-runner.ts implements it). */
export interface SourcesService {
  overview(): Promise<SourcesOverview>;
}
