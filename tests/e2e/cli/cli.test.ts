import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  REAL_CONTENT,
  SEED_AUTHOR,
  SEED_DATE,
  SEED_ID,
  SEED_SECTIONS,
  SEED_TITLE,
} from "../../helpers/seed.js";
import { spawnBot } from "../../helpers/spawn-bot.js";

const work = mkdtempSync(join(tmpdir(), "newsdesk-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let runs = 0;

/** One CLI process, on a database of its own: no run sees what another test's run left behind. */
async function cli(...args: string[]) {
  runs += 1;
  const env = { CONTENT_DIR: REAL_CONTENT, DATABASE_PATH: join(work, `cli-${runs}.db`), LOG_LEVEL: "warn" };
  const run = spawnBot(env, "src/cli.ts", args);
  const { code } = await run.exited;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

// Each run is a real process (what `npm run -s cli` starts); they run side by side to save time.
describe("the CLI", () => {
  it("GIVEN parse --json on the seed THEN exactly one JSON document with every field", async () => {
    const { code, stdout, stderr } = await cli("parse", `content/${SEED_ID}.txt`, "--json");
    expect(code, stderr).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc).toMatchObject({
      id: SEED_ID,
      title: SEED_TITLE,
      author: SEED_AUTHOR,
      category: "BITCOIN",
      lang: "fr",
      date: SEED_DATE,
      source: null,
      tags: [],
      warnings: [],
    });
    expect(doc.sections.map((s: { heading: string }) => s.heading)).toEqual(SEED_SECTIONS);
    expect(stdout).not.toContain("Partager cet article");
  });

  it("GIVEN bad usage THEN one line on stderr and exit 2", async () => {
    const [flag, file, id, command] = await Promise.all([
      cli("parse", `content/${SEED_ID}.txt`, "--bogus"),
      cli("parse", "no/such/file.txt"),
      cli("summary", "no-such-article-id"),
      cli("frobnicate"),
    ]);
    for (const run of [flag, file, id, command]) {
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stdout).toBe("");
    }
    expect(file.stderr).toContain("no/such/file.txt");
    expect(id.stderr).toContain("no-such-article-id");
  });

  it("GIVEN validate THEN shipped content passes and a folder with a bad file fails naming it", async () => {
    const bad = join(work, "bad");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(bad);
    writeFileSync(join(bad, "ok.md"), "---\ntitle: Fine\nlang: en\n---\n\nSome text here.\n");
    writeFileSync(join(bad, "empty.txt"), "");
    const [good, broken] = await Promise.all([cli("validate"), cli("validate", bad, "--json")]);
    expect(good.code, good.stdout).toBe(0);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ articles: 1, problems: [{ file: "empty.txt" }] });
  });

  it("GIVEN summary, facts and ask THEN they answer from the content folder", async () => {
    const lines = join(work, "lines.txt");
    writeFileSync(
      lines,
      "Le gouvernement a annoncé jeudi un plan de 2 milliards d'euros. Les syndicats ont salué la mesure. Le texte sera débattu en juin.\n\nThe council voted on Monday to fund a new bridge. Work starts next spring. Residents welcomed the news.\n",
    );
    const [summary, facts, ask, byLines, byLinesJson] = await Promise.all([
      cli("summary", SEED_ID, "--json", "--sentences", "2"),
      cli("facts", SEED_ID, "--json"),
      cli("ask", "/news l'électricité", "--locale", "fr"),
      cli("summary", "--lines", lines, "--sentences", "1"),
      cli("summary", "--lines", lines, "--sentences", "1", "--json"),
    ]);
    for (const run of [summary, facts, ask, byLines, byLinesJson]) expect(run.code, run.stderr).toBe(0);
    const s = JSON.parse(summary.stdout);
    expect(s).toMatchObject({ id: SEED_ID, lang: "fr" });
    expect(s.sentences).toHaveLength(2);
    expect(s.summary).toBe(s.sentences.join(" "));
    const f = JSON.parse(facts.stdout);
    expect(f.facts.map((x: { text: string }) => x.text)).toContain("Nayib Bukele");
    expect(ask.stdout).toContain("Résultats pour «\u00a0l'électricité\u00a0»");
    expect(ask.stdout).toContain(SEED_TITLE);
    const out = byLines.stdout.split("\n");
    expect(out.slice(0, 3).map((l) => l.length > 0)).toEqual([true, false, true]);
    // --json: one document, the same summaries, one per line of the file (an empty line, an empty one).
    expect(JSON.parse(byLinesJson.stdout)).toEqual({ summaries: out.slice(0, 3), linesCut: 0 });
  });

  it("GIVEN a command that answers with an error, or a file that is not an article THEN exit 1, the reason said", async () => {
    const empty = join(work, "empty.txt");
    const untitled = join(work, "untitled.md");
    writeFileSync(empty, "");
    writeFileSync(untitled, "x");
    const [ask, unknown, parseEmpty, parseUntitled] = await Promise.all([
      cli("ask", "/article zzzzqqqq"),
      cli("ask", "/frobnicate"),
      cli("parse", empty),
      cli("parse", untitled, "--json"),
    ]);
    expect([ask.code, unknown.code, parseEmpty.code, parseUntitled.code]).toEqual([1, 1, 1, 1]);
    expect(ask.stdout).toContain("No article matches “zzzzqqqq”");
    expect(parseEmpty.stdout).toBe(`${empty}: the file is empty\n`);
    expect(JSON.parse(parseUntitled.stdout)).toMatchObject({
      file: untitled,
      error: expect.stringContaining("no title"),
    });
  });
});

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
