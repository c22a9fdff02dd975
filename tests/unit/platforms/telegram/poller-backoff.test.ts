import { afterEach, describe, expect, it, vi } from "vitest";
import { type GetUpdates, Poller } from "../../../../src/platforms/telegram/poller.js";
import { recordingLogger } from "../../../helpers/recording-logger.js";

/**
 * How the polling loop waits after each kind of failure (fake timers): a network failure 1 s
 * doubling to 30 s, a 409 5 s doubling to 60 s, a 429 what Telegram says; a good poll resets both.
 */
const apiError = (code: number, description: string, parameters?: object) =>
  Object.assign(new Error(`${code}: ${description}`), { code, description, parameters });

afterEach(() => {
  vi.useRealTimers();
});

/** getUpdates answering from `script` in turn (an error is thrown), then a poll held open until aborted. */
function scripted(script: (Error | { update_id: number }[])[]) {
  const params: { offset: number; timeout: number; allowed_updates: string[] }[] = [];
  const getUpdates: GetUpdates = async (p, signal) => {
    params.push(p);
    const next = script.shift();
    if (next instanceof Error) throw next;
    if (next) return next;
    // Held open, as a long poll is, until stop() aborts it.
    return new Promise((_, reject) =>
      signal.addEventListener("abort", () =>
        reject(Object.assign(new Error("aborted"), { name: "AbortError" })),
      ),
    );
  };
  return { getUpdates, params };
}

const waits = (logs: ReturnType<typeof recordingLogger>) =>
  logs.lines.filter((l) => l.level === "warn").map((l) => (l.obj as { retryInMs: number }).retryInMs);

describe("Poller back-off", () => {
  it("GIVEN network failures THEN it waits 1, 2, 4... s up to 30 s; a good poll starts again at 1 s", async () => {
    vi.useFakeTimers();
    const down = () => new Error("ECONNRESET");
    const { getUpdates, params } = scripted([
      down(),
      down(),
      down(),
      down(),
      down(),
      down(),
      down(),
      [],
      down(),
    ]);
    const logs = recordingLogger();
    const poller = new Poller({ getUpdates, dispatch: () => undefined, log: logs.log });
    poller.start();
    await vi.advanceTimersByTimeAsync(200_000);
    expect(waits(logs)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 1_000]);
    expect(logs.find(/getUpdates failed; retrying/)?.obj).toMatchObject({ err: expect.anything() });
    expect(params[0]).toEqual({
      offset: 0,
      timeout: 30,
      allowed_updates: ["message", "channel_post", "callback_query"],
    });
    await poller.stop();
  });

  it("GIVEN one network failure THEN the next poll waits exactly 1 s", async () => {
    vi.useFakeTimers();
    const { getUpdates, params } = scripted([new Error("ECONNRESET")]);
    const poller = new Poller({ getUpdates, dispatch: () => undefined, log: recordingLogger().log });
    poller.start();
    await vi.advanceTimersByTimeAsync(999);
    expect(params).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(params).toHaveLength(2);
    await poller.stop();
  });

  it("GIVEN 409 conflicts THEN it waits 5, 10, 20, 40, 60, 60 s, and a good poll starts again at 5 s", async () => {
    vi.useFakeTimers();
    const conflict = () => apiError(409, "Conflict: terminated by other getUpdates request");
    const { getUpdates } = scripted([
      conflict(),
      conflict(),
      conflict(),
      conflict(),
      conflict(),
      conflict(),
      [],
      conflict(),
    ]);
    const logs = recordingLogger();
    const poller = new Poller({ getUpdates, dispatch: () => undefined, log: logs.log });
    poller.start();
    await vi.advanceTimersByTimeAsync(400_000);
    expect(waits(logs)).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000, 5_000]);
    expect(logs.find(/409 Conflict/)?.obj).toMatchObject({ reason: expect.stringContaining("Conflict") });
    await poller.stop();
  });

  it("GIVEN 429 THEN it waits what Telegram says", async () => {
    vi.useFakeTimers();
    const { getUpdates } = scripted([apiError(429, "Too Many Requests: retry after 7", { retry_after: 7 })]);
    const logs = recordingLogger();
    const poller = new Poller({ getUpdates, dispatch: () => undefined, log: logs.log });
    poller.start();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(waits(logs)).toEqual([7_000]);
    expect(logs.find(/rate-limited; waiting/)?.level).toBe("warn");
    await poller.stop();
  });

  it("GIVEN an update whose dispatch throws THEN it is logged, the others still go, and the offset moves past all of them", async () => {
    const { getUpdates, params } = scripted([[{ update_id: 5 }, { update_id: 9 }, { update_id: 7 }]]);
    const logs = recordingLogger();
    const seen: number[] = [];
    const poller = new Poller({
      getUpdates,
      dispatch: (u) => {
        if (u.update_id === 5) throw new Error("bad update");
        seen.push(u.update_id);
      },
      log: logs.log,
      timeoutSeconds: 3,
      allowedUpdates: ["message"],
    });
    poller.start();
    await vi.waitFor(() => expect(params).toHaveLength(2));
    expect(seen).toEqual([9, 7]);
    expect(params[1]).toEqual({ offset: 10, timeout: 3, allowed_updates: ["message"] });
    const line = logs.find(/dispatching an update failed/);
    expect(line?.level).toBe("error");
    expect(line?.obj).toMatchObject({ update: 5 });
    expect(logs.lines.filter((l) => l.level === "warn")).toEqual([]);
    expect(() => poller.start()).toThrow("the poller is already running");
    await poller.stop();
  });

  it("GIVEN stop during a back-off THEN it returns at once, without another poll", async () => {
    vi.useFakeTimers();
    const { getUpdates, params } = scripted([apiError(409, "Conflict")]);
    const poller = new Poller({ getUpdates, dispatch: () => undefined, log: recordingLogger().log });
    poller.start();
    await vi.advanceTimersByTimeAsync(100);
    await poller.stop();
    await vi.advanceTimersByTimeAsync(100_000);
    expect(params).toHaveLength(1);
  });
});
