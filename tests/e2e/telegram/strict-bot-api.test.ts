import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Emulator } from "./emulator.js";
import { checkBotApiCall, parseTelegramHtml, TELEGRAM_LIMITS } from "./strict-bot-api.js";

/**
 * The emulator wrapper refuses what the Bot API refuses, with Telegram's texts: checked here so
 * the bot's suites can trust "no violation" to mean "Telegram would have taken it".
 */

const send = (text: string, extra: Record<string, unknown> = {}) =>
  checkBotApiCall("sendMessage", { chat_id: 1, text, parse_mode: "HTML", ...extra });
const keyboard = (button: Record<string, unknown>) => ({ inline_keyboard: [[{ text: "Go", ...button }]] });

describe("GIVEN Telegram HTML", () => {
  it("WHEN tags are balanced and supported THEN the plain text comes out, entities decoded", () => {
    const html =
      "<b>a</b><strong>b</strong><i>c</i><em>d</em><u>e</u><ins>f</ins><s>g</s><strike>h</strike><del>i</del>" +
      '<a href="https://e.com/?a=1&amp;b=2">j</a><code>k</code><pre>l</pre><tg-spoiler>m</tg-spoiler>' +
      '<span class="tg-spoiler">n</span><blockquote>o</blockquote> &lt;&gt;&amp;&quot;&#65;&#x42;';
    expect(parseTelegramHtml(html)).toBe('abcdefghijklmno <>&"AB');
  });

  it.each([
    ["<b>open", "Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\""],
    [
      "<b>x</i>",
      'Bad Request: can\'t parse entities: Unmatched end tag at byte offset 4, expected "</b>", found "</i>"',
    ],
    ["x</b>", "Bad Request: can't parse entities: Unexpected end tag at byte offset 1"],
    [
      "<script>x</script>",
      'Bad Request: can\'t parse entities: Unsupported start tag "script" at byte offset 0',
    ],
    ["é <b", "Bad Request: can't parse entities: Unclosed start tag at byte offset 3"],
    [
      '<span class="x">y</span>',
      'Bad Request: can\'t parse entities: Tag "span" must have class "tg-spoiler" at byte offset 0',
    ],
  ])("WHEN the HTML is %j THEN Telegram's refusal", (html, description) => {
    expect(send(html)).toEqual({ description, refused: true });
  });

  it("WHEN the text is 4,096 characters after parsing THEN taken; 4,097 THEN 'message is too long'", () => {
    const limit = TELEGRAM_LIMITS.message;
    // Markup and entities do not count: 4,096 characters of text in 12,000 of HTML are fine.
    expect(send(`<b>${"&amp;".repeat(limit - 1)}x</b>`)).toBeNull();
    expect(send(`<b>${"x".repeat(limit + 1)}</b>`)).toEqual({
      description: "Bad Request: message is too long",
      refused: true,
    });
    expect(checkBotApiCall("sendMessage", { chat_id: 1, text: "x".repeat(limit + 1) })?.refused).toBe(true);
  });

  it("WHEN the text is empty once parsed THEN 'message text is empty'", () => {
    expect(send("<b> </b>")?.description).toBe("Bad Request: message text is empty");
  });

  it("WHEN a & or > is left unescaped THEN Telegram shows it as typed: taken, but recorded", () => {
    expect(send("fish & chips")).toMatchObject({ refused: false });
    expect(send("a &nbsp; b")).toMatchObject({ refused: false });
  });
});

describe("GIVEN an inline keyboard", () => {
  it("WHEN callback_data is 64 bytes THEN taken; 65 bytes (or empty) THEN BUTTON_DATA_INVALID", () => {
    expect(send("x", { reply_markup: keyboard({ callback_data: "é".repeat(32) }) })).toBeNull();
    for (const data of [`${"é".repeat(32)}x`, ""]) {
      expect(send("x", { reply_markup: keyboard({ callback_data: data }) })).toEqual({
        description: "Bad Request: BUTTON_DATA_INVALID",
        refused: true,
      });
    }
  });

  it("WHEN a button has no action or rows are not arrays THEN Telegram's refusal", () => {
    expect(send("x", { reply_markup: keyboard({}) })?.description).toBe(
      "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
    );
    expect(
      send("x", { reply_markup: { inline_keyboard: [{ text: "a", callback_data: "b" }] } })?.description,
    ).toBe('Bad Request: field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays');
  });
});

describe("GIVEN the emulator wrapper", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await Emulator.start();
  });
  afterAll(async () => {
    await emulator?.stop();
  });

  it("WHEN a bot sends broken HTML THEN 400 with Telegram's description, recorded as a violation, nothing stored", async () => {
    const response = await fetch(`${emulator.apiRoot}/bot1:T/sendMessage`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ chat_id: 9, text: "<b>bold", parse_mode: "HTML" }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      ok: false,
      error_code: 400,
      description: "Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\"",
    });
    expect(emulator.botMessages("1:T", 9)).toEqual([]);
    expect(emulator.takeViolations()).toMatchObject([{ method: "sendMessage", chatId: "9", refused: true }]);
  });
});
