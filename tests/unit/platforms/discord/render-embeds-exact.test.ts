import { describe, expect, it } from "vitest";
import type { Card, Reply } from "../../../../src/domain/reply.js";
import { ActionCodec } from "../../../../src/framework/actions.js";
import { renderReply } from "../../../../src/platforms/discord/render-embeds.js";
import { DISCORD_LIMITS } from "../../../e2e/discord/stand-in-limits.js";

/**
 * renderReply on small replies whose Discord messages are known exactly: when titles and labels
 * are numbered, the reply's footer as its own embed, field defaults, blank blocks, the colour, and
 * the URLs Discord would refuse. Limits come from the stand-in's table, never the source's.
 */
const render = (reply: Reply) => renderReply(reply, new ActionCodec(DISCORD_LIMITS.customId));
const button = (label: string, page: number) => ({ label, action: { command: "news", args: { page } } });
const card = (title: string, extra: Partial<Card> = {}): Card => ({ title, body: [], ...extra });

describe("renderReply, exactly", () => {
  it("GIVEN one card with buttons THEN neither its title nor its labels are numbered", () => {
    const [message] = render({ text: "", cards: [card("Only", { buttons: [button("Full text", 1)] })] });
    expect(message?.embeds[0]?.title).toBe("Only");
    expect(message?.components[0]?.components.map((b) => b.label)).toEqual(["Full text"]);
  });

  it("GIVEN two cards of which one has buttons THEN nothing is numbered; both with buttons THEN titles and labels are", () => {
    const one = render({ text: "", cards: [card("A", { buttons: [button("Read", 1)] }), card("B")] });
    expect(one[0]?.embeds.map((e) => e.title)).toEqual(["A", "B"]);
    const two = render({
      text: "",
      cards: [card("A", { buttons: [button("Read", 1)] }), card("B", { buttons: [button("Read", 2)] })],
    });
    expect(two[0]?.embeds.map((e) => e.title)).toEqual(["1. A", "2. B"]);
    expect(two[0]?.components.flatMap((r) => r.components.map((b) => b.label))).toEqual([
      "1 · Read",
      "2 · Read",
    ]);
  });

  it("GIVEN a reply footer THEN it is a last embed without a title, after the cards", () => {
    const [message] = render({ text: "", cards: [card("A")], footer: "…and 7 more" });
    expect(message?.embeds).toHaveLength(2);
    expect(message?.embeds[1]).not.toHaveProperty("title");
    expect(message?.embeds[1]?.description).toBe("…and 7 more");
  });

  it("GIVEN fields without inline THEN inline is false; every embed carries the colour", () => {
    const [message] = render({
      text: "",
      cards: [
        card("A", { fields: [{ name: "Date", value: "today" }], body: [{ type: "paragraph", text: "x" }] }),
      ],
    });
    expect(message?.embeds[0]?.fields).toEqual([{ name: "Date", value: "today", inline: false }]);
    expect(typeof message?.embeds[0]?.color).toBe("number");
  });

  it("GIVEN blank blocks THEN they leave no gap; a paragraph after bullets is a new paragraph", () => {
    const [message] = render({
      text: "",
      cards: [
        card("A", {
          body: [
            { type: "paragraph", text: "  " },
            { type: "bullet", text: "one" },
            { type: "paragraph", text: "" },
            { type: "bullet", text: "two" },
            { type: "paragraph", text: "  after  " },
          ],
        }),
      ],
    });
    expect(message?.embeds[0]?.description).toBe("• one\n• two\n\nafter");
  });

  it("GIVEN a card with no body THEN the embed has no description", () => {
    const [message] = render({ text: "", cards: [card("A", { body: [{ type: "paragraph", text: " " }] })] });
    expect(message?.embeds[0]).not.toHaveProperty("description");
  });

  it("GIVEN URLs THEN http(s) up to 2,048 characters are kept (normalised), others dropped", () => {
    const url = (u: string) => render({ text: "", cards: [card("A", { url: u })] })[0]?.embeds[0]?.url;
    expect(url("https://example.org")).toBe("https://example.org/");
    expect(url("http://example.org/a?b=c")).toBe("http://example.org/a?b=c");
    const long = `https://example.org/${"a".repeat(2048 - 20)}`;
    expect(long).toHaveLength(2048);
    expect(url(long)).toBe(long);
    expect(url(`${long}a`)).toBeUndefined();
    expect(url("ftp://example.org/file")).toBeUndefined();
    expect(url("javascript:alert(1)")).toBeUndefined();
    expect(url("not a url")).toBeUndefined();
    expect(url("")).toBeUndefined();
  });

  it("GIVEN a text and cards THEN the text is the first message's content, above the embeds", () => {
    const messages = render({ text: "Results for *x*", cards: [card("A")] });
    expect(messages).toHaveLength(1);
    expect(messages[0]?.content).toBe("Results for \\*x\\*");
  });

  it("GIVEN an empty reply with only buttons THEN one message with a placeholder content and the buttons", () => {
    const messages = render({ text: "", cards: [], buttons: [button("Next", 2)] });
    expect(messages).toHaveLength(1);
    expect(messages[0]?.content).toBe("…");
    expect(messages[0]?.components[0]?.components[0]?.label).toBe("Next");
  });

  it("GIVEN 12 buttons on one card THEN rows of five, five and two", () => {
    const buttons = Array.from({ length: 12 }, (_, i) => button(`B${i}`, i));
    const [message] = render({ text: "", cards: [card("A", { buttons })] });
    expect(message?.components.map((r) => r.components.length)).toEqual([5, 5, 2]);
  });
});
