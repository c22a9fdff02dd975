import { describe, expect, it } from "vitest";
import { defineCommand } from "../../../../src/framework/command.js";
import { registry } from "../../../../src/framework/run-command.js";
import {
  GROUP_ANONYMOUS_BOT,
  parseUpdate,
  type RawUpdate,
} from "../../../../src/platforms/telegram/parse-update.js";

/**
 * parseUpdate's edges that the mutation run left unguarded: /start outside a private chat, an
 * unknown command in private, updates without a chat or a text, the anonymous admin's language,
 * and a button press on a message Telegram no longer sends.
 */

const command = (name: string) =>
  defineCommand({
    name,
    description: { en: name, fr: name },
    access: "everyone",
    options: [] as const,
    run: () => ({ cards: [] }),
  });
const commands = registry([command("news"), command("help")]);
const group = { id: -5, type: "group" };

const message = (
  text: string,
  chat: { id: number; type: string } = { id: 7, type: "private" },
): RawUpdate => ({
  update_id: 1,
  message: { message_id: 10, text, chat, from: { id: 7, first_name: "Ada", language_code: "fr" } },
});

describe("parseUpdate at its edges", () => {
  it("GIVEN /start in a group THEN it is not turned into /help (a group's /start is for another bot)", () => {
    expect(parseUpdate(message("/start", group), "NewsdeskBot", commands)).toBeNull();
  });

  it("GIVEN an unknown command in a private chat THEN it stays itself (answered as unknown), not /help", () => {
    const incoming = parseUpdate(message("/weather"), "NewsdeskBot", commands);
    expect(incoming?.kind === "command" && incoming.line.command).toBe("weather");
  });

  it("GIVEN /start in private without a help command THEN it stays /start", () => {
    const incoming = parseUpdate(message("/start"), "NewsdeskBot", registry([command("news")]));
    expect(incoming?.kind === "command" && incoming.line.command).toBe("start");
  });

  it("GIVEN a message without a chat, or a photo without text THEN nothing to do", () => {
    const noChat = { update_id: 2, message: { message_id: 1, text: "/news" } } as unknown as RawUpdate;
    expect(parseUpdate(noChat, "NewsdeskBot", commands)).toBeNull();
    const photo = {
      update_id: 3,
      message: { message_id: 1, chat: group, from: { id: 7, first_name: "Ada" }, photo: [] },
    } as unknown as RawUpdate;
    expect(parseUpdate(photo, "NewsdeskBot", commands)).toBeNull();
  });

  it("GIVEN an anonymous admin THEN no language is taken from Telegram's helper bot; a channel's signer keeps theirs", () => {
    const chat = { id: -100, type: "supergroup", title: "Room" };
    const anonymous: RawUpdate = {
      update_id: 4,
      message: {
        text: "/news",
        chat,
        sender_chat: chat,
        from: { id: GROUP_ANONYMOUS_BOT, is_bot: true, first_name: "Group", language_code: "en" },
      },
    };
    const incoming = parseUpdate(anonymous, "NewsdeskBot", commands);
    expect(incoming?.kind === "command" && incoming.sender.languageCode).toBeUndefined();
    const linked: RawUpdate = {
      update_id: 5,
      message: {
        text: "/news",
        chat,
        sender_chat: { id: -200, type: "channel", title: "Linked" },
        from: { id: 42, is_bot: false, first_name: "Eve", language_code: "fr" },
      },
    };
    const fromLinked = parseUpdate(linked, "NewsdeskBot", commands);
    expect(fromLinked?.kind === "command" && fromLinked.sender).toMatchObject({
      senderChatId: -200,
      name: "Linked",
      languageCode: "fr",
    });
  });

  it("GIVEN a button press whose message is too old for Telegram to send THEN it is read with no place", () => {
    const update = {
      update_id: 6,
      callback_query: { id: "q1", data: "page:2", from: { id: 7, first_name: "Ada" } },
    } as unknown as RawUpdate;
    const incoming = parseUpdate(update, "NewsdeskBot", commands);
    expect(incoming).toMatchObject({ kind: "callback", queryId: "q1", data: "page:2", where: null });
  });
});
