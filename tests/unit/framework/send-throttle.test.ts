import { describe, expect, it } from "vitest";
import { RetryLater, SendThrottle } from "../../../src/framework/send-throttle.js";
import { PACE } from "../../../src/platforms/telegram/limits.js";
import { FakeClock, settle } from "../../helpers/fake-clock.js";

function recorder(clock: FakeClock) {
  const starts: { chat: string; label: string; at: number }[] = [];
  const task = (chat: string, label: string) => async () => {
    starts.push({ chat, label, at: clock.now() });
    return label;
  };
  return { starts, task };
}

// Telegram's pace exercises every limit the throttle has: per chat, per group minute, overall.
describe("SendThrottle at Telegram's pace", () => {
  it("GIVEN three messages to one chat THEN they start one second apart, in order", async () => {
    const clock = new FakeClock();
    const throttle = new SendThrottle(PACE, clock);
    const { starts, task } = recorder(clock);
    const done = ["a", "b", "c"].map((l) => throttle.schedule("1", task("1", l)));
    await clock.advance(5000);
    expect(await Promise.all(done)).toEqual(["a", "b", "c"]);
    expect(starts.map((s) => [s.label, s.at])).toEqual([
      ["a", 0],
      ["b", 1000],
      ["c", 2000],
    ]);
  });

  it("GIVEN two chats THEN each keeps its own pace and neither waits for the other", async () => {
    const clock = new FakeClock();
    const throttle = new SendThrottle(PACE, clock);
    const { starts, task } = recorder(clock);
    for (const l of ["a1", "a2"]) void throttle.schedule("10", task("10", l));
    for (const l of ["b1", "b2"]) void throttle.schedule("20", task("20", l));
    await clock.advance(3000);
    expect(starts.filter((s) => s.at === 0).map((s) => s.label)).toEqual(["a1", "b1"]);
    expect(starts.filter((s) => s.at === 1000).map((s) => s.label)).toEqual(["a2", "b2"]);
  });

  it("GIVEN 21 messages to a group THEN the 21st waits for the minute window (20 per minute)", async () => {
    const clock = new FakeClock();
    const throttle = new SendThrottle(PACE, clock);
    const { starts, task } = recorder(clock);
    for (let i = 0; i < 21; i++) void throttle.schedule("-100", task("-100", String(i)));
    await clock.advance(59_999);
    expect(starts).toHaveLength(20);
    expect(starts[19]?.at).toBe(19_000);
    await clock.advance(1);
    expect(starts).toHaveLength(21);
    expect(starts[20]?.at).toBe(60_000);
  });

  it("GIVEN a private chat THEN the group limit does not apply", async () => {
    const clock = new FakeClock();
    const throttle = new SendThrottle(PACE, clock);
    const { starts, task } = recorder(clock);
    for (let i = 0; i < 21; i++) void throttle.schedule("100", task("100", String(i)));
    await clock.advance(20_000);
    expect(starts).toHaveLength(21);
  });

  it("GIVEN 40 chats at once THEN starts are spread evenly and no second holds more than 30", async () => {
    const clock = new FakeClock();
    const throttle = new SendThrottle(PACE, clock);
    const { starts, task } = recorder(clock);
    for (let i = 0; i < 40; i++) void throttle.schedule(String(i + 1), task(String(i + 1), String(i)));
    await clock.advance(2000);
    expect(starts).toHaveLength(40);
    for (const start of starts) {
      expect(starts.filter((s) => s.at >= start.at && s.at < start.at + 1000).length).toBeLessThanOrEqual(30);
    }
    // Even spacing (1000/30 ms apart, a little early allowed), not a burst of 30 then a wait.
    expect(starts.filter((s) => s.at < 100).length).toBeLessThan(10);
    expect(Math.max(...starts.map((s) => s.at))).toBeLessThanOrEqual(1400);
  });

  it("GIVEN a 429 THEN the chat is held for retry_after, retried first and delivered once, while others flow", async () => {
    const clock = new FakeClock();
    const throttle = new SendThrottle(PACE, clock);
    const attempts: number[] = [];
    let first = true;
    const flaky = async () => {
      attempts.push(clock.now());
      if (first) {
        first = false;
        throw new RetryLater(5000);
      }
      return "delivered";
    };
    const { starts, task } = recorder(clock);
    const held = throttle.schedule("1", flaky);
    const after = throttle.schedule("1", task("1", "second"));
    const other = ["x", "y", "z"].map((l) => throttle.schedule("2", task("2", l)));
    await clock.advance(2500);
    expect(starts.map((s) => s.label)).toEqual(["x", "y", "z"]);
    await clock.advance(10_000);
    expect(await held).toBe("delivered");
    expect(await after).toBe("second");
    await Promise.all(other);
    expect(attempts).toEqual([0, 5000]);
    expect(starts.find((s) => s.label === "second")?.at).toBe(6000);
  });

  it("GIVEN a chat that keeps answering 429 THEN the error is passed on after maxRetries", async () => {
    const clock = new FakeClock();
    const throttle = new SendThrottle({ ...PACE, maxRetries: 2 }, clock);
    let calls = 0;
    const outcome = throttle
      .schedule("1", async () => {
        calls++;
        throw new RetryLater(1000);
      })
      .catch((e: unknown) => e);
    await clock.advance(10_000);
    expect(await outcome).toBeInstanceOf(RetryLater);
    expect(calls).toBe(3);
  });

  it("GIVEN a task that fails THEN its error is returned and the queue goes on", async () => {
    const clock = new FakeClock();
    const throttle = new SendThrottle(PACE, clock);
    const failing = throttle.schedule("1", async () => {
      throw new Error("boom");
    });
    const next = throttle.schedule("1", async () => "ok");
    await clock.advance(1000);
    await expect(failing).rejects.toThrow("boom");
    expect(await next).toBe("ok");
  });

  it("GIVEN close THEN waiting messages are rejected and new ones refused", async () => {
    const clock = new FakeClock();
    const throttle = new SendThrottle(PACE, clock);
    const first = throttle.schedule("1", async () => "sent");
    const second = throttle.schedule("1", async () => "never").catch((e: Error) => e.message);
    await settle();
    throttle.close("shutting down");
    expect(await first).toBe("sent");
    expect(await second).toBe("shutting down");
    await expect(throttle.schedule("1", async () => 1)).rejects.toThrow(/closed/);
    expect(throttle.pending()).toBe(0);
  });
});
