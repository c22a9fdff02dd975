import { type Dirent, existsSync, type FSWatcher, readdirSync, realpathSync, statSync, watch } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { Logger } from "../domain/logger.js";
import { isHiddenPath } from "./list-files.js";

/**
 * A replaced content folder is re-scanned once it has been quiet this long (a deploy copying
 * files into it): a scan in the middle of the copy would drop, then re-add, what is not copied
 * yet, and a drop cancels the posts scheduled for it.
 */
const REPLACED_QUIET_MS = 300;
/** ...but never later than this after the replacement, however busy the folder stays. */
const REPLACED_MAX_WAIT_MS = 5_000;

export interface FolderWatchOptions {
  /** The content folder as configured (it may be a link: a release switch is a replacement too). */
  dir: string;
  log: Logger;
  /**
   * Something changed at `rel` (relative, forward slashes); "" asks for a full re-scan (the system
   * did not say what, or the folder was replaced).
   */
  onPath(rel: string): void;
}

/**
 * Follows the content folder for changes, never outside it. One non-recursive watch per folder:
 * Node 20's recursive watch on Linux adds one inotify watch per file, which takes seconds on a
 * large archive and exhausts fs.inotify.max_user_watches (often 8,192: ENOSPC); a folder's watch
 * already reports changes to the files in it. A folder reached through a symbolic link is never
 * watched (its real path is elsewhere). The folder holding the content folder is watched too, so
 * that the content folder being moved, deleted or re-created (a deploy script, a git checkout) is
 * noticed: an inotify watch follows the old folder, not the name.
 */
export class FolderWatch {
  private readonly watchers = new Map<string, FSWatcher>();
  private parent: FSWatcher | null = null;
  /** Which folder is at `dir` when last looked at (null: absent). */
  private identity: string | null = null;
  private root: string | null = null;
  private closed = false;
  /** The re-scan of a replaced folder, waiting for the folder to be quiet. */
  private replaced: { timer: NodeJS.Timeout; deadline: number } | null = null;

  constructor(private readonly options: FolderWatchOptions) {}

  start(): void {
    this.identity = identityOf(this.options.dir);
    this.root = realOrNull(this.options.dir);
    this.watchParent();
    this.add("");
  }

  /** Watches the folder `rel` and every folder below it; a path through a link is left alone. */
  add(rel: string): void {
    if (this.closed || this.root === null || this.watchers.has(rel)) return;
    const full = rel === "" ? this.root : join(this.root, rel);
    // The real path differs when any part of the path is a link (or the folder is gone).
    if (realOrNull(full) !== full) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(full, (_event, name) => this.heard(rel, name === null ? null : name.toString()));
    } catch (error) {
      this.options.log.error({ err: error, dir: full }, "cannot watch a content folder; restart to reload");
      return;
    }
    // A folder that goes away ends its watch (and those below it); the root's may mean a replacement.
    watcher.on("error", () => {
      this.remove(rel);
      if (rel === "") this.checkRoot();
    });
    this.watchers.set(rel, watcher);
    let entries: Dirent[] = [];
    try {
      entries = readdirSync(full, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      // A Dirent of a link is never a directory: links to folders are not entered.
      if (entry.isDirectory() && !entry.name.startsWith("."))
        this.add(rel === "" ? entry.name : `${rel}/${entry.name}`);
    }
  }

  remove(rel: string): void {
    for (const [key, watcher] of this.watchers) {
      if (rel === "" || key === rel || key.startsWith(`${rel}/`)) {
        watcher.close();
        this.watchers.delete(key);
      }
    }
  }

  has(rel: string): boolean {
    return this.watchers.has(rel);
  }

  /** The real paths being watched, the content folder's parent aside (diagnostics, tests). */
  folders(): string[] {
    const root = this.root;
    if (root === null) return [];
    return [...this.watchers.keys()].map((rel) => (rel === "" ? root : join(root, rel)));
  }

  /** True while a replaced folder's re-scan waits for quiet. */
  settling(): boolean {
    return this.replaced !== null;
  }

  close(): void {
    this.closed = true;
    if (this.replaced) clearTimeout(this.replaced.timer);
    this.replaced = null;
    this.remove("");
    this.parent?.close();
    this.parent = null;
  }

  private heard(folder: string, name: string | null): void {
    // Files still arriving in a replaced folder put its re-scan off, up to its deadline.
    if (this.replaced && performance.now() < this.replaced.deadline) {
      clearTimeout(this.replaced.timer);
      this.replaced.timer = this.rescanWhenQuiet();
    }
    if (name === null) {
      this.options.onPath("");
      return;
    }
    // The root's own move or deletion is reported under its own name (not a child by that name):
    // its watch is dead or follows the old folder, whatever the folder now at `dir` looks like.
    const root = this.root;
    if (folder === "" && root !== null && name === basename(root) && !existsSync(join(root, name))) {
      this.checkRoot(true);
    }
    const child = folder === "" ? name : `${folder}/${name}`;
    if (!isHiddenPath(child)) this.options.onPath(child);
  }

  private watchParent(): void {
    const dir = resolve(this.options.dir);
    const parent = dirname(dir);
    if (parent === dir) return;
    const name = basename(dir);
    try {
      this.parent = watch(parent, (_event, changed) => {
        if (changed === null || changed.toString() === name) this.checkRoot();
      });
      this.parent.on("error", () => {
        this.parent?.close();
        this.parent = null;
      });
    } catch (error) {
      this.options.log.warn(
        { err: error, dir: parent },
        "cannot watch the folder that holds the content folder: if the content folder is replaced, restart to follow it",
      );
    }
  }

  /**
   * Compares the folder now at `dir` with the one watched; a different one is followed. Gone, its
   * articles stay served until it comes back (a deploy's `mv` then `mkdir`); back, it is
   * re-scanned once its copy has settled.
   */
  private checkRoot(force = false): void {
    if (this.closed) return;
    const now = identityOf(this.options.dir);
    if (now === this.identity && !force) return;
    this.identity = now;
    // The watches still follow the old folder wherever it went: they are not ours any more.
    this.remove("");
    this.root = now === null ? null : realOrNull(this.options.dir);
    this.add("");
    const { dir, log } = this.options;
    if (this.root === null) {
      log.warn({ dir }, "the content folder is gone; serving the articles loaded so far until it comes back");
      return;
    }
    log.warn({ dir, root: this.root }, "the content folder was replaced; following the new one");
    if (this.replaced) clearTimeout(this.replaced.timer);
    this.replaced = { timer: this.rescanWhenQuiet(), deadline: performance.now() + REPLACED_MAX_WAIT_MS };
  }

  private rescanWhenQuiet(): NodeJS.Timeout {
    return setTimeout(() => {
      this.replaced = null;
      this.options.onPath("");
    }, REPLACED_QUIET_MS);
  }
}

/**
 * Device, inode and birth time: a folder deleted and re-created at once often gets the same inode
 * number back (ext4 reuses it), but not the same birth time (statx, where the system has it).
 */
function identityOf(dir: string): string | null {
  try {
    const info = statSync(dir);
    return info.isDirectory() ? `${info.dev}:${info.ino}:${info.birthtimeMs}` : null;
  } catch {
    return null;
  }
}

function realOrNull(path: string): string | null {
  try {
    return realpathSync.native(path);
  } catch {
    return null;
  }
}
