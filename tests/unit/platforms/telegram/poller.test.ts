import { describe, expect, it } from "vitest";
import { type GetUpdates, Poller, UNAUTHORIZED_MESSAGE } from "../../../../src/platforms/telegram/poller.js";
import { recordingLogger } from "../../../helpers/recording-logger.js";
import { waitFor } from "../../../helpers/wait-for.js";

const apiError = (code: number, description: string) =>
  Object.assign(new Error(`${code}: ${description}`), {
    code,
    description,
    response: { error_code: code, description },
  });

/** Polls on every turn of the event loop (the poller's work is all promises, no timers). */
const until = (check: () => boolean, what: string) => waitFor(check, { what, intervalMs: 0 });

/** getUpdates answering these batches in turn, then holding the poll open until aborted. */
function scripted(batches: { update_id: number }[][], offsets: number[]): GetUpdates {
  return async ({ offset }, signal) => {
    offsets.push(offset);
    const batch = batches.shift();
    if (batch) return batch;
    return new Promise((_, reject) =>
      signal.addEventListener("abort", () =>
        reject(Object.assign(new Error("aborted"), { name: "AbortError" })),
      ),
    );
  };
}

describe("Poller", () => {
  it("GIVEN a handler that never finishes THEN the next getUpdates is still made, with the next offset", async () => {
    const offsets: number[] = [];
    const batches = [[{ update_id: 10 }, { update_id: 11 }], [{ update_id: 12 }]];
    const poller = new Poller({
      getUpdates: scripted(batches, offsets),
      dispatch: () => new Promise<void>(() => {}),
      log: recordingLogger().log,
    });
    poller.start();
    await until(() => offsets.length === 3, "three polls");
    expect(offsets).toEqual([0, 12, 13]);
    await poller.stop();
  });

  it("GIVEN more updates than could ever run at once, none finishing THEN polling still goes on (the dispatcher bounds the work, per chat)", async () => {
    const offsets: number[] = [];
    const dispatched: number[] = [];
    const batches = [Array.from({ length: 100 }, (_, i) => ({ update_id: i + 1 })), [{ update_id: 101 }]];
    const poller = new Poller({
      getUpdates: scripted(batches, offsets),
      // Queued, never done: a flood whose replies Telegram paces at 20 a minute looks like this.
      dispatch: (update) => {
        dispatched.push(update.update_id);
        return new Promise<void>(() => {});
      },
      log: recordingLogger().log,
    });
    poller.start();
    await until(() => offsets.length === 3, "three polls");
    expect(offsets).toEqual([0, 101, 102]);
    expect(dispatched).toHaveLength(101);
    await poller.stop();
  });

  it("GIVEN 401 THEN polling stops with the clear message", async () => {
    const rec = recordingLogger();
    const fatal: string[] = [];
    let calls = 0;
    const poller = new Poller({
      getUpdates: async () => {
        calls++;
        throw apiError(401, "Unauthorized");
      },
      dispatch: async () => {},
      log: rec.log,
      onFatal: (message) => fatal.push(message),
    });
    poller.start();
    await until(() => fatal.length === 1, "the fatal callback");
    await poller.stop();
    expect(calls).toBe(1);
    expect(fatal).toEqual([UNAUTHORIZED_MESSAGE]);
    expect(rec.find(/TELEGRAM_BOT_TOKEN was rejected by Telegram/)?.level).toBe("error");
  });

  it("GIVEN 409 THEN it logs the conflict and waits (no tight loop) until stopped", async () => {
    const rec = recordingLogger();
    let calls = 0;
    const poller = new Poller({
      getUpdates: async () => {
        calls++;
        throw apiError(409, "Conflict: terminated by other getUpdates request");
      },
      dispatch: async () => {},
      log: rec.log,
    });
    poller.start();
    await until(() => rec.find(/409 Conflict/) !== undefined, "the conflict line");
    for (let i = 0; i < 50; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toBe(1);
    await poller.stop();
    expect(rec.find(/409 Conflict/)?.obj).toMatchObject({ retryInMs: 5000 });
  });
});
