import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { ROOT } from "./seed.js";

/**
 * The shared evaluation data (../shared/eval beside the repository: real feeds, Mozilla
 * Readability's pages, OrangeSum), read in place and never copied in. NEWSDESK_EVAL_DIR points
 * elsewhere; a clone made somewhere else on this machine still finds /work/shared/eval.
 */
function findEvalDir(): string | null {
  const candidates = [
    process.env.NEWSDESK_EVAL_DIR,
    join(ROOT, "..", "shared", "eval"),
    "/work/shared/eval",
  ].filter((dir): dir is string => Boolean(dir));
  for (const dir of candidates) if (existsSync(join(dir, "feeds"))) return resolve(dir);
  return null;
}

export const EVAL_DIR_OR_NULL = findEvalDir();
/** Suites over the evaluation data run wherever it is; where it is not, they say so and are skipped. */
export const NO_EVAL_DATA = EVAL_DIR_OR_NULL === null;
if (NO_EVAL_DATA) {
  process.stderr.write("eval data not found (../shared/eval or NEWSDESK_EVAL_DIR): its suites are skipped\n");
}
export const EVAL_DIR = EVAL_DIR_OR_NULL ?? join(ROOT, "..", "shared", "eval");
