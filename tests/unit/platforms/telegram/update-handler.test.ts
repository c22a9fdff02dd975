import type { Telegram } from "telegraf";
import { afterEach, describe, expect, it, vi } from "vitest";
import { systemClock } from "../../../../src/domain/clock.js";
import { PublishError } from "../../../../src/domain/publisher.js";
import type { Reply } from "../../../../src/domain/reply.js";
import { ActionCodec } from "../../../../src/framework/actions.js";
import { defineCommand, type Services } from "../../../../src/framework/command.js";
import { RateLimiter } from "../../../../src/framework/rate-limit.js";
import { textReply } from "../../../../src/framework/reply.js";
import { registry } from "../../../../src/framework/run-command.js";
import type { ModeratorCheck } from "../../../../src/platforms/telegram/moderator-check.js";
import type { PacedSender, Target } from "../../../../src/platforms/telegram/paced-sender.js";
import type { RawChat, RawUpdate } from "../../../../src/platforms/telegram/parse-update.js";
import { UpdateHandler } from "../../../../src/platforms/telegram/update-handler.js";
import { FakeClock } from "../../../helpers/fake-clock.js";
import { recordingLogger } from "../../../helpers/recording-logger.js";
import { gate } from "../../../helpers/wait-for.js";

/**
 * What a Telegram user sees for a command or a button press (update-handler.ts), with fakes for the
 * Bot API and the paced sender: where the reply goes, "typing…" for slow work, one answer per press
 * (a toast for errors, an edit for paging), what a failed send does, and the apology.
 */
const d = { en: "x", fr: "x" };
const hold = { gate: gate() };
const commands = registry([
  defineCommand({
    name: "ping",
    description: d,
    access: "everyone",
    options: [] as const,
    run: async (ctx) => textReply(`pong ${ctx.user.name} ${await ctx.isModerator()}`),
  }),
  defineCommand({
    name: "slow",
    description: d,
    access: "everyone",
    options: [] as const,
    async run() {
      await hold.gate.promise;
      return textReply("slow done");
    },
  }),
  defineCommand({
    name: "page",
    description: d,
    access: "everyone",
    options: [] as const,
    run: () => textReply("page 2", { replacesOriginal: true }),
  }),
  defineCommand({
    name: "boom",
    description: d,
    access: "everyone",
    options: [] as const,
    run: () => {
      throw new Error("kaboom");
    },
  }),
  defineCommand({
    name: "mod",
    description: d,
    access: "moderator",
    options: [] as const,
    run: () => textReply("moderated"),
  }),
]);

function setup(
  options: { send?: (target: Target, reply: Reply) => Promise<unknown>; answerFails?: boolean } = {},
) {
  const logs = recordingLogger();
  const sent: { target: Target; reply: Reply }[] = [];
  const edits: { target: Target; messageId: number; reply: Reply }[] = [];
  const toasts: { id: string; text?: string; alert: boolean }[] = [];
  const actions: unknown[][] = [];
  const moderatorAsks: unknown[][] = [];
  const pacedSender = {
    send: async (target: Target, reply: Reply) => {
      sent.push({ target, reply });
      if (options.send) return options.send(target, reply);
      return { messageIds: [1], chatId: target.chatId };
    },
    edit: async (target: Target, messageId: number, reply: Reply) => {
      edits.push({ target, messageId, reply });
      return { messageIds: [messageId], chatId: target.chatId };
    },
  } as unknown as PacedSender;
  const api = {
    sendChatAction: async (...args: unknown[]) => {
      actions.push(args);
      return true;
    },
    answerCbQuery: async (id: string, text?: string, extra?: { show_alert?: boolean }) => {
      toasts.push({ id, text, alert: extra?.show_alert === true });
      if (options.answerFails) throw new Error("query is too old");
      return true;
    },
  } as unknown as Telegram;
  const codec = new ActionCodec(64);
  const handler = new UpdateHandler({
    api,
    commands,
    services: { log: logs.log, clock: systemClock } as unknown as Services,
    defaultLocale: "en",
    pacedSender,
    moderators: {
      isModerator: async (...args: unknown[]) => {
        moderatorAsks.push(args);
        return true;
      },
    } as unknown as ModeratorCheck,
    codec,
    log: logs.log,
    limiter: new RateLimiter({ perMinute: 600, burst: 100 }, new FakeClock()),
  });
  const run = async (update: RawUpdate) => {
    const job = handler.triage(update, "newsdesk_bot");
    if (!job) throw new Error("no job");
    await job.run();
    return job;
  };
  return { handler, run, sent, edits, toasts, actions, moderatorAsks, codec, logs };
}

