import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sharedWork } from "../../../src/framework/shared-work.js";
import { type Db, openDatabase } from "../../../src/store/sqlite/database.js";
import { SqliteSchedulingStore } from "../../../src/store/sqlite/scheduling-store.js";
import { recordingLogger } from "../../helpers/recording-logger.js";
import { REAL_CONTENT } from "../../helpers/seed.js";
import { waitFor } from "../../helpers/wait-for.js";
import { Emulator } from "./emulator.js";
import { type BotUnderTest, expectNoViolations, startBot } from "./harness.js";

const TOKEN = "515151:TESTtoken-election";
const work = mkdtempSync(join(tmpdir(), "newsdesk-election-"));
const dbs: Db[] = [];
const bots: BotUnderTest[] = [];
let emulator: Emulator | undefined;
afterAll(async () => {
  for (const bot of bots) await bot.stop().catch(() => undefined);
  await emulator?.stop();
  for (const db of dbs) db.close();
  rmSync(work, { recursive: true, force: true });
});

/** A bot process's view of the shared store: its own connection, its own member name and log. */
function shared(member: string) {
  const db = openDatabase(join(work, "shared.db"));
  dbs.push(db);
  const log = recordingLogger();
  const shares = sharedWork(new SqliteSchedulingStore(db), {
    member,
    log: log.log,
    leaseMs: 1_500,
    paceTtlMs: 300,
  });
  return { work: shares, log };
}

describe("two processes of one Telegram bot (ADR 0104)", () => {
  it("GIVEN two bots on one store THEN one polls at a time, each command is answered once, and the other takes over when the poller stops", async () => {
    const em = await Emulator.start();
    emulator = em;
    const a = shared("a");
    const b = shared("b");
    const first = await startBot({ emulator: em, token: TOKEN, contentDir: REAL_CONTENT, shared: a.work });
    bots.push(first);
    const second = await startBot({ emulator: em, token: TOKEN, contentDir: REAL_CONTENT, shared: b.work });
    bots.push(second);
    await waitFor(() => em.heldPolls(TOKEN) === 1, { what: "one long poll" });
    // Two lease lengths: never two polls at once (Telegram would answer the second with 409).
    const most = { polls: 0 };
    const until = Date.now() + 3_000;
    while (Date.now() < until) {
      most.polls = Math.max(most.polls, em.heldPolls(TOKEN));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(most.polls).toBe(1);

    const user = em.user(TOKEN, { userId: 61 });
    await user.client.sendCommand(user.client.makeCommand("/help"));
    await waitFor(() => em.botMessages(TOKEN, user.chatId).length === 1, { what: "the answer" });

    const firstPolls = a.log.find(/lease taken/) !== undefined;
    const poller = firstPolls ? first : second;
    const other = firstPolls ? b : a;
    await poller.stop();
    bots.splice(bots.indexOf(poller), 1);
    await user.client.sendCommand(user.client.makeCommand("/help"));
    await waitFor(() => em.botMessages(TOKEN, user.chatId).length >= 2, {
      what: "the answer after the takeover",
    });
    expect(other.log.find(/lease taken/)).toBeDefined();
    expect((firstPolls ? b : a).log.find(/lease taken/)).toBeDefined();
    expect(em.botMessages(TOKEN, user.chatId)).toHaveLength(2);
    expect(em.callsTo("getUpdates", TOKEN).filter((c) => c.status === 409)).toEqual([]);
    expectNoViolations(em);
  }, 60_000);
});
