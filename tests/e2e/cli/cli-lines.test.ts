import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO, spawnBot } from "../../helpers/spawn-bot.js";

const work = mkdtempSync(join(tmpdir(), "newsdesk-cli-lines-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const env = { CONTENT_DIR: join(REPO, "content"), DATABASE_PATH: join(work, "cli.db"), LOG_LEVEL: "warn" };

async function cli(...args: string[]) {
  const run = spawnBot(env, "src/cli.ts", args);
  const { code } = await run.exited;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

describe("cli summary --lines on hostile input", () => {
  it("GIVEN /dev/zero, a folder or a file too large THEN a one-line refusal and exit 2, never a crash", async () => {
    // A sparse file: its size says 300 MB, the disk holds nothing.
    const huge = join(work, "huge.txt");
    writeFileSync(huge, "");
    truncateSync(huge, 300 * 1024 * 1024);
    const [zero, folder, large] = await Promise.all([
      cli("summary", "--lines", "/dev/zero"),
      cli("summary", "--lines", work),
      cli("summary", "--lines", huge),
    ]);
    for (const run of [zero, folder, large]) {
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stdout).toBe("");
    }
    expect(zero.stderr).toContain("/dev/zero is not");
    expect(large.stderr).toMatch(/300 MB; --lines reads files of up to 256 MB/);
  });

  it("GIVEN a line of 1 MB without punctuation between two ordinary ones THEN three summaries, the long line read up to the limit", async () => {
    const file = join(work, "long.txt");
    const long = "mot ".repeat(250_000);
    writeFileSync(
      file,
      `Le conseil a voté lundi. Les travaux commencent.\n${long}\nThe council voted on Monday.\n`,
    );
    const run = await cli("summary", "--lines", file);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines).toHaveLength(4); // three summaries and the final line break
    expect(lines[0]).toBe("Le conseil a voté lundi.");
    expect(lines[1]?.length).toBeLessThanOrEqual(2_000);
    expect(lines[2]).toBe("The council voted on Monday.");
    expect(run.stderr).toContain("1 line(s) longer than 200000 characters");
  });
});
