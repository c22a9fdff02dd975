import { describe, expect, it } from "vitest";
import type { Segment } from "../../../../src/platforms/telegram/render-html.js";
import { cutText, splitMessage } from "../../../../src/platforms/telegram/split-message.js";

/**
 * splitMessage and cutText on small hand-made inputs, so every message is known exactly: what
 * goes together, where a cut falls, what a heading at the end does, how separators join.
 */
const plain = (text: string, sep = "\n\n", keepWithNext = false): Segment => ({
  text,
  wrap: (e) => e,
  sep,
  keepWithNext,
});
const bold = (text: string, sep = "\n\n"): Segment => ({
  text,
  wrap: (e) => `<b>${e}</b>`,
  sep,
  keepWithNext: true,
});

describe("splitMessage, exactly", () => {
  it("GIVEN segments that fit together THEN one message joined by their separators (the first's dropped)", () => {
    expect(splitMessage([plain("aaa", "XX"), plain("bbb", "\n"), plain("ccc")], 20)).toEqual([
      "aaa\nbbb\n\nccc",
    ]);
  });

  it("GIVEN a total of exactly the limit THEN one message; one character more THEN two", () => {
    // "aaaa" + "\n\n" + "bbbb" = 10
    expect(splitMessage([plain("aaaa"), plain("bbbb")], 10)).toEqual(["aaaa\n\nbbbb"]);
    expect(splitMessage([plain("aaaa"), plain("bbbbb")], 10)).toEqual(["aaaa", "bbbbb"]);
  });

  it("GIVEN three segments of which two fit per message THEN 2 + 1, in order", () => {
    expect(splitMessage([plain("aaa"), plain("bbb"), plain("ccc")], 8)).toEqual(["aaa\n\nbbb", "ccc"]);
  });

  it("GIVEN a heading that would end a message THEN it moves to the next, with its paragraph", () => {
    expect(splitMessage([plain("aaaa"), bold("T"), plain("bbbbbb")], 16)).toEqual([
      "aaaa",
      "<b>T</b>\n\nbbbbbb",
    ]);
  });

  it("GIVEN a heading alone in its message THEN it stays (there is nothing to move it away from)", () => {
    expect(splitMessage([bold("Title"), plain("b".repeat(20))], 22)).toEqual([
      "<b>Title</b>",
      "b".repeat(20),
    ]);
  });

  it("GIVEN a carried heading and a paragraph that still do not fit together THEN the heading goes alone", () => {
    expect(splitMessage([plain("aaaa"), bold("T"), plain("b".repeat(18))], 18)).toEqual([
      "aaaa",
      "<b>T</b>",
      "b".repeat(18),
    ]);
  });

  it("GIVEN a segment longer than the limit THEN it is cut at word boundaries, each piece wrapped whole", () => {
    expect(splitMessage([bold("aaa bbb ccc ddd", "")], 21)).toEqual(["<b>aaa bbb ccc</b>", "<b>ddd</b>"]);
    expect(splitMessage([bold("aaa bbb ccc ddd", "")], 12)).toEqual([
      "<b>aaa</b>",
      "<b>bbb</b>",
      "<b>ccc</b>",
      "<b>ddd</b>",
    ]);
    // The first piece keeps the segment's own separator.
    expect(splitMessage([plain("xx"), plain("aaaa bbbb", "|")], 7)).toEqual(["xx|aaaa", "bbbb"]);
  });

  it("GIVEN text that grows when escaped THEN pieces are cut smaller until each renders within the limit", () => {
    // The wrap escapes once more: each "&" renders as 9 characters.
    const esc: Segment = { text: "&&&& &&&&", wrap: (e) => e.replaceAll("&", "&amp;"), sep: "" };
    expect(splitMessage([esc], 30)).toEqual([
      "&amp;amp;&amp;amp;&amp;amp;",
      "&amp;amp;",
      "&amp;amp;&amp;amp;&amp;amp;",
      "&amp;amp;",
    ]);
  });

  it("GIVEN markup that alone passes the limit THEN it fails loudly", () => {
    const wide: Segment = { text: "a".repeat(20), wrap: (e) => `<blockquote>${e}</blockquote>`, sep: "" };
    expect(() => splitMessage([wide], 20)).toThrow("markup alone exceeds 20 characters");
    expect(() => splitMessage([{ ...wide, wrap: (e) => `<i>${e}</i>` }], 7)).toThrow(
      "markup alone exceeds 7",
    );
    const tight: Segment = { text: "abc", wrap: (e) => `<b>${e}</b>`, sep: "" };
    expect(splitMessage([tight], 9)).toEqual(["<b>ab</b>", "<b>c</b>"]);
  });

  it("GIVEN blank segments THEN no blank message", () => {
    expect(splitMessage([plain(" "), plain("a".repeat(10)), plain("  ")], 10)).toEqual(["a".repeat(10)]);
  });
});

describe("cutText, exactly", () => {
  it("GIVEN a blank line, a line break, a sentence end and a space THEN it prefers them in that order", () => {
    expect(cutText("aaaa bbbb. cccc\ndddd\n\neeee", 26)).toEqual(["aaaa bbbb. cccc\ndddd\n\neeee"]);
    expect(cutText("aaaaaa bb\n\nbbbbbbbbbbbb", 20)).toEqual(["aaaaaa bb", "bbbbbbbbbbbb"]);
    expect(cutText("aaaaaaaa\nbb. cc ddddddd", 16)).toEqual(["aaaaaaaa", "bb. cc ddddddd"]);
    expect(cutText("aaaaaaaa. bb cc ddddddd", 16)).toEqual(["aaaaaaaa.", "bb cc ddddddd"]);
    expect(cutText("aaaa bbbb cccc dddd", 12)).toEqual(["aaaa bbbb", "cccc dddd"]);
  });

  it("GIVEN a break before half the budget only THEN it does not cut that early: the next kind, or hard", () => {
    // The blank line at 2 is under half of 10: a space later wins.
    expect(cutText("aa\n\nbbb ccc dddd", 10)).toEqual(["aa\n\nbbb", "ccc dddd"]);
    expect(cutText("a bbbbbbbbbbbb", 10)).toEqual(["a bbbbbbbb", "bbbb"]);
  });

  it("GIVEN a separator right at the budget THEN the cut is there", () => {
    expect(cutText("aaaaa bbbbb", 5)).toEqual(["aaaaa", "bbbbb"]);
  });

  it("GIVEN text within the budget THEN one piece; blank text THEN none", () => {
    expect(cutText("abc", 3)).toEqual(["abc"]);
    expect(cutText("   ", 2)).toEqual([]);
    expect(cutText("", 5)).toEqual([]);
  });

  it("GIVEN a budget under 2 THEN 2 (a surrogate pair must fit); pairs never split", () => {
    expect(cutText("abcd", 1)).toEqual(["ab", "cd"]);
    expect(cutText("\u{1F600}\u{1F600}", 1)).toEqual(["\u{1F600}", "\u{1F600}"]);
    expect(cutText("a\u{1F600}b", 2)).toEqual(["a", "\u{1F600}", "b"]);
  });
});
