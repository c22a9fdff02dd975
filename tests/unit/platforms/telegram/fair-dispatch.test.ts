import { describe, expect, it } from "vitest";
import { FairDispatcher, type FairLimits } from "../../../../src/platforms/telegram/fair-dispatch.js";
import { FakeClock, settle } from "../../../helpers/fake-clock.js";
import { recordingLogger } from "../../../helpers/recording-logger.js";
import { gate } from "../../../helpers/wait-for.js";

/** A dispatcher whose jobs record when they start and end only when the test opens their gate. */
function setup(limits: Partial<FairLimits> = {}) {
  const clock = new FakeClock();
  const recorder = recordingLogger();
  const dispatcher = new FairDispatcher({ ...limits, log: recorder.log, clock });
  const started: string[] = [];
  const gates = new Map<string, () => void>();
  let running = 0;
  let peak = 0;
  const peakPerChat = new Map<string, number>();
  const runningPerChat = new Map<string, number>();
  const push = (chat: string, label: string) =>
    dispatcher.push(chat, async () => {
      started.push(label);
      running++;
      peak = Math.max(peak, running);
      const mine = (runningPerChat.get(chat) ?? 0) + 1;
      runningPerChat.set(chat, mine);
      peakPerChat.set(chat, Math.max(peakPerChat.get(chat) ?? 0, mine));
      const g = gate();
      gates.set(label, g.open);
      await g.promise;
      running--;
      runningPerChat.set(chat, (runningPerChat.get(chat) ?? 1) - 1);
    });
  const finish = async (label: string) => {
    const open = gates.get(label);
    if (!open) throw new Error(`${label} has not started`);
    open();
    await settle();
  };
  return { dispatcher, clock, recorder, started, push, finish, peak: () => peak, peakPerChat };
}

describe("FairDispatcher: per-chat queues served round-robin", () => {
  it("GIVEN 300 commands queued in one chat THEN a command from another chat starts at once, not after them", async () => {
    const t = setup({ maxQueuedPerChat: 1_000 });
    for (let i = 0; i < 300; i++) t.push("group", `flood-${i}`);
    t.push("private", "help");
    await settle();
    expect(t.started).toContain("help");
    // The flooding chat has only its own share running; the rest waits in its own queue.
    expect(t.started.filter((l) => l.startsWith("flood-"))).toEqual(["flood-0", "flood-1"]);
    expect(t.dispatcher.waiting()).toBe(298);
  });

  it("GIVEN one slot and three chats with a backlog each THEN they take turns: A1 B1 C1 A2 B2 C2 ...", async () => {
    const t = setup({ maxInFlight: 1 });
    t.push("X", "X1");
    for (const chat of ["A", "B", "C"]) for (let i = 1; i <= 3; i++) t.push(chat, `${chat}${i}`);
    await settle();
    for (let i = 0; i < 10; i++) {
      const last = t.started.at(-1);
      if (last) await t.finish(last);
    }
    expect(t.started).toEqual(["X1", "A1", "B1", "C1", "A2", "B2", "C2", "A3", "B3", "C3"]);
  });

  it("GIVEN a chat that joins behind a busy one THEN it waits one turn of it at most", async () => {
    const t = setup({ maxInFlight: 1 });
    for (let i = 1; i <= 5; i++) t.push("A", `A${i}`);
    await settle();
    t.push("B", "B1");
    await t.finish("A1");
    await t.finish("A2");
    expect(t.started).toEqual(["A1", "A2", "B1"]);
  });

  it("GIVEN many chats THEN no more than maxInFlight run in all, and no more than perChat in one chat", async () => {
    const t = setup({ maxInFlight: 5, perChat: 2 });
    for (let c = 0; c < 10; c++) for (let i = 0; i < 4; i++) t.push(`chat${c}`, `${c}-${i}`);
    await settle();
    expect(t.dispatcher.inFlight()).toBe(5);
    // Finish everything, one at a time, in start order.
    for (let done = 0; done < 40; done++) await t.finish(t.started[done] as string);
    expect(t.started).toHaveLength(40);
    expect(t.peak()).toBe(5);
    expect(Math.max(...t.peakPerChat.values())).toBe(2);
    expect(t.dispatcher.inFlight()).toBe(0);
  });

  it("GIVEN a chat's queue full THEN more is refused, logged once, and accepted again once it drains", async () => {
    const t = setup({ perChat: 1, maxQueuedPerChat: 3 });
    const accepted = [0, 1, 2, 3, 4, 5].map((i) => t.push("A", `A${i}`));
    // One running, three waiting, two refused.
    expect(accepted).toEqual([true, true, true, true, false, false]);
    expect(t.recorder.lines.filter((l) => l.level === "warn")).toHaveLength(1);
    expect(t.push("B", "B0")).toBe(true);
    await settle();
    for (const label of ["A0", "A1", "A2", "A3"]) await t.finish(label);
    expect(t.push("A", "A6")).toBe(true);
  });

  it("GIVEN all queues together full THEN new chats are refused, logged once, and not remembered", async () => {
    const t = setup({ perChat: 1, maxInFlight: 1, maxQueued: 2 });
    t.push("A", "A0");
    t.push("A", "A1");
    t.push("B", "B0");
    const refused = Array.from({ length: 50 }, (_, i) => t.push(`chat${i}`, `late${i}`));
    expect(refused.every((ok) => ok === false)).toBe(true);
    expect(t.recorder.lines.filter((l) => l.level === "warn")).toHaveLength(1);
    await settle();
    for (const label of ["A0", "B0", "A1"]) await t.finish(label);
    expect(t.push("C", "C0")).toBe(true);
    await settle();
    expect(t.started).toEqual(["A0", "B0", "A1", "C0"]);
  });

  it("GIVEN a job that hangs THEN its slot is given back after slotTimeoutMs and the chat moves on", async () => {
    const t = setup({ perChat: 1, slotTimeoutMs: 60_000 });
    t.push("A", "hung");
    t.push("A", "next");
    await settle();
    expect(t.started).toEqual(["hung"]);
    await t.clock.advance(59_999);
    expect(t.started).toEqual(["hung"]);
    await t.clock.advance(1);
    expect(t.started).toEqual(["hung", "next"]);
    expect(t.recorder.find(/slot is given back/)).toBeDefined();
    // The hung job ending later does not free a second slot.
    await t.finish("hung");
    expect(t.dispatcher.inFlight()).toBe(1);
  });

  it("GIVEN a job that throws THEN it is logged and its slot freed", async () => {
    const clock = new FakeClock();
    const recorder = recordingLogger();
    const dispatcher = new FairDispatcher({ perChat: 1, log: recorder.log, clock });
    const ran: string[] = [];
    dispatcher.push("A", async () => {
      throw new Error("handler bug");
    });
    dispatcher.push("A", async () => void ran.push("after"));
    await settle();
    expect(ran).toEqual(["after"]);
    expect(recorder.find(/job failed/)?.level).toBe("error");
  });

  it("GIVEN close THEN waiting work is dropped, running work gets its deadline, and new work is refused", async () => {
    const t = setup({ perChat: 1 });
    t.push("A", "A0");
    t.push("A", "A1");
    await settle();
    const closed = t.dispatcher.close(3_000);
    expect(t.push("B", "B0")).toBe(false);
    await t.clock.advance(3_000);
    expect(await closed).toBe(1);
    expect(t.started).toEqual(["A0"]);
  });
});
