/**
 * The worker side of ThreadRunner (insight-runner.ts): says "ready" once loaded, then answers each
 * job with its value or its error. Separate from the entry so a test can serve a slow function.
 */
import { parentPort } from "node:worker_threads";
import type { InsightJob } from "./insight-jobs.js";

/** Messages from the thread to the main thread. */
export type ThreadMessage =
  | { type: "ready" }
  | { type: "done"; id: number; value: unknown }
  | { type: "failed"; id: number; error: string };

/** Answers the main thread's jobs with `compute`, one at a time. */
export function serve(compute: (job: InsightJob) => unknown): void {
  const port = parentPort;
  if (port === null) throw new Error("serve() runs in a worker thread");
  port.on("message", (m: { id: number; job: InsightJob }) => {
    let reply: ThreadMessage;
    try {
      reply = { type: "done", id: m.id, value: compute(m.job) };
    } catch (error) {
      reply = { type: "failed", id: m.id, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ type: "ready" } satisfies ThreadMessage);
}
