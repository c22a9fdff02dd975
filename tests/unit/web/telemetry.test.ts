import { describe, expect, it } from "vitest";
import { silentLogger } from "../../../src/domain/logger.js";
import type { Services } from "../../../src/framework/command.js";
import { defineCommand } from "../../../src/framework/command.js";
import { makeContext } from "../../../src/framework/context.js";
import { UserError } from "../../../src/framework/errors.js";
import { RateLimiter } from "../../../src/framework/rate-limit.js";
import { registry, runCommand } from "../../../src/framework/run-command.js";
import { RetryLater, SendThrottle } from "../../../src/framework/send-throttle.js";
import { newsdeskMetrics } from "../../../src/web/metrics/newsdesk-metrics.js";
import { FakeClock } from "../../helpers/fake-clock.js";

/**
 * The metrics are fed by the parts that do the work, through the Telemetry port: the command
 * runner, the senders' pace, the per-user limit. Each test drives the real part and reads /metrics.
 */
const d = { en: "x", fr: "x" };
const commands = registry([
  defineCommand({
    name: "news",
    description: d,
    access: "everyone",
    options: [] as const,
    run: () => ({ cards: [] }),
  }),
  defineCommand({
    name: "schedule",
    description: d,
    access: "everyone",
    options: [] as const,
    run: () => {
      throw new UserError("schedule.badWhen", { when: "x" });
    },
  }),
  defineCommand({
    name: "boom",
    description: d,
    access: "everyone",
    options: [] as const,
    run: () => {
      throw new Error("broken");
    },
  }),
]);

function services(metrics: ReturnType<typeof newsdeskMetrics>): Services {
  return { telemetry: metrics.telemetry, log: silentLogger } as unknown as Services;
}

describe("GIVEN commands run through the runner", () => {
  it("THEN each is counted by name and outcome, with its duration in the histogram", async () => {
    const metrics = newsdeskMetrics(["news", "schedule", "boom"]);
    const ctx = makeContext({
      locale: "en",
      user: { id: "u", name: "U" },
      channel: { platform: "console", id: "console" },
      isModerator: async () => true,
      textLimit: 2000,
      services: services(metrics),
    });
    for (const command of ["news", "news", "schedule", "boom", "123456789012345678"]) {
      await runCommand(commands, { command, args: {} }, ctx);
    }
    const text = await metrics.registry.render();
    expect(text).toContain('newsdesk_commands_total{command="news",outcome="ok"} 2');
    expect(text).toContain('newsdesk_commands_total{command="schedule",outcome="user_error"} 1');
    expect(text).toContain('newsdesk_commands_total{command="boom",outcome="error"} 1');
    // An unknown name (a user typing an id) is not a series of its own.
    expect(text).toContain('newsdesk_commands_total{command="other",outcome="user_error"} 1');
    expect(text).toContain('newsdesk_command_duration_seconds_count{command="news"} 2');
  });
});

describe("GIVEN the senders' pace and the per-user limit", () => {
  it("THEN a send that waited for the pace is counted with its wait; one that did not is not", async () => {
    const metrics = newsdeskMetrics([]);
    const clock = new FakeClock();
    const throttle = new SendThrottle(
      {
        globalPerSecond: 30,
        perChatIntervalMs: 1000,
        onWait: (ms) => metrics.telemetry.rateLimitWait("telegram", "send", ms / 1000),
      },
      clock,
    );
    const sent = ["a", "b", "c"].map((label) => throttle.schedule("1", async () => label));
    await clock.advance(5000);
    await Promise.all(sent);
    const text = await metrics.registry.render();
    expect(text).toContain('newsdesk_rate_limit_waits_total{limit="send",platform="telegram"} 2');
    expect(text).toContain('newsdesk_rate_limit_wait_seconds_total{platform="telegram"} 3');
  });

  it("THEN a 429 hold counts as a wait when the message goes out again", async () => {
    const metrics = newsdeskMetrics([]);
    const clock = new FakeClock();
    const waits: number[] = [];
    const throttle = new SendThrottle({ globalPerSecond: 30, onWait: (ms) => waits.push(ms) }, clock);
    let tries = 0;
    const sent = throttle.schedule("1", async () => {
      tries += 1;
      if (tries === 1) throw new RetryLater(2000);
      return "ok";
    });
    await clock.advance(3000);
    await expect(sent).resolves.toBe("ok");
    expect(waits).toEqual([2000]);
    void metrics;
  });

  it("THEN commands held back by the per-user limit are counted, whether warned or dropped", async () => {
    const metrics = newsdeskMetrics([]);
    const limiter = new RateLimiter({ perMinute: 1, burst: 1 }, { now: () => 0 }, (platform) =>
      metrics.telemetry.rateLimitWait(platform, "user", 0),
    );
    expect(["run", "warn", "drop"]).toEqual([1, 2, 3].map(() => limiter.take("discord", "u1").kind));
    expect(await metrics.registry.render()).toContain(
      'newsdesk_rate_limit_waits_total{limit="user",platform="discord"} 2',
    );
  });
});

describe("GIVEN the state gauges", () => {
  it("THEN articles and the outbox backlog are read at scrape time, the oldest due as an age", async () => {
    let articles = 3;
    const metrics = newsdeskMetrics([], {
      articles: () => articles,
      outboxBacklog: async () => ({ pending: 4, oldestDueAt: "2026-03-01T09:59:00.000Z" }),
      now: () => Date.parse("2026-03-01T10:00:00Z"),
    });
    articles = 10_000;
    const text = await metrics.registry.render();
    expect(text).toContain("newsdesk_articles 10000");
    expect(text).toContain("newsdesk_outbox_pending 4");
    expect(text).toContain("newsdesk_outbox_oldest_age_seconds 60");
  });
});
