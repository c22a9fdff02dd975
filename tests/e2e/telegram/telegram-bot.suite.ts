import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { htmlToPlain } from "../../../src/platforms/telegram/render-html.js";
import { REAL_CONTENT, SEED_ID, SEED_TITLE } from "../../helpers/seed.js";
import { gate } from "../../helpers/wait-for.js";
import { Emulator } from "./emulator.js";
import {
  type BotUnderTest,
  buttonData,
  command,
  expectNoViolations,
  startBot,
  testCommands,
} from "./harness.js";

/**
 * The real telegraf, the real core over the real content/ folder, and the telegram-test-api
 * emulator over HTTP. Each test talks in its own chat, so the per-chat pace never slows another.
 */

const TOKEN = "123456:TESTtoken-main-abcdef";
const SECRET = "TESTtoken-main-abcdef";
let emulator: Emulator;
let bot: BotUnderTest;
const hang = gate();

/** The number of the seed article's card in a list ("2. <a …>Le Pakistan…"), or null when alone. */
function seedCardNumber(html: string): number | null {
  const match = new RegExp(`<b>(\\d+)\\. (?:<a [^>]*>)?${SEED_TITLE}`).exec(html);
  return match ? Number(match[1]) : null;
}

describe("Telegram bot over the emulator", () => {
  beforeAll(async () => {
    emulator = await Emulator.start();
    bot = await startBot({
      emulator,
      token: TOKEN,
      contentDir: REAL_CONTENT,
      extraCommands: testCommands(hang.promise),
    });
  });

  afterEach(() => expectNoViolations(emulator));

  afterAll(async () => {
    hang.open();
    await bot?.stop();
    await emulator?.stop();
  });

  it("GIVEN start THEN getMe is done, the webhook is cleared and the menus are set in English and French", () => {
    expect(emulator.callsTo("getMe", TOKEN).length).toBeGreaterThan(0);
    expect(emulator.callsTo("deleteWebhook", TOKEN)).toHaveLength(1);
    const english = emulator.menu(TOKEN);
    const french = emulator.menu(TOKEN, "fr");
    expect(english?.find((c) => c.command === "news")?.description).toMatch(/search the news/i);
    expect(french?.find((c) => c.command === "news")?.description).toMatch(/chercher/i);
    expect(english?.some((c) => c.command === "modonly")).toBe(true);
  });

  it("GIVEN /news bitcoin THEN the seed article comes back as HTML with Full text and Key facts buttons", async () => {
    const user = emulator.user(TOKEN, { userId: 101 });
    const [reply] = await command(emulator, user, "/news bitcoin");
    expect(reply?.parseMode).toBe("HTML");
    expect(reply?.text).toContain(SEED_TITLE);
    expect(reply?.text).toMatch(/<b>.*Le Pakistan et El Salvador/);
    expect(reply?.text).toContain(SEED_ID);
    // One row per result; with several results the labels say which card they belong to.
    const n = seedCardNumber(reply?.text ?? "");
    const labels = reply?.replyMarkup?.inline_keyboard.flat().map((b) => b.text);
    expect(labels).toEqual(
      expect.arrayContaining(n ? [`${n} · Full text`, `${n} · Key facts`] : ["Full text", "Key facts"]),
    );
    for (const button of reply?.replyMarkup?.inline_keyboard.flat() ?? []) {
      expect(Buffer.byteLength(button.callback_data ?? "")).toBeLessThanOrEqual(64);
    }
  });

  it("GIVEN /news@TestNameBot THEN it answers; GIVEN /news@OtherBot THEN it stays silent", async () => {
    const user = emulator.user(TOKEN, { userId: 102 });
    await user.client.sendCommand(user.client.makeCommand("/news@OtherBot bitcoin"));
    const [reply] = await command(emulator, user, "/news@TestNameBot bitcoin");
    expect(reply?.text).toContain(SEED_TITLE);
    const [help] = await command(emulator, user, "/help");
    expect(help?.text).toContain("Newsdesk: what I can do");
    expect(emulator.botMessages(TOKEN, user.chatId)).toHaveLength(2);
  });

  it("GIVEN /facts THEN the key facts card comes with a Full text button", async () => {
    const user = emulator.user(TOKEN, { userId: 103 });
    const [reply] = await command(emulator, user, `/facts ${SEED_ID}`);
    expect(reply?.text).toContain(`Key facts: ${SEED_TITLE}`);
    expect(reply?.text).toContain("• ");
    expect(reply?.replyMarkup?.inline_keyboard.flat().map((b) => b.text)).toEqual(["Full text"]);
  });

  it("GIVEN /help in English and in French THEN each answers in the user's language", async () => {
    const english = emulator.user(TOKEN, { userId: 104 });
    const [en] = await command(emulator, english, "/help", { extra: { from: { language_code: "en-GB" } } });
    expect(en?.text).toContain("<b>Newsdesk: what I can do</b>");
    expect(en?.text).toContain("/news [query] — Search the news");
    const french = emulator.user(TOKEN, { userId: 105 });
    const [fr] = await command(emulator, french, "/help", { extra: { from: { language_code: "fr" } } });
    expect(fr?.text).toContain("<b>Newsdesk\u00a0: ce que je sais faire</b>");
    expect(fr?.text).toContain("Chercher dans l'actualité");
  });

  it("GIVEN the Key facts and Full text buttons THEN each press is answered and sends its card", async () => {
    const user = emulator.user(TOKEN, { userId: 106 });
    const [news] = await command(emulator, user, "/news bitcoin");
    if (!news) throw new Error("no /news reply");
    const n = seedCardNumber(news.text);
    const press = async (label: string) => {
      const answeredBefore = emulator.callsTo("answerCallbackQuery", TOKEN).length;
      const before = emulator.botMessages(TOKEN, user.chatId).length;
      await user.client.sendCallback(
        user.client.makeCallbackQuery(buttonData(news, n ? `${n} · ${label}` : label), {
          message: { message_id: news.messageId },
        }),
      );
      await emulator.waitFor(
        `answer to ${label}`,
        () => emulator.callsTo("answerCallbackQuery", TOKEN).length > answeredBefore,
      );
      return emulator.waitFor(
        `message after ${label}`,
        () => emulator.botMessages(TOKEN, user.chatId)[before],
      );
    };
    const facts = await press("Key facts");
    expect(facts.text).toContain(`Key facts: ${SEED_TITLE}`);
    const article = await press("Full text");
    expect(article.text).toContain(SEED_TITLE);
    expect(article.text).toContain("Bilal Bin Saqib");
    expect(article.text.length).toBeLessThanOrEqual(4096);
  });

  it("GIVEN /news with more results than a page THEN Next sends the next page, with Previous", async () => {
    const user = emulator.user(TOKEN, { userId: 116 });
    const [first] = await command(emulator, user, "/news");
    if (!first) throw new Error("no /news reply");
    expect(first.text).toContain("More results on the next page.");
    const paging = first.replyMarkup?.inline_keyboard.at(-1)?.map((b) => b.text);
    expect(paging).toEqual(["Next"]);
    const before = emulator.botMessages(TOKEN, user.chatId).length;
    await user.client.sendCallback(
      user.client.makeCallbackQuery(buttonData(first, "Next"), { message: { message_id: first.messageId } }),
    );
    const second = await emulator.waitFor("page 2", () => emulator.botMessages(TOKEN, user.chatId)[before]);
    expect(second.text).toContain("Latest articles, page 2");
    expect(second.replyMarkup?.inline_keyboard.at(-1)?.map((b) => b.text)).toContain("Previous");
    for (const button of second.replyMarkup?.inline_keyboard.flat() ?? []) {
      expect(Buffer.byteLength(button.callback_data ?? "")).toBeLessThanOrEqual(64);
    }
  });

  it("GIVEN an expired button THEN the press is answered with the expiry text, nothing is sent", async () => {
    const user = emulator.user(TOKEN, { userId: 107 });
    await user.client.sendCallback(
      user.client.makeCallbackQuery("~notAKnownKey12345", { from: { language_code: "fr" } }),
    );
    const call = await emulator.waitFor("answerCallbackQuery", () =>
      emulator
        .callsTo("answerCallbackQuery", TOKEN)
        .find((c) => String(c.params.text ?? "").includes("expiré")),
    );
    expect(call.params.text).toBe("Ce bouton a expiré. Relancez la commande.");
    expect(emulator.botMessages(TOKEN, user.chatId)).toHaveLength(0);
  });

  it("GIVEN a 429 on a send THEN the bot waits retry_after and delivers exactly once", async () => {
    const user = emulator.user(TOKEN, { userId: 108 });
    emulator.inject429(user.chatId, 1, 1);
    const started = Date.now();
    const [reply] = await command(emulator, user, "/help");
    expect(reply?.text).toContain("Newsdesk: what I can do");
    const sends = emulator
      .callsTo("sendMessage", TOKEN)
      .filter((c) => String(c.params.chat_id) === String(user.chatId));
    expect(sends.map((c) => c.status)).toEqual([429, 200]);
    expect((sends[1]?.at ?? 0) - (sends[0]?.at ?? 0)).toBeGreaterThanOrEqual(900);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(emulator.botMessages(TOKEN, user.chatId)).toHaveLength(1);
  });

  it("GIVEN a handler that throws THEN the user gets the apology with a reference, and the next command works", async () => {
    const user = emulator.user(TOKEN, { userId: 109 });
    const [apology] = await command(emulator, user, "/boom");
    const ref = /ref ([0-9a-f]{4})/.exec(apology?.text ?? "")?.[1];
    expect(apology?.text).toMatch(/^Something went wrong \(ref [0-9a-f]{4}\)/);
    expect(JSON.stringify(bot.log.find(new RegExp(`"ref":"${ref}"`)))).toContain("kaboom");
    const [help] = await command(emulator, user, "/help");
    expect(help?.text).toContain("Newsdesk: what I can do");
  });

  it("GIVEN a reply that breaks the renderer THEN bot.catch logs a reference and the user gets the apology in French", async () => {
    const user = emulator.user(TOKEN, { userId: 113 });
    const [apology] = await command(emulator, user, "/badreply", {
      extra: { from: { language_code: "fr" } },
    });
    expect(apology?.text).toMatch(/^Une erreur s’est produite \(réf\. [0-9a-f]{4}\)/);
    const ref = /réf\. ([0-9a-f]{4})/.exec(apology?.text ?? "")?.[1];
    expect(bot.log.find(new RegExp(`"ref":"${ref}"`))?.level).toBe("error");
    const [help] = await command(emulator, user, "/help");
    expect(help?.text).toContain("Newsdesk");
  });

  it("GIVEN a handler that hangs THEN other commands are still answered meanwhile", async () => {
    const user = emulator.user(TOKEN, { userId: 110 });
    await user.client.sendCommand(user.client.makeCommand("/hang"));
    const other = emulator.user(TOKEN, { userId: 111 });
    const [help] = await command(emulator, other, "/help");
    expect(help?.text).toContain("Newsdesk");
    expect(emulator.botMessages(TOKEN, user.chatId)).toHaveLength(0);
    hang.open();
    const [done] = await emulator.waitFor("the hung reply", () => {
      const messages = emulator.botMessages(TOKEN, user.chatId);
      return messages.length > 0 ? messages : undefined;
    });
    expect(done?.text).toBe("finally done");
  });

  it("GIVEN a moderator command in a group THEN a member is refused, an admin and an anonymous admin are served", async () => {
    const chatId = -1001500;
    emulator.setAdmins(chatId, [201]);
    const member = emulator.user(TOKEN, { userId: 202, chatId, type: "supergroup" });
    const [refused] = await command(emulator, member, "/modonly");
    expect(refused?.text).toBe("Only the group’s administrators can use /modonly.");
    expect(refused?.raw.reply_parameters).toMatchObject({ allow_sending_without_reply: true });
    const admin = emulator.user(TOKEN, { userId: 201, chatId, type: "supergroup" });
    const [allowed] = await command(emulator, admin, "/modonly");
    expect(allowed?.text).toBe("moderator ok");
    const asks = emulator.callsTo("getChatMember", TOKEN).map((c) => Number(c.params.user_id));
    expect(asks).toEqual(expect.arrayContaining([201, 202]));
    const [anonymous] = await command(emulator, member, "/modonly", {
      extra: {
        from: { id: 1087968824, is_bot: true, first_name: "Group", username: "GroupAnonymousBot" },
        sender_chat: { id: chatId, type: "supergroup", title: "Chat" },
      },
    });
    expect(anonymous?.text).toBe("moderator ok");
  });

  it("GIVEN everything above THEN the token never reached the log", () => {
    expect(bot.log.lines.length).toBeGreaterThan(0);
    expect(bot.log.text()).not.toContain(SECRET);
  });

  it("GIVEN article text THEN what the user reads equals the text (HTML round trip)", async () => {
    const user = emulator.user(TOKEN, { userId: 112 });
    const [article] = await command(emulator, user, `/article ${SEED_ID}`);
    expect(htmlToPlain(article?.text ?? "")).toContain("Bilal Bin Saqib, PDG du Pakistan Crypto Council");
  });
});
