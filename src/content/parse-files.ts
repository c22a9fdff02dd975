import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { articleHash } from "../domain/article.js";
import type { ParseOutcome } from "./article.js";
import { readArticleFile } from "./read-article-file.js";

export interface FileToParse {
  /** The path to read: inside the content folder, without a link in it (checked by the library). */
  abs: string;
  rel: string;
  /** From the scan's stat: the file is not stat-ed again. */
  size: number;
}

export interface ParsedFile {
  outcome: ParseOutcome;
  /** articleHash of the parsed article (null when skipped), computed where it was parsed. */
  hash: string | null;
}

/** Files read at once: enough to keep the disk busy, few enough for any open-files limit. */
const CONCURRENT_READS = 64;

/** `work` over every item, CONCURRENT_READS at a time; results in the items' order. */
export async function inChunks<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let start = 0; start < items.length; start += CONCURRENT_READS) {
    out.push(...(await Promise.all(items.slice(start, start + CONCURRENT_READS).map(work))));
  }
  return out;
}

/** Reads, parses and hashes files on this thread, CONCURRENT_READS at a time, in order. */
export function parseFiles(files: readonly FileToParse[]): Promise<ParsedFile[]> {
  return inChunks(files, async (f) => {
    // Library reads only: the path was checked (src/content/confine.ts), and stays a non-link.
    const outcome = await readArticleFile(f.abs, f.rel, f.size, { refuseLinks: true });
    return { outcome, hash: outcome.ok ? articleHash(outcome.article) : null };
  });
}

/**
 * Parsing on a second thread, for large scans: while the main thread writes one batch to SQLite
 * (FTS5 tokenising, a single writer), the worker reads and parses the next, so a cold load uses
 * both cores. Null on a single core, or when the thread cannot start (the scan then parses inline).
 */
export class ParseWorker {
  private readonly waiting = new Map<
    number,
    { resolve: (out: ParsedFile[]) => void; reject: (e: Error) => void }
  >();
  private ids = 0;
  private failed: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on("message", (m: { id: number; out: ParsedFile[] }) => {
      this.waiting.get(m.id)?.resolve(m.out);
      this.waiting.delete(m.id);
    });
    worker.on("error", (error) => this.fail(error));
    worker.on("exit", (code) => this.fail(new Error(`the parse worker exited (${code})`)));
  }

  /** Every call waiting, and every later one, rejects: nothing is left pending forever. */
  private fail(error: Error): void {
    this.failed ??= error;
    for (const w of this.waiting.values()) w.reject(error);
    this.waiting.clear();
  }

  static start(): ParseWorker | null {
    if (availableParallelism() < 2) return null;
    try {
      return new ParseWorker(spawnWorker());
    } catch {
      return null;
    }
  }

  /** Rejects if the thread died; the caller then parses the same files inline. */
  parse(files: readonly FileToParse[]): Promise<ParsedFile[]> {
    if (this.failed) return Promise.reject(this.failed);
    const id = ++this.ids;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, files });
    });
  }

  async close(): Promise<void> {
    this.fail(new Error("the parse worker was closed"));
    await this.worker.terminate();
  }
}

/**
 * Compiled JavaScript (`npm start`, ADR 0088) loads directly; under tsx (tests, benches on the
 * sources) the entry is TypeScript and the thread must register tsx before loading it.
 */
function spawnWorker(): Worker {
  const typescript = import.meta.url.endsWith(".ts");
  const entry = new URL(`./parse-worker.${typescript ? "ts" : "js"}`, import.meta.url);
  if (!typescript) return new Worker(entry);
  // Resolved here: an eval'd worker resolves bare names from the working directory, not from here.
  const tsx = import.meta.resolve("tsx/esm/api");
  const source = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(source, { eval: true });
}
