import { describe, expect, it } from "vitest";
import { FairDispatcher, type FairLimits } from "../../../../src/platforms/telegram/fair-dispatch.js";
import { FakeClock, settle } from "../../../helpers/fake-clock.js";
import { recordingLogger } from "../../../helpers/recording-logger.js";
import { gate } from "../../../helpers/wait-for.js";

/**
 * A chat that goes quiet and comes back is served again at once, however often; unset limits keep
 * their defaults; a "queue full" warning is said once per overflow, and again for the next one.
 */
function setup(limits: Partial<FairLimits> = {}) {
  const recorder = recordingLogger();
  const dispatcher = new FairDispatcher({ log: recorder.log, clock: new FakeClock(), ...limits });
  const started: string[] = [];
  const gates = new Map<string, () => void>();
  const push = (chat: string, label: string) =>
    dispatcher.push(chat, async () => {
      started.push(label);
      const g = gate();
      gates.set(label, g.open);
      await g.promise;
    });
  const finish = async (label: string) => {
    gates.get(label)?.();
    await settle();
  };
  return { dispatcher, recorder, started, push, finish };
}

describe("FairDispatcher: a chat that comes back", () => {
  it("GIVEN one command at a time, many times over THEN each starts at once (the chat's count goes back down)", async () => {
    const { push, finish, started, dispatcher } = setup({ perChat: 1 });
    for (let i = 0; i < 5; i++) {
      expect(push("c", `j${i}`)).toBe(true);
      await settle();
      expect(started).toHaveLength(i + 1);
      expect(dispatcher.inFlight()).toBe(1);
      await finish(`j${i}`);
      expect(dispatcher.inFlight()).toBe(0);
    }
  });

  it("GIVEN a chat at its per-chat cap THEN the next waits for a slot of that chat, then starts", async () => {
    const { push, finish, started, dispatcher } = setup({ perChat: 2 });
    push("c", "a");
    push("c", "b");
    push("c", "c");
    await settle();
    expect(started).toEqual(["a", "b"]);
    expect(dispatcher.waiting()).toBe(1);
    await finish("a");
    expect(started).toEqual(["a", "b", "c"]);
    expect(dispatcher.waiting()).toBe(0);
  });

  it("GIVEN limits left undefined THEN the defaults hold (two at once per chat)", async () => {
    const { push, started } = setup({ perChat: undefined, maxInFlight: undefined });
    push("c", "a");
    push("c", "b");
    push("c", "c");
    await settle();
    expect(started).toEqual(["a", "b"]);
  });
});

describe("FairDispatcher: the queue-full warning", () => {
  it("GIVEN a chat's queue full twice, with a drain between THEN two warnings, one per overflow", async () => {
    const { push, finish, recorder } = setup({ perChat: 1, maxQueuedPerChat: 1 });
    const warnings = () => recorder.lines.filter((l) => /too many commands waiting/.test(l.msg ?? ""));
    push("c", "run1");
    push("c", "wait1");
    await settle();
    expect(push("c", "x")).toBe(false);
    expect(push("c", "y")).toBe(false);
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]?.obj).toEqual({ chat: "c", waiting: 1, queued: 1 });
    // The waiting one starts: the queue drained, so the next overflow is a new one.
    await finish("run1");
    push("c", "wait2");
    expect(push("c", "z")).toBe(false);
    expect(warnings()).toHaveLength(2);
  });

  it("GIVEN all queues full THEN one warning for all; again only after they are down to half", async () => {
    const { push, finish, recorder } = setup({ perChat: 1, maxInFlight: 1, maxQueued: 4 });
    const warnings = () => recorder.lines.filter((l) => /too many commands waiting/.test(l.msg ?? ""));
    push("a", "a0");
    for (const chat of ["b", "c", "d", "e"]) push(chat, `${chat}1`);
    await settle();
    expect(push("f", "f1")).toBe(false);
    expect(push("g", "g1")).toBe(false);
    expect(warnings().map((w) => (w.obj as { chat: string }).chat)).toEqual(["all"]);
    // One starts: 3 of 4 waiting, still over half: a new overflow is the same one, not logged.
    await finish("a0");
    push("h", "h1");
    expect(push("i", "i1")).toBe(false);
    expect(warnings()).toHaveLength(1);
    // Down to half (2 waiting): the next overflow is logged again.
    await finish("b1");
    await finish("c1");
    push("j", "j1");
    push("k", "k1");
    expect(push("l", "l1")).toBe(false);
    expect(warnings()).toHaveLength(2);
  });
});
