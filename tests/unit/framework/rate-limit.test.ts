import { describe, expect, it } from "vitest";
import { translator } from "../../../src/framework/messages.js";
import {
  type Admission,
  RateLimiter,
  rateLimiter,
  slowDownReply,
} from "../../../src/framework/rate-limit.js";
import { FakeClock } from "../../helpers/fake-clock.js";

/** `count` commands from one user, at the clock's current time: what each one got. */
function send(
  limiter: RateLimiter,
  count: number,
  user = "1",
  platform: "telegram" | "discord" = "telegram",
) {
  const kinds: Admission["kind"][] = [];
  for (let i = 0; i < count; i++) kinds.push(limiter.take(platform, user).kind);
  return kinds;
}

const tally = (kinds: Admission["kind"][]) => ({
  run: kinds.filter((k) => k === "run").length,
  warn: kinds.filter((k) => k === "warn").length,
  drop: kinds.filter((k) => k === "drop").length,
});

describe("RateLimiter: a token bucket per user", () => {
  it("GIVEN a burst of 10 THEN 10 commands run at once, the 11th gets the slow-down answer, the rest nothing", () => {
    const limiter = new RateLimiter({ perMinute: 30, burst: 10 }, new FakeClock());
    const kinds = send(limiter, 300);
    expect(kinds.slice(0, 11)).toEqual([...Array(10).fill("run"), "warn"]);
    expect(tally(kinds)).toEqual({ run: 10, warn: 1, drop: 289 });
  });

  it("GIVEN the warning THEN it says when the next command will be heard (one token at 30 a minute: 2 s)", () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ perMinute: 30, burst: 2 }, clock);
    send(limiter, 2);
    clock.time += 500;
    expect(limiter.take("telegram", "1")).toEqual({ kind: "warn", retryAfterMs: 1_500 });
  });

  it("GIVEN an emptied bucket THEN it refills at perMinute: one command every 2 s at 30 a minute", () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ perMinute: 30, burst: 10 }, clock);
    send(limiter, 12);
    clock.time += 1_999;
    expect(limiter.take("telegram", "1").kind).toBe("drop");
    clock.time += 1;
    expect(limiter.take("telegram", "1").kind).toBe("run");
    expect(limiter.take("telegram", "1").kind).toBe("drop");
    // Six seconds later: three tokens, never more than the time allows.
    clock.time += 6_000;
    expect(tally(send(limiter, 10))).toEqual({ run: 3, warn: 0, drop: 7 });
  });

  it("GIVEN a user who keeps flooding THEN they are warned once, not once per refill", () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ perMinute: 30, burst: 10 }, clock);
    const kinds: Admission["kind"][] = [];
    // Ten commands a second for five minutes.
    for (let second = 0; second < 300; second++) {
      kinds.push(...send(limiter, 10));
      clock.time += 1_000;
    }
    expect(tally(kinds).warn).toBe(1);
    // The burst, then the refill rate: 30 a minute for the five minutes (give or take the last one).
    expect(tally(kinds).run).toBeGreaterThanOrEqual(10 + 149);
    expect(tally(kinds).run).toBeLessThanOrEqual(10 + 150);
  });

  it("GIVEN a pause long enough to fill the bucket THEN a new flood gets one new warning", () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ perMinute: 30, burst: 10 }, clock);
    expect(tally(send(limiter, 50)).warn).toBe(1);
    // 18 s refill 9 of the 10 tokens: not yet a fresh start.
    clock.time += 18_000;
    expect(tally(send(limiter, 50))).toEqual({ run: 9, warn: 0, drop: 41 });
    clock.time += 20_000;
    expect(tally(send(limiter, 50))).toEqual({ run: 10, warn: 1, drop: 39 });
  });

  it("GIVEN one user flooding THEN another user, in the same chat or not, is not limited", () => {
    const limiter = new RateLimiter({ perMinute: 30, burst: 10 }, new FakeClock());
    send(limiter, 300, "flooder");
    expect(tally(send(limiter, 10, "neighbour"))).toEqual({ run: 10, warn: 0, drop: 0 });
  });

  it("GIVEN one user in several chats THEN the limit is theirs, not the chat's: one bucket for all of them", () => {
    // The key is the user: nothing about the chat is even asked for.
    const limiter = new RateLimiter({ perMinute: 30, burst: 4 }, new FakeClock());
    expect(send(limiter, 2, "7")).toEqual(["run", "run"]);
    expect(send(limiter, 3, "7")).toEqual(["run", "run", "warn"]);
  });

  it("GIVEN the same id on Discord and Telegram THEN they are two users", () => {
    const limiter = new RateLimiter({ perMinute: 30, burst: 3 }, new FakeClock());
    send(limiter, 10, "42", "telegram");
    expect(send(limiter, 3, "42", "discord")).toEqual(["run", "run", "run"]);
  });

  it("GIVEN a clock that goes back THEN no token is made out of it", () => {
    const clock = new FakeClock();
    clock.time = 100_000;
    const limiter = new RateLimiter({ perMinute: 30, burst: 2 }, clock);
    send(limiter, 3);
    clock.time = 0;
    expect(limiter.take("telegram", "1").kind).toBe("drop");
  });

  it("GIVEN perMinute 0 (or no settings) THEN nothing is limited", () => {
    expect(tally(send(new RateLimiter({ perMinute: 0, burst: 1 }), 1_000))).toMatchObject({ run: 1_000 });
    expect(tally(send(rateLimiter(undefined), 1_000))).toMatchObject({ run: 1_000 });
  });

  it("GIVEN impossible settings THEN the limiter refuses them", () => {
    expect(() => new RateLimiter({ perMinute: -1, burst: 10 })).toThrow(/perMinute/);
    expect(() => new RateLimiter({ perMinute: 30, burst: 0 })).toThrow(/burst/);
  });

  it("GIVEN many users who came once THEN their buckets are forgotten once full again (memory follows activity)", () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ perMinute: 60, burst: 5 }, clock);
    for (let user = 0; user < 5_000; user++) limiter.take("telegram", String(user));
    expect(limiter.tracked()).toBeGreaterThan(1_000);
    clock.time += 60_000;
    // 5,000 others a minute later: the first ones' buckets are full again, so they go.
    for (let user = 5_000; user < 10_000; user++) limiter.take("telegram", String(user));
    expect(limiter.tracked()).toBeLessThanOrEqual(5_000);
  });
});

describe("slowDownReply", () => {
  it("GIVEN the user's language THEN the answer is in it, private, an error, with whole seconds", () => {
    const en = slowDownReply(translator("en"), 1_500);
    expect(en.text).toContain("too fast");
    expect(en.text).toContain("2 s");
    expect(en).toMatchObject({ private: true, error: true });
    expect(slowDownReply(translator("fr"), 200).text).toContain("trop vite");
    expect(slowDownReply(translator("fr"), 200).text).toContain("1 s");
  });
});
