/** Small statistics and process helpers shared by the benchmark entries. */
import { spawn } from "node:child_process";

export interface Summary {
  n: number;
  median: number;
  p99: number;
  min: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of already sorted values (p99 of 20 runs is the largest). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1] as number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  return {
    n,
    median:
      n === 0
        ? Number.NaN
        : n % 2
          ? (sorted[(n - 1) / 2] as number)
          : ((sorted[n / 2 - 1] as number) + (sorted[n / 2] as number)) / 2,
    p99: percentile(sorted, 99),
    min: sorted[0] ?? Number.NaN,
    max: sorted[n - 1] ?? Number.NaN,
    mean: n === 0 ? Number.NaN : sorted.reduce((a, b) => a + b, 0) / n,
  };
}

/** Rounds for JSON: three significant decimals below 10, one above. */
export function round(x: number): number {
  if (!Number.isFinite(x)) return x;
  return Math.abs(x) < 10 ? Math.round(x * 1000) / 1000 : Math.round(x * 10) / 10;
}

export function roundSummary(s: Summary): Summary {
  return {
    n: s.n,
    median: round(s.median),
    p99: round(s.p99),
    min: round(s.min),
    max: round(s.max),
    mean: round(s.mean),
  };
}

/** Peak resident set size of this process so far, in MB (maxRSS is in kilobytes). */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** What a child entry prints on stdout for the runner to pick up. */
export const RESULT_PREFIX = "@@RESULT ";

export function emitResult(result: unknown): void {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

export function argValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/**
 * Runs `node ...args` and resolves with the result line it printed (see emitResult) and its
 * stderr; rejects, with the end of stderr, when it fails or prints none.
 */
export function runResultChild<T>(args: string[], cwd: string): Promise<{ result: T; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const line = stdout.split("\n").find((l) => l.startsWith(RESULT_PREFIX));
      if (code !== 0 || !line) {
        reject(new Error(`${args.join(" ")} exited ${code}\n${stderr.slice(-3000)}`));
        return;
      }
      resolve({ result: JSON.parse(line.slice(RESULT_PREFIX.length)) as T, stderr });
    });
  });
}
