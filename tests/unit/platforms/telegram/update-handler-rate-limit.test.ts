import type { Telegram } from "telegraf";
import { describe, expect, it } from "vitest";
import { systemClock } from "../../../../src/domain/clock.js";
import type { Reply } from "../../../../src/domain/reply.js";
import { ActionCodec } from "../../../../src/framework/actions.js";
import { defineCommand, type Services } from "../../../../src/framework/command.js";
import { RateLimiter } from "../../../../src/framework/rate-limit.js";
import { textReply } from "../../../../src/framework/reply.js";
import { registry } from "../../../../src/framework/run-command.js";
import type { ModeratorCheck } from "../../../../src/platforms/telegram/moderator-check.js";
import type { PacedSender, Target } from "../../../../src/platforms/telegram/paced-sender.js";
import type { RawUpdate } from "../../../../src/platforms/telegram/parse-update.js";
import { UpdateHandler } from "../../../../src/platforms/telegram/update-handler.js";
import { FakeClock } from "../../../helpers/fake-clock.js";
import { recordingLogger } from "../../../helpers/recording-logger.js";

/** The Telegram side of the per-user limit: decided on arrival, one "slow down", then silence. */

const d = { en: "x", fr: "x" };
const commands = registry([
  defineCommand({
    name: "ping",
    description: d,
    access: "everyone",
    options: [] as const,
    run: () => textReply("pong"),
  }),
]);

function setup(burst: number) {
  const recorder = recordingLogger();
  const sent: { target: Target; reply: Reply }[] = [];
  const toasts: { text?: string; alert: boolean }[] = [];
  const pacedSender = {
    send: async (target: Target, reply: Reply) => {
      sent.push({ target, reply });
      return { messageIds: [1], chatId: target.chatId };
    },
    edit: async () => ({ messageIds: [1], chatId: "0" }),
  } as unknown as PacedSender;
  const api = {
    sendChatAction: async () => true,
    answerCbQuery: async (_id: string, text?: string, extra?: { show_alert?: boolean }) => {
      toasts.push({ text, alert: extra?.show_alert === true });
      return true;
    },
  } as unknown as Telegram;
  const codec = new ActionCodec(64);
  const handler = new UpdateHandler({
    api,
    commands,
    services: { log: recorder.log, clock: systemClock } as unknown as Services,
    defaultLocale: "en",
    pacedSender,
    moderators: { isModerator: async () => false } as unknown as ModeratorCheck,
    codec,
    log: recorder.log,
    limiter: new RateLimiter({ perMinute: 30, burst }, new FakeClock()),
  });
  return { handler, sent, toasts, codec };
}

let nextId = 1;
const message = (userId: number, chatId: number, text: string, language = "fr"): RawUpdate => {
  const id = nextId++;
  return {
    update_id: id,
    message: {
      message_id: id,
      text,
      chat: { id: chatId, type: chatId < 0 ? "supergroup" : "private" },
      from: { id: userId, first_name: `U${userId}`, language_code: language },
    },
  };
};

describe("UpdateHandler.triage: the per-user limit on Telegram", () => {
  it("GIVEN a user over the limit across two chats THEN one slow-down in their language, then nothing, and others still answered", async () => {
    const { handler, sent } = setup(3);
    const jobs = [];
    for (let i = 0; i < 20; i++)
      jobs.push(handler.triage(message(7, i % 2 ? -1001 : 7, "/ping"), "newsdesk_bot"));
    // Three run, the fourth becomes the warning, the other sixteen are dropped on arrival.
    expect(jobs.filter(Boolean)).toHaveLength(4);
    expect(jobs.slice(4).every((job) => job === null)).toBe(true);
    const neighbour = handler.triage(message(8, -1001, "/ping", "en"), "newsdesk_bot");
    expect(neighbour?.chat).toBe("-1001");
    for (const job of [...jobs, neighbour]) await job?.run();
    const texts = sent.map((s) => s.reply.text);
    expect(texts.filter((t) => t === "pong")).toHaveLength(4);
    const warnings = sent.filter((s) => s.reply.text?.includes("trop vite"));
    expect(warnings).toHaveLength(1);
    // The fourth command was sent in the group: the warning answers it there, under it.
    expect(warnings[0]?.target).toMatchObject({ chatId: "-1001", replyTo: expect.any(Number) });
  });

  it("GIVEN messages that are not commands THEN they cost the user nothing", async () => {
    const { handler } = setup(2);
    for (let i = 0; i < 10; i++)
      expect(handler.triage(message(9, -1001, "hello there"), "newsdesk_bot")).toBeNull();
    expect(handler.triage(message(9, -1001, "/ping"), "newsdesk_bot")).not.toBeNull();
    expect(handler.triage(message(9, -1001, "/ping"), "newsdesk_bot")).not.toBeNull();
  });

  it("GIVEN button presses over the limit THEN one toast says slow down, no message is posted, later presses are only acknowledged, silently", async () => {
    const { handler, sent, toasts, codec } = setup(1);
    const press = (): RawUpdate => {
      const id = nextId++;
      return {
        update_id: id,
        callback_query: {
          id: `q${id}`,
          from: { id: 11, first_name: "Presser", language_code: "en" },
          data: codec.encode({ command: "ping", args: {} }),
          message: { message_id: 5, chat: { id: -1002, type: "supergroup" } },
        },
      };
    };
    const jobs = [press(), press(), press()].map((u) => handler.triage(u, "newsdesk_bot"));
    for (const job of jobs) await job?.run();
    expect(sent.map((s) => s.reply.text)).toEqual(["pong"]);
    const alerts = toasts.filter((t) => t.alert);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.text).toContain("too fast");
    // Every press is acknowledged (no spinning button), the dropped one without a word.
    expect(toasts).toHaveLength(3);
    expect(toasts[2]).toEqual({ text: undefined, alert: false });
  });
});
