import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REAL_CONTENT, SEED_ID } from "../../helpers/seed.js";
import { spawnBot } from "../../helpers/spawn-bot.js";

const work = mkdtempSync(join(tmpdir(), "newsdesk-cli-backup-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** One CLI process (what `npm run -s cli` starts) on the database `db`. */
async function cli(db: string, ...args: string[]) {
  const env = { CONTENT_DIR: REAL_CONTENT, DATABASE_PATH: db, LOG_LEVEL: "warn" };
  const run = spawnBot(env, "src/cli.ts", args);
  const { code } = await run.exited;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

// The operator's first-hour commands as the README shows them: backup, restore, audit.
describe("cli backup, restore and audit", () => {
  it("GIVEN a schedule, a backup, then a cancel THEN restore brings the schedule back, and audit tells the story", async () => {
    const db = join(work, "newsdesk.db");
    const backup = join(work, "backups", "newsdesk-1.db");
    const post = await cli(db, "ask", `/schedule post ${SEED_ID} in 2h`);
    expect(post.code, post.stderr).toBe(0);
    const id = /Scheduled ([a-z0-9]{4})/.exec(post.stdout)?.[1] ?? "";
    expect(id).not.toBe("");

    const saved = await cli(db, "backup", backup, "--json");
    expect(saved.code, saved.stderr).toBe(0);
    expect(JSON.parse(saved.stdout)).toMatchObject({ from: db, to: backup });
    expect((await cli(db, "ask", `/schedule cancel ${id}`)).code).toBe(0);

    const restored = await cli(db, "restore", backup);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toBe(`restored ${backup} to ${db}\n`);
    const list = await cli(db, "ask", "/schedule list");
    expect(list.stdout).toContain(`${id} · post`);

    const [audit, json] = await Promise.all([cli(db, "audit"), cli(db, "audit", "--json", "--limit", "1")]);
    expect(audit.code, audit.stderr).toBe(0);
    expect(audit.stdout).toMatch(
      new RegExp(
        `^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC  console \\(console\\)  console  schedule\\.post  id=${id}`,
        "m",
      ),
    );
    expect(JSON.parse(json.stdout).entries).toHaveLength(1);
  });

  it("GIVEN a backup over an existing file, a restore of a file that is no database, or no database THEN one line and exit 2", async () => {
    const db = join(work, "other.db");
    await cli(db, "ask", "/settings timezone Europe/Paris");
    const runs = await Promise.all([
      cli(db, "backup", db),
      cli(db, "restore", join(work, "nothing.db")),
      cli(join(work, "absent.db"), "audit"),
      cli(db, "backup"),
    ]);
    for (const run of runs) {
      expect(run.code, run.stdout).toBe(2);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
    }
    expect(runs.map((r) => r.stderr)).toEqual([
      expect.stringContaining("exists already"),
      expect.stringContaining("no such file"),
      expect.stringContaining("no database at"),
      expect.stringContaining("backup needs a file"),
    ]);
  });
});
