/**
 * Bot processes for the several-machines benchmarks: `src/main.ts` as `npm start` runs it (through
 * tsx, so no build step; start-up is not what these benchmarks time), each with its own local
 * index, on one shared store (DATABASE_URL) or alone on SQLite.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");

export interface BotProcess {
  child: ChildProcessWithoutNullStreams;
  log(): string;
  /** Resolves once a log line matches (the bot logs JSON to stderr). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  alive(): boolean;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function startBot(env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      LOG_LEVEL: "info",
      LOAD_THREADS: "1",
      ...env,
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let log = "";
  child.stderr.on("data", (d: Buffer) => {
    log = (log + d.toString()).slice(-200_000);
  });
  child.stdout.on("data", () => undefined);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    child,
    log: () => log,
    alive: () => child.exitCode === null && child.signalCode === null,
    async waitFor(pattern, timeoutMs = 90_000) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(log)) {
        if (child.exitCode !== null || child.signalCode !== null)
          throw new Error(`bot exited before ${pattern}:\n${log.slice(-3000)}`);
        if (Date.now() > deadline)
          throw new Error(`bot did not log ${pattern} in ${timeoutMs} ms:\n${log.slice(-3000)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** A content folder with a few dated articles, for a digest; remove() when done. */
export function benchContent(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-several-bench-"));
  for (const day of [1, 2, 3]) {
    const file = join(dir, `2025-07-0${day}-report-${day}.md`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(
      file,
      `---\ntitle: "Report ${day}"\ndate: 2025-07-0${day}\nlang: en\n---\n\nMarkets moved on day ${day}. Traders watched closely.\n`,
    );
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