const GROUP: RawChat = { id: -1001, type: "supergroup", title: "G" };
const PRIVATE: RawChat = { id: 42, type: "private" };
let nextId = 1;
const message = (text: string, chat: RawChat, extra: object = {}): RawUpdate => {
  const id = nextId++;
  return {
    update_id: id,
    message: {
      message_id: 100 + id,
      text,
      chat,
      from: { id: 42, first_name: "Ann", language_code: "en" },
      ...extra,
    },
  };
};
const press = (data: string, options: { chat?: RawChat | null; language?: string } = {}): RawUpdate => {
  const id = nextId++;
  const chat = options.chat === undefined ? GROUP : options.chat;
  return {
    update_id: id,
    callback_query: {
      id: `q${id}`,
      from: { id: 42, first_name: "Ann", language_code: options.language ?? "en" },
      data,
      ...(chat ? { message: { message_id: 7, chat } } : {}),
    },
  };
};

afterEach(() => {
  vi.useRealTimers();
});

describe("GIVEN a command", () => {
  it("WHEN it comes in a group THEN the reply threads under it, in its chat's queue, and the moderator check asks about that chat and sender", async () => {
    const { run, sent, moderatorAsks } = setup();
    const update = message("/ping", GROUP);
    const job = await run(update);
    expect(job.chat).toBe("-1001");
    expect(sent).toHaveLength(1);
    expect(sent[0]?.target).toEqual({
      chatId: "-1001",
      threadId: undefined,
      replyTo: update.message?.message_id,
    });
    expect(sent[0]?.reply.text).toBe("pong Ann true");
    expect(moderatorAsks).toEqual([[GROUP, expect.objectContaining({ id: "42" })]]);
  });

  it("WHEN it comes in a private chat or a forum topic THEN no reply-to in private, the topic's thread in a forum", async () => {
    const { run, sent } = setup();
    await run(message("/ping", PRIVATE));
    expect(sent[0]?.target).toEqual({ chatId: "42", threadId: undefined, replyTo: undefined });
    const topic = message(
      "/ping",
      { id: -1003, type: "group" },
      { message_thread_id: 9, is_topic_message: true },
    );
    await run(topic);
    expect(sent[1]?.target).toEqual({ chatId: "-1003", threadId: 9, replyTo: topic.message?.message_id });
  });

  it("WHEN the command takes more than half a second THEN the chat sees typing… once, in the topic; a quick one shows none", async () => {
    vi.useFakeTimers();
    const { handler, actions } = setup();
    await handler.triage(message("/ping", GROUP), "newsdesk_bot")?.run();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(actions).toEqual([]);
    hold.gate = gate();
    const slow = handler
      .triage(message("/slow", GROUP, { message_thread_id: 3, is_topic_message: true }), "newsdesk_bot")
      ?.run();
    await vi.advanceTimersByTimeAsync(499);
    expect(actions).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(actions).toEqual([[-1001, "typing", { message_thread_id: 3 }]]);
    hold.gate.open();
    await slow;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(actions).toHaveLength(1);
  });

  it("WHEN the send fails for a while THEN it is logged, not thrown; a permanent failure is left to the sender's own log", async () => {
    const transient = setup({
      send: async () => {
        throw new PublishError("transient", "network down");
      },
    });
    await transient.run(message("/ping", GROUP));
    const line = transient.logs.find(/reply not delivered/);
    expect(line?.level).toBe("warn");
    expect(line?.obj).toEqual({ chat: "-1001", kind: "transient", reason: "network down" });
    const permanent = setup({
      send: async () => {
        throw new PublishError("permanent", "blocked");
      },
    });
    await permanent.run(message("/ping", GROUP));
    expect(permanent.logs.find(/reply not delivered/)).toBeUndefined();
    expect(permanent.sent).toHaveLength(1);
  });

  it("WHEN sending breaks in an unexpected way THEN the user gets the apology in their language, with a reference", async () => {
    let calls = 0;
    const { run, sent, logs } = setup({
      send: async (_t, reply) => {
        calls += 1;
        if (calls === 1) throw new Error("renderer broke");
        return { messageIds: [2], chatId: "x", reply };
      },
    });
    const update = message("/ping", GROUP);
    if (update.message?.from) update.message.from.language_code = "fr";
    await run(update);
    expect(sent).toHaveLength(2);
    expect(sent[1]?.target).toEqual({ chatId: "-1001" });
    expect(sent[1]?.reply.text).toMatch(/^Une erreur s’est produite \(réf\. [0-9a-f]+\)/);
    expect(sent[1]?.reply.error).toBe(true);
    expect(logs.lines.some((l) => l.level === "error")).toBe(true);
  });

  it("WHEN even the apology cannot be sent THEN it is logged as a warning", async () => {
    const { run, logs } = setup({
      send: async () => {
        throw new Error("socket closed");
      },
    });
    await run(message("/ping", PRIVATE));
    const line = logs.find(/could not send the apology/);
    expect(line?.level).toBe("warn");
    expect(line?.obj).toMatchObject({ chat: 42 });
  });
});

