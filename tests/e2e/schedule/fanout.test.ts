import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The real scheduler in a child process, SIGKILLed in the middle of a 50-target fan-out and
 * started again on the same database file. See ADR 0032 for what is exactly-once and where.
 */

const here = dirname(fileURLToPath(import.meta.url));
const bot = join(here, "fanout-bot.ts");
const dir = mkdtempSync(join(tmpdir(), "newsdesk-fanout-"));
const children: ChildProcess[] = [];
/** The bot sends with two workers: at most two posts are in flight when it is killed. */
const IN_FLIGHT = 2;

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

interface Line {
  channelId: string;
  key: string | null;
  pid: number;
  duplicate: boolean;
}

function start(env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", bot], { env, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let err = "";
  child.stderr?.on("data", (d) => {
    err += String(d);
  });
  child.on("exit", (code) => {
    if (code !== 0 && code !== null) process.stderr.write(`fanout-bot exited ${code}: ${err}\n`);
  });
  return child;
}

function read(sink: string): Line[] {
  if (!existsSync(sink)) return [];
  return readFileSync(sink, "utf8")
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as Line);
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Runs the bot, kills it after 10 posts, runs it again to the end; returns the sink's lines. */
async function killAndRestart(mode: "idempotent" | "plain"): Promise<Line[]> {
  const env = {
    ...process.env,
    DB: join(dir, `${mode}.db`),
    SINK: join(dir, `${mode}.jsonl`),
    DELAY_MS: "40",
    MODE: mode,
  };
  const first = start(env);
  await until(() => read(env.SINK).length >= 10, 20_000);
  first.kill("SIGKILL");
  await new Promise((r) => first.once("exit", r));
  const before = read(env.SINK).length;
  expect(before).toBeGreaterThanOrEqual(10);
  expect(before).toBeLessThan(50);
  const second = start(env);
  const code = await new Promise<number | null>((r) => second.once("exit", r));
  expect(code).toBe(0);
  return read(env.SINK);
}

function copiesPerTarget(lines: Line[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const l of lines) out.set(l.channelId, (out.get(l.channelId) ?? 0) + 1);
  return out;
}

describe("a 50-target fan-out killed mid-way", () => {
  it("GIVEN SIGKILL after some posts THEN the restarted bot finishes and each target has exactly one copy", async () => {
    const all = await killAndRestart("idempotent");
    const posted = all.filter((l) => !l.duplicate);
    const copies = copiesPerTarget(posted);
    expect(copies.size).toBe(50);
    expect([...copies.values()].every((n) => n === 1)).toBe(true);
    expect(posted).toHaveLength(50);
    expect(new Set(posted.map((l) => l.pid)).size).toBe(2); // both processes did part of it
    // Only a send in flight at the kill may have been tried again; nothing marked done was.
    expect(all.length - posted.length).toBeLessThanOrEqual(IN_FLIGHT);
  });

  it("GIVEN a publisher without idempotency (Telegram) THEN nothing is lost and only in-flight sends may repeat", async () => {
    const all = await killAndRestart("plain");
    const copies = copiesPerTarget(all);
    expect(copies.size).toBe(50);
    expect(all.length - 50).toBeLessThanOrEqual(IN_FLIGHT);
  });
});
