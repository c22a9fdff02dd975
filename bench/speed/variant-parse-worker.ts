/**
 * BENCH VARIANT: the parsing half of a cold load on a worker thread (read, parse, hash), so that
 * on two cores it overlaps with the SQLite writes on the main thread. Used by variant-library.ts
 * when LIBRARY_VARIANT includes "worker".
 */
import { parentPort } from "node:worker_threads";
import { articleHash } from "../../src/content/article.js";
import { readArticleFile } from "../../src/content/read-article-file.js";

export interface ParseRequest {
  id: number;
  files: { abs: string; rel: string }[];
}

parentPort?.on("message", async (request: ParseRequest) => {
  const out = await Promise.all(
    request.files.map(async (f) => {
      const outcome = await readArticleFile(f.abs, f.rel);
      return { outcome, hash: outcome.ok ? articleHash(outcome.article) : null };
    }),
  );
  parentPort?.postMessage({ id: request.id, out });
});
