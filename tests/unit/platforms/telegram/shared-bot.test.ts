import { describe, expect, it, vi } from "vitest";
import type { SendThrottle } from "../../../../src/framework/send-throttle.js";
import type { SharedWork } from "../../../../src/framework/shared-work.js";
import { RecentIds } from "../../../../src/platforms/telegram/recent-ids.js";
import { SharedBot } from "../../../../src/platforms/telegram/shared-bot.js";
import { recordingLogger } from "../../../helpers/recording-logger.js";
import { waitFor } from "../../../helpers/wait-for.js";

/**
 * One bot run by several processes on a shared store (ADR 0104), against a fake SharedWork that
 * records what it is asked and answers what the test says: who polls, who handles an update.
 */
function fakeShared(firstSight: (id: string) => Promise<boolean> = async () => true) {
  const calls: string[] = [];
  let onChange: ((held: boolean) => void) | undefined;
  let apply: ((perSecond: number) => void) | undefined;
  let held = false;
  const shared: SharedWork = {
    pace(budget, total, give) {
      calls.push(`pace ${budget} ${total}`);
      apply = give;
      return { stop: async () => void calls.push("pace stop") };
    },
    elect(name, change) {
      calls.push(`elect ${name}`);
      onChange = change;
      return {
        check: async () => {
          change(held);
          return held;
        },
        stop: async () => void calls.push("election stop"),
      };
    },
    firstSight: async (source, id) => {
      calls.push(`sight ${source} ${id}`);
      return firstSight(id);
    },
  };
  return {
    shared,
    calls,
    hold: (value: boolean) => {
      held = value;
    },
    change: (value: boolean) => onChange?.(value),
    apply: (perSecond: number) => apply?.(perSecond),
  };
}

function fakePoller(events: string[]) {
  let n = 0;
  return () => {
    const id = ++n;
    return {
      start: () => void events.push(`start ${id}`),
      stop: async () => void events.push(`stop ${id}`),
    };
  };
}

describe("SharedBot", () => {
  it("GIVEN pace THEN it joins the bot's budget of 30 a second and hands its share to the throttle; stop leaves it", async () => {
    const fake = fakeShared();
    const bot = new SharedBot(fake.shared, "42", recordingLogger().log);
    const setGlobalPerSecond = vi.fn();
    bot.pace({ setGlobalPerSecond } as unknown as SendThrottle);
    expect(fake.calls).toEqual(["pace telegram:42 30"]);
    fake.apply(10);
    expect(setGlobalPerSecond).toHaveBeenCalledWith(10);
    await bot.stop();
    expect(fake.calls).toContain("pace stop");
    // A second stop has nothing left to stop.
    await bot.stop();
    expect(fake.calls.filter((c) => c === "pace stop")).toHaveLength(1);
  });

  it("GIVEN this process wins the polling lease THEN it polls, stops polling when it loses it, and polls anew when it wins it again", async () => {
    const fake = fakeShared();
    const logs = recordingLogger();
    const bot = new SharedBot(fake.shared, "42", logs.log);
    const events: string[] = [];
    fake.hold(true);
    await bot.elect(fakePoller(events));
    expect(fake.calls).toEqual(["elect telegram-polling:42"]);
    expect(events).toEqual(["start 1"]);
    // A second "held" while polling starts nothing new.
    fake.change(true);
    expect(events).toEqual(["start 1"]);
    fake.change(false);
    fake.change(false);
    expect(events).toEqual(["start 1", "stop 1"]);
    fake.change(true);
    expect(events).toEqual(["start 1", "stop 1", "start 2"]);
    expect(logs.find(/another process polls/)).toBeUndefined();
    await bot.stop();
    expect(fake.calls).toContain("election stop");
    expect(events).toEqual(["start 1", "stop 1", "start 2", "stop 2"]);
  });

  it("GIVEN another process holds the lease THEN this one does not poll and says it will take over", async () => {
    const fake = fakeShared();
    const logs = recordingLogger();
    const bot = new SharedBot(fake.shared, "42", logs.log);
    const events: string[] = [];
    await bot.elect(fakePoller(events));
    expect(events).toEqual([]);
    expect(logs.find(/another process polls; this one takes over if it stops/)?.level).toBe("info");
    await bot.stop();
    expect(events).toEqual([]);
  });

  it("GIVEN updates THEN only those no process saw are accepted, in order, and a failing store lets them through with a warning", async () => {
    const fake = fakeShared(async (id) => {
      if (id === "3") throw new Error("store down");
      return id !== "2";
    });
    const logs = recordingLogger();
    const bot = new SharedBot(fake.shared, "42", logs.log);
    const accepted: number[] = [];
    for (const id of [1, 2, 3, 4]) bot.take(id, () => accepted.push(id));
    await waitFor(() => accepted.length === 3, { what: "three updates accepted" });
    expect(accepted).toEqual([1, 3, 4]);
    expect(fake.calls.filter((c) => c.startsWith("sight"))).toEqual([
      "sight telegram:42 1",
      "sight telegram:42 2",
      "sight telegram:42 3",
      "sight telegram:42 4",
    ]);
    expect(logs.find(/update taken by another process/)?.obj).toEqual({ update: 2 });
    const warning = logs.find(/could not check the update in the store/);
    expect(warning?.level).toBe("warn");
    expect(warning?.obj).toMatchObject({ update: 3 });
  });
});

describe("RecentIds", () => {
  it("GIVEN ids THEN a repeat is refused, and past the capacity the oldest is forgotten first", () => {
    const ids = new RecentIds(2);
    expect(ids.add(1)).toBe(true);
    expect(ids.add(1)).toBe(false);
    expect(ids.add(2)).toBe(true);
    expect(ids.add(3)).toBe(true);
    // 1 was the oldest: forgotten, so it is new again; 3 is still remembered.
    expect(ids.add(3)).toBe(false);
    expect(ids.add(1)).toBe(true);
    // Adding 1 pushed out 2 (the oldest then), not 3.
    expect(ids.add(3)).toBe(false);
    expect(ids.add(2)).toBe(true);
  });
});
