import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../../src/store/sqlite/database.js";
import { spawnBot } from "../../helpers/spawn-bot.js";
import { waitFor } from "../../helpers/wait-for.js";

/**
 * The real scheduler in child processes (tests/e2e/schedule/fanout-bot.ts) on one database file,
 * posting a 50-target fan-out to a "platform" that is a file: killed at a chosen point, or at a
 * random one, then started again; or two of them racing for the claims. The copies are counted
 * against what the database and the platform held at the kill, never with a tolerance: see ADRs
 * 32 and 66 for what is exactly-once and where.
 */

const dir = mkdtempSync(join(tmpdir(), "newsdesk-fanout-"));
const bots: ReturnType<typeof spawnBot>[] = [];
afterAll(() => {
  for (const bot of bots) if (bot.child.exitCode === null) bot.child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

type Mode = "plain" | "idempotent";
const TELEGRAM: Mode = "plain";
const DISCORD: Mode = "idempotent";

interface Line {
  channelId: string;
  key: string | null;
  pid: number;
  duplicate: boolean;
}

let runs = 0;
function files(mode: Mode) {
  runs += 1;
  return { DB: join(dir, `${mode}-${runs}.db`), SINK: join(dir, `${mode}-${runs}.jsonl`), MODE: mode };
}

function startBot(env: Record<string, string>) {
  const bot = spawnBot({ DELAY_MS: "40", ...env }, "tests/e2e/schedule/fanout-bot.ts");
  bots.push(bot);
  return bot;
}

async function runToTheEnd(env: Record<string, string>): Promise<void> {
  const bot = startBot(env);
  const { code } = await bot.exited;
  expect(code, bot.stderr()).toBe(0);
}

function read(sink: string): Line[] {
  if (!existsSync(sink)) return [];
  return readFileSync(sink, "utf8")
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as Line);
}

/**
 * What the kill left, from both sides: deliveries the platform accepted but the database does
 * not have as done (the duplicate window), and deliveries claimed but never sent.
 */
function atTheKill(env: { DB: string; SINK: string }) {
  const db = openDatabase(env.DB);
  const rows = db.prepare("SELECT target, state FROM deliveries").all() as {
    target: string;
    state: string;
  }[];
  db.close();
  const accepted = new Set(read(env.SINK).map((l) => `telegram:${l.channelId}`));
  const done = new Set(rows.filter((r) => r.state === "done").map((r) => r.target));
  const sending = rows.filter((r) => r.state === "sending").map((r) => r.target);
  return {
    deliveries: rows.length,
    acceptedNotDone: [...accepted].filter((t) => !done.has(t)).sort(),
    claimedNotSent: sending.filter((t) => !accepted.has(t)).sort(),
  };
}

function copiesPerTarget(lines: Line[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const l of lines) out.set(`telegram:${l.channelId}`, (out.get(`telegram:${l.channelId}`) ?? 0) + 1);
  return out;
}

/** Every target once, except those listed: twice. */
function expectCopies(lines: Line[], twice: string[]): void {
  const copies = copiesPerTarget(lines);
  expect(copies.size).toBe(50);
  const expected = [...copies.keys()].sort().map((t) => [t, twice.includes(t) ? 2 : 1]);
  expect([...copies].sort()).toEqual(expected);
}

/** Runs the bot until the injected fault kills it, then again to the end. */
async function faultThenRestart(mode: Mode, killWhen: "before-send" | "after-accept") {
  const env = { ...files(mode), KILL_AT: "10", KILL_WHEN: killWhen };
  const first = startBot(env);
  expect((await first.exited).signal).toBe("SIGKILL");
  const kill = atTheKill(env);
  expect(kill.deliveries).toBe(50);
  const killed = `telegram:${readFileSync(`${env.SINK}.killed`, "utf8")}`;
  await runToTheEnd({ ...env, KILL_AT: "0" });
  return { kill, killed, lines: read(env.SINK) };
}

describe("killed exactly between claim and send", () => {
  for (const [platform, mode] of [
    ["Telegram", TELEGRAM],
    ["Discord", DISCORD],
  ] as const) {
    it(`GIVEN ${platform} THEN the claimed post reached nobody, and after the restart every target has exactly one`, async () => {
      const { kill, killed, lines } = await faultThenRestart(mode, "before-send");
      expect(kill.acceptedNotDone).toEqual([]);
      // The killed call's claim (and the other worker's, if it held one then): each sent once.
      expect(kill.claimedNotSent).toContain(killed);
      expectCopies(lines, []);
      expect(lines.filter((l) => l.duplicate)).toEqual([]);
    });
  }
});

describe("killed exactly between 'platform accepted' and 'marked done'", () => {
  it("GIVEN Telegram (no idempotency key) THEN exactly that one post appears twice, every other target once", async () => {
    const { kill, killed, lines } = await faultThenRestart(TELEGRAM, "after-accept");
    // The window is the send the kill interrupted, and only it: the other worker is never caught
    // between its answer and its bookkeeping, which run in one turn of the event loop.
    expect(kill.acceptedNotDone).toEqual([killed]);
    expectCopies(lines, [killed]);
    expect(lines).toHaveLength(51);
  });

  it("GIVEN Discord (nonce + enforce_nonce) THEN every target has exactly one, and the one resend was refused by its nonce", async () => {
    const { kill, killed, lines } = await faultThenRestart(DISCORD, "after-accept");
    expect(kill.acceptedNotDone).toEqual([killed]);
    expectCopies(
      lines.filter((l) => !l.duplicate),
      [],
    );
    expect(lines.filter((l) => l.duplicate).map((l) => `telegram:${l.channelId}`)).toEqual([killed]);
  });
});

describe("killed at a random moment (SIGKILL from outside after 10 posts)", () => {
  async function killAndRestart(mode: Mode) {
    const env = files(mode);
    const first = startBot(env);
    await waitFor(() => read(env.SINK).length >= 10, { what: "10 posts" });
    first.child.kill("SIGKILL");
    await first.exited;
    const kill = atTheKill(env);
    expect(read(env.SINK).length).toBeLessThan(50);
    await runToTheEnd(env);
    return { kill, lines: read(env.SINK) };
  }

  it("GIVEN Telegram THEN the targets twice are exactly those accepted but not marked done at the kill", async () => {
    const { kill, lines } = await killAndRestart(TELEGRAM);
    expectCopies(lines, kill.acceptedNotDone);
    expect(new Set(lines.map((l) => l.pid)).size).toBe(2);
  });

  it("GIVEN Discord THEN one copy each, the nonce refusing exactly the resends of those accepted but not marked done", async () => {
    const { kill, lines } = await killAndRestart(DISCORD);
    expectCopies(
      lines.filter((l) => !l.duplicate),
      [],
    );
    expect(
      lines
        .filter((l) => l.duplicate)
        .map((l) => `telegram:${l.channelId}`)
        .sort(),
    ).toEqual(kill.acceptedNotDone);
  });
});

describe("two processes, each with its own event loop, racing for claims on one database", () => {
  it("GIVEN two bots started together on 200 deliveries with instant sends THEN every delivery is sent exactly once, by one of them", async () => {
    // Started together, and no post goes out before both hold a claim: then they race for the rest.
    const env = {
      ...files(TELEGRAM),
      TARGETS: "200",
      DELAY_MS: "0",
      GO_FILE: join(dir, `go-${runs}`),
      MEET: "2",
    };
    const a = startBot(env);
    const b = startBot(env);
    await Promise.all([a.waitFor(/ready/), b.waitFor(/ready/)]);
    writeFileSync(env.GO_FILE, "");
    const [ea, eb] = await Promise.all([a.exited, b.exited]);
    expect([ea.code, eb.code], a.stderr() + b.stderr()).toEqual([0, 0]);
    const lines = read(env.SINK);
    const copies = copiesPerTarget(lines);
    expect(copies.size).toBe(200);
    expect([...copies.values()].filter((n) => n !== 1)).toEqual([]);
    // Both took part (the meeting makes sure of it): the claims really raced.
    const pids = new Set(lines.map((l) => l.pid));
    expect(pids).toEqual(new Set([a.child.pid, b.child.pid]));
  });
});
