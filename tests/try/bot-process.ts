import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT } from "../helpers/seed.js";

const ENTRY = join(ROOT, "tests/try/bot-entry.ts");
const LEVELS: Record<number, string> = {
  10: "trace",
  20: "debug",
  30: "info",
  40: "warn",
  50: "error",
  60: "fatal",
};
/** How long the bot may take to stop after SIGTERM: its own bound (25 s) and some room. */
const STOP_GRACE_MS = 30_000;

export interface BotProcess {
  readonly pid: number;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** What the bot wrote on stderr, for a start that fails. */
  stderr(): string;
  /** SIGTERM, then SIGKILL if it has not stopped within the grace; resolves once it is gone. */
  stop(): Promise<void>;
}

/**
 * Starts the real bot (src/main.ts, through bot-entry.ts) with exactly `env`: no variable of the
 * caller's shell and no .env file reach it (it runs in `cwd`, a throwaway folder), so a token in
 * the operator's .env can never make the try tool talk to the real Discord or Telegram.
 * Its warnings and errors (pino JSON on stderr) go to `onLog` as one readable line each.
 */
export function startBotProcess(
  env: Record<string, string>,
  cwd: string,
  onLog: (line: string) => void,
): BotProcess {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  const child: ChildProcess = spawn(process.execPath, ["--import", tsx, ENTRY], {
    cwd,
    env: { PATH: process.env.PATH ?? "", TSX_TSCONFIG_PATH: join(ROOT, "tsconfig.json"), ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  let pending = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
    pending += chunk.toString("utf8");
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      const shown = readableLogLine(line);
      if (shown) onLog(shown);
    }
  });
  child.stdout?.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) onLog(`bot: ${line}`);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  return {
    pid: child.pid ?? -1,
    exited,
    stderr: () => stderr,
    async stop() {
      if (gone) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A pino line as "bot warn: message (error) key=value…" (LOG_LEVEL, warn by default, chose which come). */
export function readableLogLine(line: string): string | undefined {
  if (line.trim() === "") return undefined;
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return `bot: ${line}`; // not a log line: a start-up failure, printed as it is
  }
  const level = LEVELS[Number(entry.level)];
  if (!level) return undefined;
  const { level: _l, time: _t, msg, err, pid: _p, hostname: _h, ...rest } = entry;
  const extras = Object.entries(rest).map(
    ([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`,
  );
  const error = err && typeof err === "object" && "message" in err ? ` (${String(err.message)})` : "";
  return `bot ${level}: ${String(msg ?? "")}${error}${extras.length > 0 ? ` ${extras.join(" ")}` : ""}`;
}
