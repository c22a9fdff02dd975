import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { join } from "node:path";
import { waitFor as pollFor } from "./wait-for.js";

export const REPO = join(import.meta.dirname, "../..");

/**
 * Starts `src/main.ts` (what `npm start` runs) as a real process with the given environment,
 * collecting its output so tests can wait for lines.
 */
export function spawnBot(env: Record<string, string>, entry = "src/main.ts", args: string[] = []) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ["--import", "tsx", entry, ...args], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "info", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  /** Resolves with the stream's text once `pattern` shows in it; fails at once if the bot exits first. */
  const waitFor = async (pattern: RegExp, where: "stdout" | "stderr" = "stdout", timeoutMs = 20_000) => {
    const text = () => (where === "stdout" ? stdout : stderr);
    const seen = pollFor(() => pattern.test(text()) && text(), { what: `${pattern} on ${where}`, timeoutMs });
    const died = exited.then(({ code, signal }) => {
      if (pattern.test(text())) return text();
      throw new Error(`bot exited (${code ?? signal}) before ${pattern}:\n${stderr}`);
    });
    // The race below reports whichever comes first; the loser must not surface as unhandled.
    seen.catch(() => undefined);
    died.catch(() => undefined);
    try {
      return await Promise.race([seen, died]);
    } catch (error) {
      throw new Error(`${(error as Error).message}\nstdout:\n${stdout}\nstderr:\n${stderr}`);
    }
  };
  return {
    child,
    exited,
    waitFor,
    stdout: () => stdout,
    stderr: () => stderr,
    send: (line: string) => child.stdin.write(`${line}\n`),
  };
}
