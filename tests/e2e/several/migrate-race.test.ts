import { spawn } from "node:child_process";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { pgMigrations } from "../../../src/store/postgres/migrations/index.js";
import { createDatabase, dropDatabase } from "../../helpers/postgres.js";
import { postgresBase } from "../../helpers/postgres-base.js";
import { REPO } from "../../helpers/spawn-bot.js";
import { waitFor } from "../../helpers/wait-for.js";

let url = "";
afterAll(async () => {
  if (url) await dropDatabase(url);
});

/** A process that migrates when told (migrate-entry.ts), with what it printed. */
function migrator(database: string) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(import.meta.dirname, "migrate-entry.ts"), database],
    {
      cwd: REPO,
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on("data", (d: Buffer) => {
    err += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, out: () => out, err: () => err };
}

describe("two processes opening a new shared database at once", () => {
  it("GIVEN both migrate at the same moment THEN each migration is applied once, by one of them, and both go on", async () => {
    url = await createDatabase(await postgresBase(), "migrate");
    const both = [migrator(url), migrator(url)];
    await waitFor(() => both.every((m) => m.out().includes("READY")), {
      what: "both connected",
      timeoutMs: 30_000,
    });
    for (const m of both) m.child.stdin.end("go\n");
    expect(await Promise.all(both.map((m) => m.exited))).toEqual([0, 0]);
    const applied = both.map(
      (m) => (JSON.parse(m.out().split("\n")[1] ?? "{}") as { applied: number[] }).applied,
    );
    const versions = pgMigrations.map((m) => m.version);
    // One applied everything; the other waited at the lock, then found it done.
    expect(applied.flat().sort()).toEqual(versions);
    expect(applied.some((a) => a.length === 0)).toBe(true);
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const { rows } = await db.query<{ version: number }>(
      "SELECT version FROM schema_migrations ORDER BY version",
    );
    await db.end();
    expect(rows.map((r) => r.version)).toEqual(versions);
    expect(both.map((m) => m.err())).toEqual(["", ""]);
  }, 60_000);
});
