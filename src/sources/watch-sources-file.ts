/**
 * Follows the sources file: read at start, read again whenever it changes (ADR 0111). The folder
 * holding it is watched, not the file, since editors save by writing a new file and renaming it
 * over the old one (a watch on the old file would go deaf). A file that cannot be read, or is not
 * YAML, keeps the last good set, and the log says why; a bad entry is logged with its line and
 * left out, the others apply.
 */
import { type FSWatcher, watch } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { basename, dirname } from "node:path";
import type { Logger } from "../domain/logger.js";
import type { SourcesFileProblem } from "../domain/sources.js";
import { MAX_SOURCES_FILE_BYTES, readSourcesFile, type SourceConfig } from "./sources-file.js";

/** A burst of writes (an editor's save, a copy) is read once it has been quiet this long. */
const SETTLE_MS = 150;

export interface SourcesFileWatchOptions {
  path: string;
  log: Logger;
  /** The set to apply, with the problems of this reading (empty when it was clean). */
  onSources(sources: readonly SourceConfig[], problems: readonly SourcesFileProblem[]): void;
}

export interface SourcesFileWatch {
  /** Resolves once the next reading (after a change, or the first) has been applied. */
  settled(): Promise<void>;
  close(): void;
}

/** Reads the file now, then on every change, until closed. */
export function watchSourcesFile(options: SourcesFileWatchOptions): SourcesFileWatch {
  const { path, log } = options;
  let lastText: string | null = null;
  let hadGood = false;
  let timer: NodeJS.Timeout | null = null;
  let reading: Promise<void> = Promise.resolve();
  let closed = false;

  const reread = () => {
    reading = reading.then(read).catch((error: unknown) => {
      log.error({ err: error, file: path }, "sources file could not be read");
    });
  };

  async function read(): Promise<void> {
    if (closed) return;
    let text: string;
    try {
      const info = await stat(path);
      if (!info.isFile()) throw Object.assign(new Error("not a regular file"), { code: "EISDIR" });
      if (info.size > MAX_SOURCES_FILE_BYTES) throw new Error(`larger than ${MAX_SOURCES_FILE_BYTES} bytes`);
      text = await readFile(path, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" && !hadGood && lastText === null) {
        lastText = "";
        log.info({ file: path }, "no sources file: no feeds are polled (create it to add some)");
        options.onSources([], [{ line: null, message: `${path} does not exist` }]);
        return;
      }
      const reason = code === "ENOENT" ? "it is gone" : (error as Error).message;
      log.warn({ file: path, reason }, "sources file cannot be read: keeping the sources as they were");
      lastText = null;
      return;
    }
    if (text === lastText) return;
    lastText = text;
    const result = readSourcesFile(text);
    for (const problem of result.problems) {
      log.warn(
        { file: path, line: problem.line },
        `sources file, line ${problem.line ?? "?"}: ${problem.message}`,
      );
    }
    if (!result.ok) {
      log.warn(
        { file: path, problems: result.problems.length },
        hadGood
          ? "sources file is broken: keeping the last good set of sources"
          : "sources file is broken: no sources until it is fixed",
      );
      if (!hadGood) options.onSources([], result.problems);
      return;
    }
    hadGood = true;
    log.info(
      { file: path, sources: result.sources.length, skipped: result.problems.length },
      `sources file read: ${result.sources.length} source(s)`,
    );
    options.onSources(result.sources, result.problems);
  }

  let watcher: FSWatcher | null = null;
  try {
    const name = basename(path);
    watcher = watch(dirname(path), (_event, file) => {
      // Some systems do not say which file changed: read it again anyway (unchanged text is a no-op).
      if (file !== null && file !== name) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        reread();
      }, SETTLE_MS);
    });
    watcher.on("error", (error) => log.warn({ err: error, file: path }, "sources file is no longer watched"));
  } catch (error) {
    log.warn({ err: error, file: path }, "sources file cannot be watched: changes apply at the next start");
  }
  reread();

  return {
    async settled() {
      while (timer !== null) await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      await reading;
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      watcher?.close();
    },
  };
}
