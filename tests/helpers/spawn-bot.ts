import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { join } from "node:path";

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
  const waitFor = async (pattern: RegExp, where: "stdout" | "stderr" = "stdout", timeoutMs = 20_000) => {
    const started = Date.now();
    for (;;) {
      const text = where === "stdout" ? stdout : stderr;
      if (pattern.test(text)) return text;
      if (child.exitCode !== null)
        throw new Error(`bot exited (${child.exitCode}) before ${pattern}:\n${stderr}`);
      if (Date.now() - started > timeoutMs)
        throw new Error(`timed out waiting for ${pattern}\nstdout:\n${stdout}\nstderr:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 25));
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
