import { describe, expect, it } from "vitest";
import type { Block, Reply } from "../../../../src/domain/reply.js";
import { htmlToPlain, renderSegments } from "../../../../src/platforms/telegram/render-html.js";
import { cutText, splitMessage } from "../../../../src/platforms/telegram/split-message.js";

const LIMIT = 4096;

/** Checks what Telegram would check: length, balanced tags, whole entities, no lone surrogate. */
function assertWellFormed(html: string, limit = LIMIT): void {
  expect(html.length).toBeLessThanOrEqual(limit);
  const stack: string[] = [];
  for (const match of html.matchAll(/<(\/?)([a-z]+)[^>]*>/g)) {
    const [, closing, name] = match;
    if (closing) expect(stack.pop()).toBe(name);
    else stack.push(name as string);
  }
  expect(stack).toEqual([]);
  expect(html.replace(/<[^>]*>/g, "")).not.toMatch(/[<>]/);
  expect(html).not.toMatch(/&(?!(amp|lt|gt|quot);)/);
  const first = html.charCodeAt(0);
  const last = html.charCodeAt(html.length - 1);
  expect(first >= 0xdc00 && first <= 0xdfff).toBe(false);
  expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
}

const paragraphs = (count: number, size: number): Block[] =>
  Array.from({ length: count }, (_, i) => ({
    type: "paragraph" as const,
    text: `P${i} ${"word ".repeat(Math.ceil(size / 5))}`.slice(0, size).trim(),
  }));

const split = (reply: Reply, limit = LIMIT) => splitMessage(renderSegments(reply), limit);

describe("splitMessage", () => {
  it("GIVEN a reply under the limit THEN it is one message", () => {
    expect(split({ text: "short", cards: [] })).toEqual(["short"]);
  });

  it("GIVEN text of exactly 4,096 characters THEN it stays one message; one more makes two", () => {
    expect(split({ text: "a".repeat(4096), cards: [] })).toHaveLength(1);
    const two = split({ text: `${"a".repeat(4000)} ${"b".repeat(96)}`, cards: [] });
    expect(two).toHaveLength(2);
    for (const m of two) {
      assertWellFormed(m);
    }
  });

  it("GIVEN many paragraphs THEN messages break between paragraphs, never inside one", () => {
    const body = paragraphs(12, 900);
    const messages = split({ cards: [{ title: "Long", body }] });
    expect(messages.length).toBeGreaterThan(2);
    for (const m of messages) {
      assertWellFormed(m);
    }
    const seen = messages.join("\n\n");
    for (const block of body) expect(seen).toContain(block.text);
  });

  it("GIVEN a heading right at a boundary THEN it moves to the next message with its paragraph", () => {
    const body: Block[] = [
      { type: "paragraph", text: "x".repeat(3000) },
      { type: "heading", text: "Section two" },
      { type: "paragraph", text: "y".repeat(2000) },
    ];
    const messages = split({ cards: [{ title: "T", body }] });
    expect(messages).toHaveLength(2);
    expect(messages[1]?.startsWith("<b>Section two</b>")).toBe(true);
  });

  it("GIVEN one paragraph of 10,000 characters THEN it is cut at sentence ends, each part well formed", () => {
    const sentence = "The council met the president & signed a letter. ";
    const text = sentence.repeat(200);
    const messages = split({ cards: [{ title: "T", body: [{ type: "paragraph", text }] }] });
    expect(messages.length).toBeGreaterThanOrEqual(3);
    for (const m of messages) {
      assertWellFormed(m);
      expect(htmlToPlain(m).trim()).toMatch(/\.$/);
    }
    expect(htmlToPlain(messages.join(" ")).replace(/\s+/g, " ")).toContain(sentence.trim());
  });

  it("GIVEN text made of characters that grow when escaped THEN the rendered length still fits", () => {
    const text = '&<>" '.repeat(3000);
    const messages = split({ text, cards: [] });
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      assertWellFormed(m);
    }
    expect(htmlToPlain(messages.join(" ")).replace(/\s+/g, "")).toBe('&<>"'.repeat(3000));
  });

  it("GIVEN emoji (surrogate pairs) around every cut THEN no pair is broken", () => {
    const text = "😀".repeat(5000);
    const messages = split({ text, cards: [] });
    expect(messages.length).toBeGreaterThan(2);
    for (const m of messages) {
      assertWellFormed(m);
    }
    expect(messages.join("")).toBe(text);
  });

  it("GIVEN a bold heading longer than the limit THEN each piece is wrapped in its own tags", () => {
    const messages = split({ cards: [{ title: "T", body: [{ type: "heading", text: "h ".repeat(3000) }] }] });
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      assertWellFormed(m);
    }
  });

  it("GIVEN a small limit THEN every message respects it", () => {
    const reply: Reply = {
      text: "Results",
      cards: Array.from({ length: 5 }, (_, i) => ({
        title: `Card ${i} <&>`,
        url: "https://example.com/?a=1&b=2",
        fields: [{ name: "Date", value: "today" }],
        body: paragraphs(3, 150),
        footer: `id-${i}`,
      })),
    };
    const messages = split(reply, 300);
    expect(messages.length).toBeGreaterThan(5);
    for (const m of messages) assertWellFormed(m, 300);
  });
});

describe("cutText", () => {
  it("GIVEN a blank line within the budget THEN it cuts there first", () => {
    expect(cutText("aaaa bbbb.\n\ncccc dddd", 15)).toEqual(["aaaa bbbb.", "cccc dddd"]);
  });

  it("GIVEN no break at all THEN it cuts hard at the budget", () => {
    expect(cutText("abcdefghij", 4)).toEqual(["abcd", "efgh", "ij"]);
  });

  it("GIVEN a surrogate pair at the budget THEN the cut moves before it", () => {
    const pieces = cutText("abc😀def", 4);
    expect(pieces[0]).toBe("abc");
    expect(pieces.join("")).toBe("abc😀def");
  });
});
