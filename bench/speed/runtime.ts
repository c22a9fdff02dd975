/**
 * How bench entries run. "dist" (the default): plain Node over the compiled JavaScript, as
 * `npm start` runs the bot (ADR 0088); the bot and the entries in bench/speed are compiled into
 * bench/out/dist by src/build.mjs (incremental, as before every `npm start`). "tsx": the
 * TypeScript sources through tsx, as `npm start` did before, for before/after comparisons.
 */
import { join } from "node:path";

export type Runtime = "dist" | "tsx";

const BENCH = join(import.meta.dirname, "..");
const ROOT = join(BENCH, "..");
const OUTDIR = join(BENCH, "out/dist");

export function runtimeOf(value: string | undefined): Runtime {
  if (value === undefined || value === "dist") return "dist";
  if (value === "tsx") return "tsx";
  throw new Error(`--runtime is dist or tsx, not ${value}`);
}

/** Builds what the runtime needs, then gives the node arguments that run a bench entry (a path under bench/). */
export async function entryRunner(runtime: Runtime): Promise<(entry: string) => string[]> {
  if (runtime === "tsx") return (entry) => ["--import", "tsx", join(BENCH, entry)];
  const { build } = (await import(join(ROOT, "src/build.mjs"))) as {
    build: (o: { outdir: string; roots: string[] }) => Promise<unknown>;
  };
  await build({ outdir: OUTDIR, roots: ["src", "commands", "bench/speed"] });
  return (entry) => [join(OUTDIR, "bench", entry.replace(/\.ts$/, ".js"))];
}
