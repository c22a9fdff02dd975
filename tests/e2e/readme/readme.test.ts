/**
 * The README's examples run as written, on each platform they are shown for: the console, the
 * Telegram emulator and the Discord stand-in, each with the real bot. An answer that no longer
 * holds what the README says, or a command line the README shows that no example runs, fails here.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.js";
import { ROOT } from "../../helpers/seed.js";
import { waitFor } from "../../helpers/wait-for.js";
import { type ReadmeBot, startReadmeBot } from "./readme-bots.js";
import {
  type Example,
  examples,
  holds,
  normalize,
  PLATFORMS,
  type PlatformName,
  SAMPLE_ID,
  shownCommandLines,
} from "./readme-examples.js";

const README = readFileSync(join(ROOT, "README.md"), "utf8");
const EXAMPLES = examples(README);
/** How long an answer may take to hold its phrases: bounds a broken example, never a speed claim. */
const ANSWER_MS = 15_000;
/** A schedule id in an answer ("Scheduled k7qm: …", "Programmé k7qm : …"). */
const CREATED_ID = /\b(?:Scheduled|Programmée?) ([a-z0-9]{4})[\s\u00a0\u202f]*:/;

describe("the README's examples", () => {
  it("GIVEN every example THEN each names known platforms and shows a result under each typed line", () => {
    expect(EXAMPLES.length).toBeGreaterThan(0);
    expect(EXAMPLES.flatMap((e) => e.problems.map((p) => `README line ${e.line}: ${p}`))).toEqual([]);
  });

  it("GIVEN every command line the README shows THEN an example runs it", () => {
    const run = new Set(EXAMPLES.flatMap((e) => e.lines.map((l) => l.input)));
    const names = [...commands.map((c) => c.name), "more"];
    const unrun = shownCommandLines(README, names).filter((line) => !run.has(line));
    expect(unrun, "shown in the README but in no example block (```text <platforms>)").toEqual([]);
  });

  it("GIVEN each platform THEN examples show members and moderators", () => {
    for (const platform of PLATFORMS) {
      const own = EXAMPLES.filter((e) => e.platforms.includes(platform));
      expect(
        own.some((e) => !e.moderator),
        `${platform}: a member example`,
      ).toBe(true);
      expect(
        own.some((e) => e.moderator),
        `${platform}: a moderator example`,
      ).toBe(true);
    }
  });
});

for (const platform of PLATFORMS) {
  describe(`the README's examples on ${platform}`, () => {
    let bot: ReadmeBot;
    beforeAll(async () => {
      bot = await startReadmeBot[platform]();
    }, 60_000);
    afterAll(async () => bot?.stop());

    for (const example of EXAMPLES.filter((e) => e.platforms.includes(platform))) {
      const first = example.lines[0]?.input ?? "";
      const who = example.moderator ? "a moderator" : "a member";
      it(`GIVEN README line ${example.line} (${first} …) typed by ${who} THEN each answer is as documented`, async () => {
        await runExample(bot, example, platform);
        bot.checkRules();
      }, 120_000);
    }
  });
}

/** Types each line in order and waits until its answer holds every phrase shown under it. */
async function runExample(bot: ReadmeBot, example: Example, platform: PlatformName): Promise<void> {
  let createdId: string | undefined;
  const withId = (text: string) => {
    if (!text.includes(SAMPLE_ID)) return text;
    if (!createdId)
      throw new Error(`README line ${example.line}: "${text}" uses ${SAMPLE_ID} before a schedule was made`);
    return text.replaceAll(SAMPLE_ID, createdId);
  };
  for (const { input, expected } of example.lines) {
    const line = withId(input);
    const phrases = expected.map(withId);
    const answer = await bot.say(line, example.moderator);
    const ok = await waitFor(() => phrases.every((p) => holds(answer(), p)), {
      what: `the answer to ${line}`,
      timeoutMs: ANSWER_MS,
    }).catch(() => false);
    if (!ok) {
      const missing = phrases.filter((p) => !holds(answer(), p));
      expect.fail(
        `README line ${example.line}, on ${platform}: "${line}" should answer with ${missing
          .map((p) => `"${p}"`)
          .join(", ")}; it answered:\n${normalize(answer()) || "(nothing)"}`,
      );
    }
    createdId = CREATED_ID.exec(answer())?.[1] ?? createdId;
  }
}
