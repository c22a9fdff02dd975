import { describe, expect, it } from "vitest";
import type { Reply } from "../../../../src/domain/reply.js";
import { ActionCodec } from "../../../../src/framework/actions.js";
import { inlineKeyboard } from "../../../../src/platforms/telegram/keyboard.js";

const bytes = (s: string) => Buffer.byteLength(s, "utf8");

describe("inlineKeyboard", () => {
  it("GIVEN card and reply buttons THEN one row per card, then the paging row, data decodable", () => {
    const codec = new ActionCodec(64);
    const reply: Reply = {
      cards: [
        {
          title: "A",
          body: [],
          buttons: [
            { label: "Full text", action: { command: "article", args: { article: "000_df19e6179d96e4ae" } } },
            { label: "Key facts", action: { command: "facts", args: { article: "000_df19e6179d96e4ae" } } },
          ],
        },
        {
          title: "B",
          body: [],
          buttons: [{ label: "Full text", action: { command: "article", args: { article: "b" } } }],
        },
      ],
      buttons: [{ label: "Next part", action: { command: "article", args: { article: "a", part: 2 } } }],
    };
    const keyboard = inlineKeyboard(reply, codec, true);
    const rows = keyboard?.inline_keyboard ?? [];
    expect(rows.map((r) => r.map((b) => b.text))).toEqual([
      ["1 · Full text", "1 · Key facts"],
      ["2 · Full text"],
      ["Next part"],
    ]);
    const data = rows.flat().map((b) => ("callback_data" in b ? b.callback_data : ""));
    expect(codec.decode(data[0] as string)).toEqual({
      command: "article",
      args: { article: "000_df19e6179d96e4ae" },
    });
    expect(codec.decode(data[3] as string)).toEqual({
      command: "article",
      args: { article: "a", part: "2" },
    });
  });

  it("GIVEN actions with very long or non-ASCII arguments THEN every callback_data is at most 64 bytes and still decodes", () => {
    const codec = new ActionCodec(64);
    const long = "é".repeat(80);
    const reply: Reply = {
      cards: [
        {
          title: "A",
          body: [],
          buttons: [
            { label: "Full text", action: { command: "article", args: { article: long } } },
            { label: "Key facts", action: { command: "facts", args: { article: `${"x".repeat(200)}😀` } } },
          ],
        },
      ],
      buttons: [
        {
          label: "Next",
          action: {
            command: "schedule",
            subcommand: "list",
            args: { page: 2, channel: "-1001234567890123" },
          },
        },
      ],
    };
    const rows = inlineKeyboard(reply, codec, false)?.inline_keyboard ?? [];
    const data = rows.flat().map((b) => ("callback_data" in b ? b.callback_data : ""));
    expect(data).toHaveLength(3);
    for (const d of data) expect(bytes(d)).toBeLessThanOrEqual(64);
    expect(codec.decode(data[0] as string)).toEqual({ command: "article", args: { article: long } });
  });

  it("GIVEN no buttons THEN no keyboard", () => {
    expect(inlineKeyboard({ cards: [{ title: "A", body: [] }] }, new ActionCodec(64), false)).toBeUndefined();
  });

  it("GIVEN a very long label THEN it is clipped", () => {
    const reply: Reply = {
      cards: [],
      buttons: [{ label: "L".repeat(100), action: { command: "help", args: {} } }],
    };
    const text = inlineKeyboard(reply, new ActionCodec(64), false)?.inline_keyboard[0]?.[0]?.text ?? "";
    expect(text.length).toBeLessThanOrEqual(40);
    expect(text.endsWith("…")).toBe(true);
  });
});
