import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PublishError } from "../../../src/domain/publisher.js";
import type { Reply } from "../../../src/domain/reply.js";
import { htmlToPlain } from "../../../src/platforms/telegram/render-html.js";
import { Emulator } from "./emulator.js";
import {
  type BotUnderTest,
  buttonData,
  chat,
  command,
  expectNoViolations,
  FIXTURE_CONTENT,
  startBot,
} from "./harness.js";

/** Articles written to stress the renderer: one of 13,800 characters, one full of markup. */

const TOKEN = "654321:TESTtoken-fixtures-xyz";
let emulator: Emulator;
let bot: BotUnderTest;

const paragraphNumbers = (text: string) =>
  [...htmlToPlain(text).matchAll(/Paragraph (\d+) opens/g)].map((m) => Number(m[1]));

describe("Telegram rendering of long and hostile articles", () => {
  beforeAll(async () => {
    emulator = await Emulator.start();
    bot = await startBot({ emulator, token: TOKEN, contentDir: FIXTURE_CONTENT });
  });

  afterEach(() => expectNoViolations(emulator));

  afterAll(async () => {
    await bot?.stop();
    await emulator?.stop();
  });

  it("GIVEN /article on a 13,800-character article THEN it is read part by part with Next part, every message under 4,096", async () => {
    const user = emulator.user(TOKEN, { userId: 301 });
    const [first] = await command(emulator, user, "/article long-energy-report");
    if (!first) throw new Error("no reply");
    expect(first.text.length).toBeLessThanOrEqual(4096);
    expect(first.text).toContain("<b>The long energy report</b>");
    const total = Number(/Part 1 of (\d+)/.exec(first.text)?.[1]);
    expect(total).toBeGreaterThanOrEqual(4);
    const seen = new Set(paragraphNumbers(first.text));
    let current = first;
    for (let part = 2; part <= total; part++) {
      const label = part === 2 ? "Next part" : "Next";
      const answered = emulator.callsTo("answerCallbackQuery", TOKEN).length;
      await user.client.sendCallback(
        user.client.makeCallbackQuery(buttonData(current, label), {
          message: { message_id: first.messageId },
        }),
      );
      current = await emulator.waitFor(`part ${part}`, () => {
        const message = emulator.botMessages(TOKEN, user.chatId).find((m) => m.messageId === first.messageId);
        return message?.text.includes(`Part ${part} of ${total}`) ? message : undefined;
      });
      expect(emulator.callsTo("answerCallbackQuery", TOKEN).length).toBeGreaterThan(answered);
      expect(current.text.length).toBeLessThanOrEqual(4096);
      for (const n of paragraphNumbers(current.text)) seen.add(n);
    }
    // Paging edits the message in place: still one message in the chat, and every paragraph was shown.
    expect(emulator.botMessages(TOKEN, user.chatId)).toHaveLength(1);
    expect(emulator.callsTo("editMessageText", TOKEN).length).toBe(total - 1);
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it("GIVEN a Next part pressed twice on the same page THEN Telegram's 'not modified' is taken in stride: both presses answered, no second copy of the page", async () => {
    const user = emulator.user(TOKEN, { userId: 306 });
    const [first] = await command(emulator, user, "/article long-energy-report");
    if (!first) throw new Error("no reply");
    const next = buttonData(first, "Next part");
    const answered = emulator.callsTo("answerCallbackQuery", TOKEN).length;
    for (let press = 0; press < 2; press++) {
      await user.client.sendCallback(
        user.client.makeCallbackQuery(next, { message: { message_id: first.messageId } }),
      );
      await emulator.waitFor(
        `press ${press + 1} answered`,
        () => emulator.callsTo("answerCallbackQuery", TOKEN).length >= answered + press + 1,
      );
    }
    await emulator.waitFor(
      "the second edit",
      () =>
        emulator.callsTo("editMessageText", TOKEN).filter((c) => String(c.params.chat_id) === "306").length >=
        2,
    );
    // A later command in the same chat: its reply queues behind anything the presses still send.
    const [help] = await command(emulator, user, "/help");
    expect(help?.text).toContain("Newsdesk");
    const messages = emulator.botMessages(TOKEN, user.chatId);
    expect(messages).toHaveLength(2);
    expect(messages[0]?.text).toContain("Part 2 of");
    // Telegram refuses the second, identical edit; the bot must not answer it with a new message.
    expect(emulator.takeViolations().map((v) => v.description)).toEqual([
      expect.stringMatching(/^Bad Request: message is not modified/),
    ]);
  });

  it("GIVEN the whole article as one reply THEN publish splits it across several messages, in order, buttons on the last", async () => {
    const chatId = 302;
    const reply: Reply = {
      cards: [
        {
          title: "The long energy report",
          url: "https://example.com/energy?a=1&b=2",
          body: Array.from({ length: 20 }, (_, i) => ({
            type: "paragraph" as const,
            text: `Paragraph ${i + 1} opens the section. ${"Output rose & costs fell. ".repeat(18)}`,
          })),
          footer: "long-energy-report",
        },
      ],
      buttons: [
        { label: "Key facts", action: { command: "facts", args: { article: "long-energy-report" } } },
      ],
    };
    const result = await bot.platform.publish(chat(String(chatId)), reply, { key: "k" });
    const messages = await emulator.waitFor("the split reply", () => {
      const list = emulator.botMessages(TOKEN, chatId);
      return list.some((m) => m.replyMarkup) ? list : undefined;
    });
    expect(messages.length).toBeGreaterThanOrEqual(3);
    expect(result.messageId).toBe(String(messages[0]?.messageId));
    for (const message of messages) {
      expect(message.text.length).toBeLessThanOrEqual(4096);
      expect(message.parseMode).toBe("HTML");
    }
    expect(messages.slice(0, -1).every((m) => !m.replyMarkup)).toBe(true);
    const order = messages.flatMap((m) =>
      [...htmlToPlain(m.text).matchAll(/Paragraph (\d+) opens/g)].map((x) => Number(x[1])),
    );
    expect(order).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it("GIVEN an article full of markup THEN it is sent escaped and the reader sees it verbatim", async () => {
    const user = emulator.user(TOKEN, { userId: 303 });
    const [reply] = await command(emulator, user, "/article markup-trap");
    const html = reply?.text ?? "";
    expect(html).toContain("&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;");
    expect(html).toContain("Tags &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quotes&quot; in a title");
    expect(html).toContain("&amp;amp; written out");
    expect(html).toContain("@everyone");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>not bold</b>");
    const seen = htmlToPlain(html);
    expect(seen).toContain('<script>alert("pwned")</script> and an ampersand & and a tag <b>not bold</b>');
    expect(seen).toContain("the entity &amp; written out");
  });

  it("GIVEN /news finding the markup article THEN the title is escaped there too", async () => {
    const user = emulator.user(TOKEN, { userId: 304 });
    const [reply] = await command(emulator, user, "/news markup script");
    expect(reply?.text).toContain("Tags &lt;b&gt;bold&lt;/b&gt;");
    expect(reply?.text).not.toContain("Tags <b>bold</b>");
  });

  it("GIVEN a chat that blocked the bot THEN publish throws PublishError(permanent) and logs the chat as inactive", async () => {
    emulator.failNext("sendMessage", 305, 1, 403, {
      ok: false,
      error_code: 403,
      description: "Forbidden: bot was blocked by the user",
    });
    const error = await bot.platform
      .publish(chat("305"), { text: "hello", cards: [] }, { key: "k" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PublishError);
    expect((error as PublishError).kind).toBe("permanent");
    expect(bot.log.find(/chat inactive.*305|305.*chat inactive/)).toBeDefined();
  });

  it("GIVEN a group that became a supergroup THEN the post follows it and the caller learns the new id", async () => {
    emulator.failNext("sendMessage", -306, 1, 400, {
      ok: false,
      error_code: 400,
      description: "Bad Request: group chat was upgraded to a supergroup chat",
      parameters: { migrate_to_chat_id: -1000000000306 },
    });
    const result = await bot.platform.publish(chat("-306"), { text: "moved", cards: [] }, { key: "k1" });
    expect(result.movedTo).toBe("-1000000000306");
    expect(emulator.botMessages(TOKEN, -1000000000306).map((m) => m.text)).toEqual(["moved"]);
    expect(emulator.botMessages(TOKEN, -306)).toHaveLength(0);
    // Remembered: the next post goes straight to the new chat.
    await bot.platform.publish(chat("-306"), { text: "again", cards: [] }, { key: "k2" });
    expect(emulator.botMessages(TOKEN, -1000000000306).map((m) => m.text)).toEqual(["moved", "again"]);
  });
});
