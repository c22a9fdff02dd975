import { describe, expect, it } from "vitest";
import { defineCommand } from "../../../../src/framework/command.js";
import { registry } from "../../../../src/framework/run-command.js";
import {
  GROUP_ANONYMOUS_BOT,
  parseUpdate,
  type RawUpdate,
} from "../../../../src/platforms/telegram/parse-update.js";

const news = defineCommand({
  name: "news",
  description: { en: "News", fr: "Actualité" },
  access: "everyone",
  options: [{ name: "query", type: "string", description: { en: "q", fr: "q" } }] as const,
  run: () => ({ cards: [] }),
});
const help = defineCommand({
  name: "help",
  description: { en: "Help", fr: "Aide" },
  access: "everyone",
  options: [] as const,
  run: () => ({ cards: [] }),
});
const commands = registry([news, help]);

const message = (text: string, chat = { id: 7, type: "private" }, extra: object = {}): RawUpdate => ({
  update_id: 1,
  message: { message_id: 10, text, chat, from: { id: 7, first_name: "Ada", language_code: "fr" }, ...extra },
});

describe("parseUpdate", () => {
  it("GIVEN /news@Bot with words THEN the last option takes the rest of the line", () => {
    const incoming = parseUpdate(
      message("/news@NewsdeskBot bitcoin mining in 2025"),
      "newsdeskbot",
      commands,
    );
    expect(incoming?.kind).toBe("command");
    if (incoming?.kind !== "command") return;
    expect(incoming.line.args).toEqual({ query: "bitcoin mining in 2025" });
    expect(incoming.sender).toMatchObject({ id: "7", name: "Ada", languageCode: "fr" });
  });

  it("GIVEN a command addressed to another bot THEN it is ignored", () => {
    expect(parseUpdate(message("/news@OtherBot bitcoin"), "NewsdeskBot", commands)).toBeNull();
  });

  it("GIVEN an unknown command THEN a group ignores it, a private chat answers it", () => {
    const inGroup = message("/weather", { id: -5, type: "group" });
    expect(parseUpdate(inGroup, "NewsdeskBot", commands)).toBeNull();
    expect(parseUpdate(message("/weather"), "NewsdeskBot", commands)?.kind).toBe("command");
    expect(
      parseUpdate(message("/weather@NewsdeskBot", { id: -5, type: "group" }), "NewsdeskBot", commands)?.kind,
    ).toBe("command");
  });

  it("GIVEN /start in a private chat THEN it is answered as /help", () => {
    const incoming = parseUpdate(message("/start"), "NewsdeskBot", commands);
    expect(incoming?.kind === "command" && incoming.line.command).toBe("help");
  });

  it("GIVEN plain text, or a message from a bot THEN nothing to do", () => {
    expect(parseUpdate(message("hello"), "NewsdeskBot", commands)).toBeNull();
    const fromBot: RawUpdate = {
      update_id: 2,
      message: { text: "/news", chat: { id: -5, type: "group" }, from: { id: 99, is_bot: true } },
    };
    expect(parseUpdate(fromBot, "NewsdeskBot", commands)).toBeNull();
  });

  it("GIVEN an anonymous admin THEN the sender is the group itself", () => {
    const chat = { id: -100, type: "supergroup", title: "Room" };
    const update: RawUpdate = {
      update_id: 3,
      message: { text: "/news", chat, sender_chat: chat, from: { id: GROUP_ANONYMOUS_BOT, is_bot: true } },
    };
    const incoming = parseUpdate(update, "NewsdeskBot", commands);
    expect(incoming?.kind === "command" && incoming.sender).toMatchObject({
      senderChatId: -100,
      name: "Room",
    });
  });

  it("GIVEN a forum topic THEN replies go to its thread; a plain reply thread does not", () => {
    const topic = parseUpdate(
      message("/news", { id: -5, type: "supergroup" }, { message_thread_id: 4, is_topic_message: true }),
      "b",
      commands,
    );
    expect(topic?.kind === "command" && topic.where.threadId).toBe(4);
    const reply = parseUpdate(
      message("/news", { id: -5, type: "supergroup" }, { message_thread_id: 4 }),
      "b",
      commands,
    );
    expect(reply?.kind === "command" && reply.where.threadId).toBeUndefined();
  });

  it("GIVEN a button press THEN its data, presser and message are read", () => {
    const update: RawUpdate = {
      update_id: 4,
      callback_query: {
        id: "77",
        from: { id: 7, username: "ada", language_code: "en" },
        data: "article?article=x",
        message: { message_id: 12, chat: { id: 7, type: "private" } },
      },
    };
    expect(parseUpdate(update, "b", commands)).toMatchObject({
      kind: "callback",
      queryId: "77",
      data: "article?article=x",
      where: { chat: { id: 7 }, messageId: 12 },
      sender: { id: "7", name: "@ada", languageCode: "en" },
    });
  });
});
