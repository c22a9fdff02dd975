import type { Telegram } from "telegraf";
import { describe, expect, it } from "vitest";
import type { Reply } from "../../../../src/domain/reply.js";
import { ActionCodec } from "../../../../src/framework/actions.js";
import { textReply } from "../../../../src/framework/reply.js";
import { SendThrottle } from "../../../../src/framework/send-throttle.js";
import { PacedSender, toChatId } from "../../../../src/platforms/telegram/paced-sender.js";
import { recordingLogger } from "../../../helpers/recording-logger.js";

/**
 * Where each message of a reply goes and what it carries (paced-sender.ts), against a fake Bot API
 * that records calls and fails on cue with Telegram's own error shapes: parts in order with the
 * buttons on the last, reply-to on the first, a group that became a supergroup followed, HTML
 * Telegram refuses resent as plain text, edits for paging.
 */
const TELEGRAM_MESSAGE_LIMIT = 4096;

type Call = {
  method: string;
  chatId: number | string;
  text?: string;
  messageId?: number;
  // biome-ignore lint/suspicious/noExplicitAny: recorded Bot API options, asserted field by field
  extra: Record<string, any>;
};
const apiError = (code: number, description: string, parameters?: object) =>
  Object.assign(new Error(`${code}: ${description}`), { code, description, parameters });

function setup() {
  const calls: Call[] = [];
  const failures: Error[] = [];
  let nextId = 500;
  const api = {
    sendMessage: async (chatId: number | string, text: string, extra: Record<string, unknown>) => {
      calls.push({ method: "sendMessage", chatId, text, extra });
      const failure = failures.shift();
      if (failure) throw failure;
      return { message_id: ++nextId };
    },
    editMessageText: async (
      chatId: number | string,
      messageId: number,
      _inline: undefined,
      text: string,
      extra: Record<string, unknown>,
    ) => {
      calls.push({ method: "editMessageText", chatId, messageId, text, extra });
      const failure = failures.shift();
      if (failure) throw failure;
      return true;
    },
  } as unknown as Telegram;
  const logs = recordingLogger();
  const throttle = new SendThrottle({ globalPerSecond: 1000 });
  const sender = new PacedSender(api, throttle, new ActionCodec(64), logs.log, (t) =>
    t.replaceAll("SECRET", "[token]"),
  );
  return { sender, calls, failures, logs };
}

const longReply = (): Reply =>
  textReply(Array.from({ length: 60 }, (_, i) => `Paragraph ${i} ${"word ".repeat(30)}`).join("\n\n"), {
    buttons: [{ label: "More", action: { command: "news", args: { page: 2 } } }],
  });

