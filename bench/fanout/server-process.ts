/** Starts a fan-out server (the platform's stand-in behind our limits) in its own process. */
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));

export interface ServerProcess {
  root: string;
  stats<T>(): Promise<T>;
  stop(): Promise<void>;
}

export function startServer(entry: string, args: string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", join(HERE, entry), ...args], {
    cwd: join(HERE, "../.."),
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`${entry} exited ${code} before it was ready`)));
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const port = /PORT (\d+)/.exec(out)?.[1];
      if (!port) return;
      child.removeAllListeners("exit");
      const root = `http://127.0.0.1:${port}`;
      resolve({
        root,
        stats: async <T>() => (await (await fetch(`${root}/__stats`)).json()) as T,
        stop: () =>
          new Promise<void>((done) => {
            child.once("exit", () => done());
            child.kill("SIGTERM");
          }),
      });
    });
  });
}
