import type { Logger } from "../domain/logger.js";
import type { Catalogue } from "./catalogue.js";
import { locate, realFolder } from "./confine.js";
import type { LibraryLoader } from "./library-scan.js";
import { FolderWatch } from "./watch-folder.js";

/** How long a burst of writes to one file is left to settle before it is read. */
export const SETTLE_MS = 25;

export interface FollowParts {
  contentDir: string;
  followSymlinks: boolean;
  log: Logger;
  loader: LibraryLoader;
  catalogue: Catalogue;
  /** Runs a reload after the scan or reload in progress (the library's queue). */
  serialize(work: () => Promise<unknown>): Promise<unknown>;
}

/**
 * Keeps the library in step with the folder: turns what the watcher hears (./watch-folder.ts)
 * into single-file reloads or full re-scans, once a burst of writes has settled.
 */
export class FolderFollower {
  private readonly watcher: FolderWatch;
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(private readonly parts: FollowParts) {
    this.watcher = new FolderWatch({
      dir: parts.contentDir,
      log: parts.log,
      onPath: (rel) => this.schedule(rel),
    });
  }

  /** Starts watching; `rescan` when a load already ran, to catch what changed since. */
  start(rescan: boolean): void {
    this.watcher.start();
    if (rescan) this.schedule("");
  }

  /** The real paths of the folders watched (all inside the content folder). */
  folders(): string[] {
    return this.watcher.folders();
  }

  /** True while a file event waits for its burst to settle. */
  settling(): boolean {
    return this.pending.size > 0 || this.watcher.settling();
  }

  close(): void {
    this.watcher.close();
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }

  private schedule(rel: string): void {
    clearTimeout(this.pending.get(rel));
    const timer = setTimeout(() => {
      this.pending.delete(rel);
      const work = rel === "" ? () => this.rescan() : () => this.reloadPath(rel);
      void this.parts
        .serialize(work)
        .catch((error: unknown) => this.parts.log.error({ err: error, file: rel }, "reload failed"));
    }, SETTLE_MS);
    this.pending.set(rel, timer);
  }

  /** A full scan after a change, unless the folder is gone (the last articles stay served). */
  private async rescan(): Promise<void> {
    if ((await realFolder(this.parts.contentDir)) === null) return;
    await this.parts.loader.scan();
  }

  private async reloadPath(rel: string): Promise<void> {
    const { loader } = this.parts;
    // Checked against the folder's real path now: it may have been replaced since the last look.
    const root = await realFolder(this.parts.contentDir);
    if (root === null) return;
    const found = await locate(root, rel, this.parts.followSymlinks);
    if (found.kind === "folder") {
      this.watcher.add(rel);
      await loader.scan();
      return;
    }
    // A folder that went away (or became a link) takes its articles with it.
    if (this.watcher.has(rel)) {
      this.watcher.remove(rel);
      // The scan also reports a link that took the folder's place.
      await loader.scan();
      return;
    }
    if (found.kind === "refused") {
      loader.skip(rel, found.reason);
      return;
    }
    if (found.kind === "missing") {
      if (loader.drop(rel)) await this.promoteShadowed();
      return;
    }
    const { info, readPath } = found;
    if (!info.isFile()) {
      // A FIFO or a device (or a link to one) would block or never end a read: never opened.
      loader.skip(rel, "it is not a regular file");
      return;
    }
    if (!loader.skipped.has(rel)) {
      const known = this.parts.catalogue.loaded(rel);
      // fs.watch also reports reads and metadata changes: skip files whose stamp did not move.
      if (known && known.mtimeMs === Math.trunc(info.mtimeMs) && known.size === info.size) return;
    }
    await loader.reloadFile(rel, readPath, info);
  }

  /** A file skipped as a duplicate gets its turn when the file holding its id goes away. */
  private async promoteShadowed(): Promise<void> {
    const duplicates = [...this.parts.loader.skipped].filter(([, reason]) =>
      reason.startsWith("duplicate id"),
    );
    for (const [file] of duplicates) await this.reloadPath(file);
  }
}