describe("GIVEN a button press", () => {
  it("WHEN it runs a command THEN the press is answered once without a word and the reply is a new message in the chat", async () => {
    const { run, sent, toasts, codec } = setup();
    const job = await run(press(codec.encode({ command: "ping", args: {} })));
    expect(job.chat).toBe("-1001");
    expect(toasts).toEqual([{ id: expect.stringMatching(/^q/), text: undefined, alert: false }]);
    expect(sent.map((s) => [s.target, s.reply.text])).toEqual([
      [{ chatId: "-1001", threadId: undefined }, "pong Ann true"],
    ]);
  });

  it("WHEN the reply replaces the original THEN the message the button was on is edited", async () => {
    const { run, sent, edits, codec } = setup();
    await run(press(codec.encode({ command: "page", args: {} })));
    expect(sent).toEqual([]);
    expect(edits.map((e) => [e.target.chatId, e.messageId, e.reply.text])).toEqual([["-1001", 7, "page 2"]]);
  });

  it("WHEN the command refuses or fails THEN the error is a toast (an alert), not a message", async () => {
    const { run, sent, toasts, codec } = setup();
    await run(press(codec.encode({ command: "boom", args: {} })));
    expect(sent).toEqual([]);
    expect(toasts).toHaveLength(1);
    expect(toasts[0]?.alert).toBe(true);
    expect(toasts[0]?.text).toMatch(/^Something went wrong \(ref [0-9a-f]+\)/);
  });

  it("WHEN the button's data is unknown, or the message is gone THEN the toast says the button expired, in the presser's language", async () => {
    const { run, sent, toasts, codec } = setup();
    await run(press("~not-an-action", { language: "fr" }));
    await run(press(codec.encode({ command: "ping", args: {} }), { chat: null }));
    expect(sent).toEqual([]);
    expect(toasts.map((t) => [t.text, t.alert])).toEqual([
      ["Ce bouton a expiré. Relancez la commande.", true],
      ["This button has expired. Run the command again.", true],
    ]);
  });

  it("WHEN a button press has no message THEN its work queues under the presser", () => {
    const { handler, codec } = setup();
    const job = handler.triage(
      press(codec.encode({ command: "ping", args: {} }), { chat: null }),
      "newsdesk_bot",
    );
    expect(job?.chat).toBe("from:42");
  });

  it("WHEN the command is slow THEN the press is acknowledged after 1.5 s, once, and the reply still comes", async () => {
    vi.useFakeTimers();
    const { handler, toasts, sent, codec } = setup();
    hold.gate = gate();
    const job = handler.triage(press(codec.encode({ command: "slow", args: {} })), "newsdesk_bot")?.run();
    await vi.advanceTimersByTimeAsync(1_499);
    expect(toasts).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(toasts).toHaveLength(1);
    hold.gate.open();
    await job;
    expect(toasts).toHaveLength(1);
    expect(sent.map((s) => s.reply.text)).toEqual(["slow done"]);
  });

  it("WHEN answering the press fails THEN it is logged at debug and the reply is still sent", async () => {
    const { run, sent, logs, codec } = setup({ answerFails: true });
    await run(press(codec.encode({ command: "ping", args: {} })));
    expect(sent).toHaveLength(1);
    expect(logs.find(/answerCallbackQuery failed/)?.level).toBe("debug");
  });

  it("WHEN the error is longer than a toast takes THEN it is clipped to Telegram's 200 characters", async () => {
    const long = registry([
      defineCommand({
        name: "long",
        description: d,
        access: "everyone",
        options: [] as const,
        run: () => textReply("é".repeat(300), { error: true }),
      }),
    ]);
    const toasts: (string | undefined)[] = [];
    const codec = new ActionCodec(64);
    const handler = new UpdateHandler({
      api: {
        answerCbQuery: async (_id: string, text?: string) => {
          toasts.push(text);
          return true;
        },
      } as unknown as Telegram,
      commands: long,
      services: { log: recordingLogger().log, clock: systemClock } as unknown as Services,
      defaultLocale: "en",
      pacedSender: {} as PacedSender,
      moderators: {} as ModeratorCheck,
      codec,
      log: recordingLogger().log,
      limiter: new RateLimiter({ perMinute: 600, burst: 100 }, new FakeClock()),
    });
    await handler.triage(press(codec.encode({ command: "long", args: {} })), "newsdesk_bot")?.run();
    expect(toasts).toEqual(["é".repeat(200)]);
  });
});
