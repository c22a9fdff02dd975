import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openPostgresStore } from "../../../src/store/postgres/open-store.js";
import { tokenHash } from "../../../src/web/sign-in/operator-link.js";
import { createDatabase, dropDatabase } from "../../helpers/postgres.js";
import { postgresBase } from "../../helpers/postgres-base.js";
import { REAL_CONTENT, SEED_ID } from "../../helpers/seed.js";
import { spawnBot } from "../../helpers/spawn-bot.js";

const work = mkdtempSync(join(tmpdir(), "newsdesk-cli-shared-"));
let url = "";
afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  if (url) await dropDatabase(url);
});

/** One CLI process on "machine" `name` (its own SQLite index), sharing DATABASE_URL. */
async function cli(name: string, ...args: string[]) {
  const env = {
    CONTENT_DIR: REAL_CONTENT,
    DATABASE_PATH: join(work, `${name}.db`),
    DATABASE_URL: url,
    DASHBOARD_PORT: "8090",
    LOG_LEVEL: "warn",
  };
  const run = spawnBot(env, "src/cli.ts", args);
  const { code } = await run.exited;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

// With DATABASE_URL the operator's CLI works on the state the running bots share, not on a
// SQLite file of its own machine that no bot reads.
describe("the CLI with DATABASE_URL", () => {
  it("GIVEN a post scheduled by the CLI on one machine THEN another machine's CLI lists it and audit shows it", async () => {
    url = await createDatabase(await postgresBase(), "cli");
    const post = await cli("a", "ask", `/schedule post ${SEED_ID} in 2h`);
    expect(post.code, post.stderr).toBe(0);
    const id = /Scheduled ([a-z0-9]{4})/.exec(post.stdout)?.[1] ?? "";
    expect(id).not.toBe("");

    const list = await cli("b", "ask", "/schedule list");
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain(`${id} · post`);
    const audit = await cli("b", "audit", "--json");
    expect(audit.code, audit.stderr).toBe(0);
    expect(JSON.parse(audit.stdout).entries).toEqual([
      expect.objectContaining({ action: "schedule.post", target: "console" }),
    ]);
  });

  it("GIVEN dashboard-link THEN its token is kept in PostgreSQL, where every bot process takes it once", async () => {
    const made = await cli("a", "dashboard-link");
    expect(made.code, made.stderr).toBe(0);
    const token = new URL(made.stdout.trim()).searchParams.get("token") ?? "";
    expect(token).not.toBe("");
    const stores = await openPostgresStore({ url, poolSize: 1 });
    try {
      const hash = tokenHash(token);
      expect(await stores.dashboard.takeSignInToken(hash, Date.now())).toBe(true);
      expect(await stores.dashboard.takeSignInToken(hash, Date.now())).toBe(false);
    } finally {
      await stores.close();
    }
  });

  it("GIVEN backup or restore THEN one line naming pg_dump or pg_restore, exit 2, no file written", async () => {
    const runs = await Promise.all([
      cli("a", "backup", join(work, "copy.db")),
      cli("a", "restore", join(work, "a.db")),
    ]);
    for (const run of runs) {
      expect(run.code, run.stdout).toBe(2);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
    }
    expect(runs[0]?.stderr).toContain("pg_dump -Fc");
    expect(runs[1]?.stderr).toContain("pg_restore");
    expect(runs.map((r) => r.stderr).join("")).not.toContain(url);
    expect(existsSync(join(work, "copy.db"))).toBe(false);
  });
});
