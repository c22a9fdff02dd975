import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REAL_CONTENT } from "../../helpers/seed.js";
import { REPO } from "../../helpers/spawn-bot.js";
import { waitFor } from "../../helpers/wait-for.js";

const work = mkdtempSync(join(tmpdir(), "newsdesk-npm-stop-"));
const started: ChildProcess[] = [];
afterAll(() => {
  // Whatever a failed run left behind goes with its group, never anything else.
  for (const child of started) {
    if (child.pid === undefined) continue;
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // The group is already empty.
    }
  }
  rmSync(work, { recursive: true, force: true });
});

/** The processes in process group `pgid`, read from /proc (field 5 of /proc/PID/stat). */
function groupMembers(pgid: number): { pid: number; command: string }[] {
  const members: { pid: number; command: string }[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // The command name (field 2) may hold spaces and parentheses: fields resume after the last ")".
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      const command = readFileSync(`/proc/${name}/cmdline`, "utf8").split("\0").join(" ").trim();
      members.push({ pid: Number(name), command });
    } catch {
      // Gone between the listing and the read.
    }
  }
  return members;
}

describe("npm start under a supervisor (docker stop, systemd: SIGTERM to npm's pid alone)", () => {
  it.skipIf(process.platform !== "linux")(
    "GIVEN `npm start` in its own process group WHEN only npm gets SIGTERM THEN the bot shuts down cleanly and nothing of the group is left",
    async () => {
      // Detached: npm leads a new process group, as under a supervisor, so that what it starts
      // can be found by group and nothing reaches it from the test runner's own group.
      const npm = spawn("npm", ["start"], {
        cwd: REPO,
        detached: true,
        env: {
          PATH: process.env.PATH ?? "",
          HOME: process.env.HOME ?? "",
          CONTENT_DIR: REAL_CONTENT,
          DATABASE_PATH: join(work, "bot.db"),
          LOG_LEVEL: "info",
        },
        stdio: ["pipe", "pipe", "pipe"],
      });
      started.push(npm);
      const pgid = npm.pid as number;
      let stdout = "";
      let stderr = "";
      npm.stdout?.on("data", (d: Buffer) => {
        stdout += d.toString();
      });
      npm.stderr?.on("data", (d: Buffer) => {
        stderr += d.toString();
      });
      const exited = new Promise<number | null>((resolve) => npm.on("exit", (code) => resolve(code)));

      await waitFor(() => /articles loaded/.test(stdout), {
        what: `the bot's ready line\nstdout:\n${stdout}\nstderr:\n${stderr}`,
        timeoutMs: 60_000,
      });
      // The bot is a process of npm's group other than npm itself (not the same process).
      const bot = groupMembers(pgid).filter((p) => p.pid !== pgid && /node/.test(p.command));
      expect(bot.length).toBeGreaterThan(0);

      process.kill(pgid, "SIGTERM");

      await waitFor(() => groupMembers(pgid).length === 0, {
        what: `the group to empty; left: ${JSON.stringify(groupMembers(pgid))}`,
        timeoutMs: 40_000,
      });
      await exited;
      // The bot heard the signal and ran its whole shutdown (sends in flight drained, ADR 0065).
      expect(stderr).toMatch(/shutting down/);
      expect(stderr).toMatch(/SIGTERM/);
      expect(stderr).not.toMatch(/took too long|error during shutdown/);
    },
    120_000,
  );
});
