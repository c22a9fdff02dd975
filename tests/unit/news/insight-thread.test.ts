import { afterEach, describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.js";
import type { Article } from "../../../src/domain/article.js";
import { silentLogger } from "../../../src/domain/logger.js";
import { makeContext } from "../../../src/framework/context.js";
import { renderPlain } from "../../../src/framework/reply.js";
import { registry, runCommand } from "../../../src/framework/run-command.js";
import type { InsightJob } from "../../../src/news/insight-jobs.js";
import { type InsightRunner, ThreadRunner } from "../../../src/news/insight-runner.js";
import { createInsights, type Insights } from "../../../src/news/insights.js";
import { ADVERSARIAL } from "../../helpers/adversarial-texts.js";
import { FakeClock } from "../../helpers/fake-clock.js";
import { recordingLogger } from "../../helpers/recording-logger.js";
import { waitFor } from "../../helpers/wait-for.js";
import { article, FakeLibrary } from "../schedule/helpers.js";

/** The real work, except for titles that ask to be slow, to throw or to kill the thread. */
const TEST_WORKER = new URL("../../fixtures/slow-insight-worker.ts", import.meta.url);
const UNAVAILABLE = "could not be worked out";
const reg = registry(commands);

const closing: Insights[] = [];
afterEach(async () => {
  while (closing.length > 0) await closing.pop()?.close();
});

/**
 * Lets everything already queued on this thread run (work done inline would be finished and
 * answered by then); a yield, not a sleep.
 */
const turnOfTheEventLoop = () => new Promise((resolve) => setImmediate(resolve));

/** A runner that records the jobs it is given. */
function counting(runner: InsightRunner): InsightRunner & { jobs: InsightJob[] } {
  const jobs: InsightJob[] = [];
  const run = (job: InsightJob) => {
    jobs.push(job);
    return runner.run(job);
  };
  return { jobs, run, close: () => runner.close() };
}

function bot(runner: InsightRunner, articles: Article[]) {
  const time = new FakeClock("2025-07-18T08:00:00Z");
  const library = new FakeLibrary(time.clock, articles);
  const log = recordingLogger();
  const insights = createInsights(null, { runner, log: log.log });
  closing.push(insights);
  const services = { library, insights, clock: time.clock, log: silentLogger };
  const ask = (user: string, command: string, args: Record<string, string | number> = {}) =>
    runCommand(
      reg,
      { command, args },
      makeContext({
        locale: "en",
        user: { id: user, name: user },
        channel: { platform: "telegram", id: user },
        isModerator: async () => false,
        textLimit: 4000,
        services,
      }),
    ).then(renderPlain);
  return { ask, log };
}

const fine = article("fine", {
  title: "Tidal plant opens",
  sections: [{ heading: null, text: "The tidal plant opened in Brest on Monday. It cost 40 million euros." }],
});

describe("summaries and facts run on a thread with a deadline", () => {
  it("GIVEN /facts on an article whose analysis never ends THEN another user's /help is answered meanwhile, /facts says so after the deadline, and the failure is not tried again", async () => {
    const runner = counting(new ThreadRunner({ deadlineMs: 1_500, entry: TEST_WORKER }));
    const { ask, log } = bot(runner, [article("slow", { title: "SLOW on purpose" }), fine]);

    let factsAnswered = false;
    const facts = ask("alice", "facts", { article: "slow" }).then((text) => {
      factsAnswered = true;
      return text;
    });
    await waitFor(() => runner.jobs.length === 1, { what: "the facts job to be handed to the thread" });
    await turnOfTheEventLoop();
    expect(await ask("bob", "help")).toContain("/news");
    expect(factsAnswered).toBe(false);

    expect(await facts).toContain(UNAVAILABLE);
    expect(log.find(/"reason":"timeout"/)).toBeDefined();
    // Asked again: the remembered failure answers; nothing goes to the thread.
    expect(await ask("carol", "facts", { article: "slow" })).toContain(UNAVAILABLE);
    expect(runner.jobs).toHaveLength(1);
    // The stopped thread was replaced: the next article is analysed.
    const other = await ask("alice", "facts", { article: "fine" });
    expect(other).toContain("Brest");
    expect(runner.jobs).toHaveLength(2);
  });

  it.each([
    ["THROW", "error"],
    ["CRASH", "crash"],
  ])(
    "GIVEN an article whose analysis fails (%s) THEN /facts says so, /latest shows its card without a summary, and neither is computed twice",
    async (title, reason) => {
      const runner = counting(new ThreadRunner({ entry: TEST_WORKER }));
      const broken = article("broken", { title: `${title} here`, date: "2025-07-18" });
      const { ask, log } = bot(runner, [broken]);

      expect(await ask("alice", "facts", { article: "broken" })).toContain(UNAVAILABLE);
      expect(log.find(new RegExp(`"reason":"${reason}"`))).toBeDefined();
      const card = await ask("bob", "latest", { count: 1 });
      expect(card).toContain(`${title} here`);
      expect(card).not.toContain("First sentence of broken");
      expect(runner.jobs.map((j) => j.kind)).toEqual(["facts", "summary"]);

      await ask("carol", "facts", { article: "broken" });
      await ask("carol", "latest", { count: 1 });
      expect(runner.jobs).toHaveLength(2);
    },
  );

  it("GIVEN /facts on the issue's 160 KB dates-only article THEN another user's /help is answered while it is worked out", async () => {
    // The real thread and the real rules. Before the thread, the facts ran on the main thread
    // (23-32 s for this text): /help waited for them, and was only heard once they were done.
    const text = ADVERSARIAL["dates only"]?.(160_000) ?? "";
    const runner = counting(new ThreadRunner());
    const { ask } = bot(runner, [article("dates", { sections: [{ heading: null, text }] })]);
    let factsAnswered = false;
    const facts = ask("alice", "facts", { article: "dates" }).then((reply) => {
      factsAnswered = true;
      return reply;
    });
    await waitFor(() => runner.jobs.length === 1, { what: "the facts job to be handed over" });
    await turnOfTheEventLoop();
    expect(await ask("bob", "help")).toContain("/news");
    expect(factsAnswered).toBe(false);
    expect(await facts).toContain("• 1er janvier 2025"); // its year written: no bracket needed
  });
});
