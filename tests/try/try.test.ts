import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { cpSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { REAL_CONTENT, ROOT, SEED_ID, SEED_TITLE } from "../helpers/seed.js";
import { markdownArticle, tempContent } from "../helpers/temp-content.js";
import { waitFor } from "../helpers/wait-for.js";

/**
 * `npm run try:discord` and `npm run try:telegram` driven as a script would drive them: lines on
 * stdin (not a TTY, so the output is plain text), the output read as it comes. Each step waits for
 * what it expects to see (generous deadlines: the bot starts for real, as a child process).
 */

const STEP_MS = 90_000;
let running: ReturnType<typeof startTry> | undefined;

afterEach(async () => {
  // A failed test leaves no tool behind: the end of stdin is :quit.
  if (running && running.child.exitCode === null) {
    running.child.stdin.end();
    await running.exited;
  }
  running = undefined;
});

function startTry(platform: "discord" | "telegram", contentDir: string) {
  const child: ChildProcessWithoutNullStreams = spawn(
    "npm",
    ["run", "-s", `try:${platform}`, "--", "--content", contentDir],
    // Wide lines: the test reads content, the wrapping has its own unit tests.
    { cwd: ROOT, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", COLUMNS: "1000" } },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    exited,
    output: () => output,
    /** Types a line, then waits until what came after it matches `expected`; returns that part. */
    async type(line: string, expected: RegExp): Promise<string> {
      const from = output.length;
      child.stdin.write(`${line}\n`);
      return this.see(expected, from);
    },
    async see(expected: RegExp, from = 0): Promise<string> {
      try {
        return await waitFor(() => expected.test(output.slice(from)) && output.slice(from), {
          what: String(expected),
          timeoutMs: STEP_MS,
        });
      } catch (error) {
        throw new Error(`${(error as Error).message}\n--- output ---\n${output}`);
      }
    },
  };
}

/** The number `:press` takes for a button, from the numbered list under the answer. */
function buttonNumber(answer: string, card: string, label: string): string {
  const number = new RegExp(`(\\d+)\\. ${card}`).exec(answer)?.[1];
  const prefix = number ? `${number} · ` : "";
  const press = new RegExp(`\\[(\\d+)\\] ${prefix}${label}`).exec(answer)?.[1];
  if (!press) throw new Error(`no "${label}" button for "${card}" in:\n${answer}`);
  return press;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const PLATFORMS = [
  {
    platform: "discord" as const,
    news: "/news query:bitcoin",
    // A whole value with a space and a colon: the stand-in reads options the way the client fills them.
    later: `/schedule post article:${SEED_ID} when:tomorrow 09:00`,
    soon: `/schedule post article:${SEED_ID} when:in 5 seconds`,
    postedIn: /Newsdesk posted · in #news/,
  },
  {
    platform: "telegram" as const,
    news: "/news bitcoin",
    later: `/schedule post ${SEED_ID} tomorrow 09:00`,
    soon: `/schedule post ${SEED_ID} in 5 seconds`,
    postedIn: /Newsdesk posted · in the group chat/,
  },
];

describe.each(PLATFORMS)("GIVEN npm run try:$platform, typed into from a script", (p) => {
  it("THEN a member searches and presses a button, a moderator's schedule and a new file show as channel posts, French answers in French, and :quit leaves no process", async () => {
    const content = tempContent(`newsdesk-content-${p.platform}-`);
    cpSync(REAL_CONTENT, content.dir, { recursive: true });
    try {
      const tool = startTry(p.platform, content.dir);
      running = tool;
      const banner = await tool.see(/bot pid (\d+)[\s\S]*:quit/);
      const pid = Number(/bot pid (\d+)/.exec(banner)?.[1]);
      expect(isAlive(pid)).toBe(true);

      const news = await tool.type(p.news, /\[\d+\] .*Key facts/);
      expect(news).toContain(SEED_TITLE);
      expect(news).toMatch(/Newsdesk replied/);
      // Telegram's HTML is read out, not shown as markup.
      expect(news).not.toMatch(/<\/?(b|i|a)\b|&(amp|lt|gt|quot);/);

      const facts = await tool.type(
        `:press ${buttonNumber(news, SEED_TITLE, "Key facts")}`,
        /Bilal Bin Saqib/,
      );
      expect(facts).toContain(`Key facts: ${SEED_TITLE}`);

      await tool.type(p.later, /Only (moderators|the group’s administrators) can use \/schedule/);
      await tool.type(":mod on", /You are a moderator/);
      const scheduled = await tool.type(p.later, /Scheduled \w+:/);
      expect(scheduled).toMatch(/09:00 \(UTC\)/);
      const posted = await tool.type(p.soon, new RegExp(`${p.postedIn.source}[\\s\\S]*${SEED_TITLE}`));
      expect(posted).toMatch(/Scheduled \w+:/);

      // A new article in the content folder is announced to the try channel.
      const before = tool.output().length;
      writeFileSync(
        join(content.dir, "tidal.md"),
        markdownArticle({ title: "Tidal plant opens", body: "The tidal plant opened on Monday." }),
      );
      await tool.see(new RegExp(`${p.postedIn.source}[\\s\\S]*Tidal plant opens`), before);

      await tool.type(":lang fr", /langue|language fr/);
      await tool.type("/help", /Newsdesk\s:\sce que je sais faire/);

      if (p.platform === "discord") {
        const choices = await tool.type(":complete /article article:Pak", /→ article:/);
        expect(choices).toContain(`${SEED_TITLE}  → article:${SEED_ID}`);
      }
      expect(tool.output()).not.toMatch(/would not accept|Telegram refuses|bot (error|fatal):/);

      tool.child.stdin.write(":quit\n");
      expect(await tool.exited).toBe(0);
      expect(isAlive(pid)).toBe(false);
    } finally {
      content.remove();
    }
  }, 400_000);
});
