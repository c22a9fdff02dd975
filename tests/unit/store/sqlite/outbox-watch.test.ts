import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../../../src/store/sqlite/database.js";
import { SqliteSchedulingStore } from "../../../../src/store/sqlite/scheduling-store.js";
import { enqueue } from "../../../contract/fixtures.js";
import { waitFor } from "../../../helpers/wait-for.js";

const dir = mkdtempSync(join(tmpdir(), "newsdesk-watch-"));
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const open = (name: string) => {
  const db = openDatabase(join(dir, name));
  dbs.push(db);
  return db;
};

describe("two processes on one SQLite file: the outbox watch (ADR 0105)", () => {
  it("GIVEN another connection enqueues THEN the watcher hears it; its own writes it does not", async () => {
    const mine = new SqliteSchedulingStore(open("a.db"), 5);
    const theirs = new SqliteSchedulingStore(open("a.db"));
    let heard = 0;
    const stop = await mine.watchOutbox(() => {
      heard += 1;
    });
    await enqueue(mine, ["discord:1"]);
    await enqueue(theirs, ["discord:2"]);
    await waitFor(() => heard > 0, { what: "the other connection's commit" });
    await stop();
    expect(heard).toBe(1);
  });

  it("GIVEN no watch interval (one process, or a fake clock) THEN it never calls", async () => {
    const store = new SqliteSchedulingStore(open("b.db"));
    const stop = await store.watchOutbox(() => {
      throw new Error("called");
    });
    await stop();
  });
});
