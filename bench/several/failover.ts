/**
 * Planner failover (issue 17): three bot processes on one PostgreSQL plan a digest every 20 s;
 * the planning process is SIGKILLed at a chosen moment after a slot, and the next slot must be
 * planned at most the planner's lease (15 s) + 1 s after it was due. The moment of planning is
 * seen by polling the stream's last slot every 50 ms (so figures carry up to 50 ms of it).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createDatabase, dropDatabase } from "../../tests/helpers/postgres.js";
import { type BotProcess, benchContent, startBot } from "./bots.js";

const SLOT_MS = 20_000;

export interface FailoverTrial {
  killedAfterSlotMs: number;
  lateMs: number;
}

export async function plannerFailover(options: {
  pgBase: string;
  /** When to kill the planner after a slot, one trial each. */
  killAfterMs: readonly number[];
  log: (line: string) => void;
}): Promise<FailoverTrial[]> {
  const url = await createDatabase(options.pgBase, "failover");
  const db = new pg.Pool({ connectionString: url, max: 2 });
  const content = benchContent();
  const work = mkdtempSync(join(tmpdir(), "newsdesk-failover-"));
  const bots: BotProcess[] = [];
  let started = 0;
  const start = () => {
    const bot = startBot({
      DATABASE_URL: url,
      DATABASE_PATH: join(work, `index-${started++}.db`),
      CONTENT_DIR: content.dir,
      NEWS_TIMEZONE: "UTC",
      DIGEST_CRON: "*/20 * * * * *",
    });
    bots.push(bot);
    return bot.waitFor(/scheduler running/);
  };
  const slot = async () =>
    (
      await db.query<{ s: string }>(
        "SELECT last_slot AS s FROM schedule_streams WHERE stream = 'config-digest'",
      )
    ).rows[0]?.s ?? null;
  const planner = async () => {
    const { rows } = await db.query<{ pid: number }>(
      "SELECT i.pid FROM leases l JOIN scheduler_instances i ON i.id = l.holder WHERE l.name = 'planner'",
    );
    return bots.find((b) => b.child.pid === rows[0]?.pid && b.alive());
  };
  const nextSlotChange = async (from: string | null, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const now = await slot();
      if (now !== from && now !== null) return { slot: now, at: Date.now() };
      if (Date.now() > deadline) throw new Error("no slot planned in time");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const trials: FailoverTrial[] = [];
  try {
    await Promise.all([start(), start(), start()]);
    for (const delay of options.killAfterMs) {
      const planned = await nextSlotChange(await slot(), 3 * SLOT_MS);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, planned.at + delay - Date.now())));
      const victim = await planner();
      if (!victim) throw new Error("no planner to kill");
      await victim.stop("SIGKILL");
      const next = await nextSlotChange(planned.slot, 3 * SLOT_MS);
      const due = Date.parse(planned.slot) + SLOT_MS;
      trials.push({ killedAfterSlotMs: delay, lateMs: Math.max(0, next.at - due) });
      options.log(
        `planner killed ${delay} ms after a slot: next slot planned ${next.at - due} ms after it was due`,
      );
      await start();
    }
    return trials;
  } finally {
    await Promise.all(bots.map((b) => b.stop()));
    await db.end();
    await dropDatabase(url).catch(() => undefined);
    content.remove();
    rmSync(work, { recursive: true, force: true });
  }
}