describe("PacedSender.send", () => {
  it("GIVEN a reply longer than a message THEN the parts go in order, reply-to on the first only, the buttons on the last only, all in the topic", async () => {
    const { sender, calls } = setup();
    const sent = await sender.send({ chatId: "-100200", replyTo: 9, threadId: 4 }, longReply());
    expect(calls.length).toBeGreaterThan(1);
    expect(sent).toEqual({ messageIds: calls.map((_, i) => 501 + i), chatId: "-100200" });
    for (const [i, call] of calls.entries()) {
      expect(call.chatId).toBe(-100200);
      expect((call.text ?? "").length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
      expect(call.extra.parse_mode).toBe("HTML");
      expect(call.extra.message_thread_id).toBe(4);
      expect(call.extra.reply_parameters).toEqual(
        i === 0 ? { message_id: 9, allow_sending_without_reply: true } : undefined,
      );
      expect(call.extra.reply_markup === undefined).toBe(i < calls.length - 1);
      // Not a single article: no link preview.
      expect(call.extra.link_preview_options).toEqual({ is_disabled: true });
    }
    expect(calls.map((c) => c.text).join("\n")).toContain("Paragraph 59");
  });

  it("GIVEN one card THEN its link may show a preview", async () => {
    const { sender, calls } = setup();
    await sender.send(
      { chatId: "1" },
      { text: "", cards: [{ title: "T", url: "https://example.org/a", body: [] }] },
    );
    expect(calls[0]?.extra.link_preview_options).toEqual({ is_disabled: false });
    expect(calls[0]?.extra.reply_parameters).toBeUndefined();
  });

  it("GIVEN a group that became a supergroup THEN the message follows it, the result says where, and later sends go straight there", async () => {
    const { sender, calls, failures, logs } = setup();
    failures.push(
      apiError(400, "Bad Request: group chat was upgraded to a supergroup chat", {
        migrate_to_chat_id: -100777,
      }),
    );
    const sent = await sender.send({ chatId: "-55" }, textReply("hello"));
    expect(calls.map((c) => c.chatId)).toEqual([-55, -100777]);
    expect(sent).toEqual({ messageIds: [501], chatId: "-100777", movedTo: "-100777" });
    expect(logs.find(/became a supergroup/)?.obj).toEqual({ chat: "-55", movedTo: "-100777" });
    const again = await sender.send({ chatId: "-55" }, textReply("again"));
    expect(calls.at(-1)?.chatId).toBe(-100777);
    expect(again.movedTo).toBe("-100777");
  });

  it("GIVEN HTML Telegram cannot parse THEN it is logged and resent once as plain text; refused again THEN a transient error", async () => {
    const { sender, calls, failures, logs } = setup();
    failures.push(apiError(400, "Bad Request: can't parse entities: unsupported start tag"));
    await sender.send({ chatId: "1" }, textReply("a <b> & c"));
    expect(calls).toHaveLength(2);
    expect(calls[0]?.extra.parse_mode).toBe("HTML");
    expect(calls[1]?.extra.parse_mode).toBeUndefined();
    expect(calls[1]?.text).toBe("a <b> & c");
    expect(logs.find(/HTML rejected; resending as plain text/)?.level).toBe("error");

    const twice = setup();
    twice.failures.push(
      apiError(400, "Bad Request: can't parse entities"),
      apiError(400, "Bad Request: can't parse entities"),
    );
    await expect(twice.sender.send({ chatId: "1" }, textReply("x"))).rejects.toMatchObject({
      kind: "transient",
    });
    expect(twice.calls).toHaveLength(2);
  });

  it("GIVEN a chat that blocked the bot THEN a permanent error with Telegram's reason, and a warning", async () => {
    const { sender, failures, logs } = setup();
    failures.push(apiError(403, "Forbidden: bot was blocked by the user SECRET"));
    await expect(sender.send({ chatId: "1" }, textReply("x"))).rejects.toMatchObject({
      kind: "permanent",
      message: "Forbidden: bot was blocked by the user [token]",
    });
    expect(logs.find(/chat inactive/)?.level).toBe("warn");
  });

  it("GIVEN a server error THEN a transient error with its description, scrubbed", async () => {
    const { sender, failures } = setup();
    failures.push(apiError(502, "Bad Gateway SECRET"));
    await expect(sender.send({ chatId: "1" }, textReply("x"))).rejects.toMatchObject({
      kind: "transient",
      message: "Bad Gateway [token]",
    });
  });

  it("GIVEN a group that keeps moving THEN it gives up after three tries", async () => {
    const { sender, failures, calls } = setup();
    for (const to of [-1001, -1002, -1003])
      failures.push(apiError(400, "Bad Request: migrated", { migrate_to_chat_id: to }));
    await expect(sender.send({ chatId: "-1" }, textReply("x"))).rejects.toMatchObject({
      kind: "transient",
      message: "gave up after following a migration and a markup fallback",
    });
    expect(calls).toHaveLength(3);
  });
});

describe("PacedSender.edit", () => {
  it("GIVEN a page that fits THEN the message is edited in place with its buttons", async () => {
    const { sender, calls } = setup();
    const reply = textReply("page 2", {
      buttons: [{ label: "Next", action: { command: "news", args: {} } }],
    });
    const sent = await sender.edit({ chatId: "-100200" }, 77, reply);
    expect(sent).toEqual({ messageIds: [77], chatId: "-100200" });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      method: "editMessageText",
      chatId: -100200,
      messageId: 77,
      text: "page 2",
    });
    expect(calls[0]?.extra.parse_mode).toBe("HTML");
    expect(calls[0]?.extra.reply_markup?.inline_keyboard?.[0]?.[0]?.text).toBe("Next");
  });

  it("GIVEN a page longer than a message THEN the first part is edited in without buttons, the rest sent after it", async () => {
    const { sender, calls } = setup();
    const sent = await sender.edit({ chatId: "5" }, 77, longReply());
    expect(calls[0]?.method).toBe("editMessageText");
    expect(calls[0]?.extra.reply_markup).toBeUndefined();
    expect(calls.slice(1).every((c) => c.method === "sendMessage")).toBe(true);
    expect(calls.at(-1)?.extra.reply_markup).toBeDefined();
    expect(sent.messageIds[0]).toBe(77);
    expect(sent.messageIds).toHaveLength(calls.length);
  });

  it("GIVEN the same text again (not modified) THEN nothing more is sent", async () => {
    const { sender, calls, failures } = setup();
    failures.push(apiError(400, "Bad Request: message is not modified"));
    const sent = await sender.edit({ chatId: "5" }, 77, textReply("same"));
    expect(sent).toEqual({ messageIds: [77], chatId: "5" });
    expect(calls).toHaveLength(1);
  });

  it("GIVEN an edit Telegram refuses THEN the page is sent as a new message instead", async () => {
    const { sender, calls, failures, logs } = setup();
    failures.push(apiError(400, "Bad Request: message to edit not found"));
    const sent = await sender.edit({ chatId: "5" }, 77, textReply("page 3"));
    expect(calls.map((c) => c.method)).toEqual(["editMessageText", "sendMessage"]);
    expect(sent.messageIds).toEqual([501]);
    expect(logs.find(/edit failed; sending a new message instead/)?.level).toBe("debug");
  });
});

describe("toChatId", () => {
  it("GIVEN ids THEN numeric ones become numbers and the rest stay text", () => {
    expect(toChatId("-1001234")).toBe(-1001234);
    expect(toChatId("42")).toBe(42);
    expect(toChatId("@news_channel")).toBe("@news_channel");
    expect(toChatId("12a")).toBe("12a");
    expect(toChatId("99999999999999999999")).toBe("99999999999999999999");
  });
});
