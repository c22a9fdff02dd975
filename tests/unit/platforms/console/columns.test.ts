import { describe, expect, it } from "vitest";
import { columns, wrapText } from "../../../../src/platforms/console/wrap-text.js";

/**
 * How many terminal columns a character takes (Unicode East Asian Width, the ranges terminals
 * draw two columns wide), checked at both ends of every range and just outside it: a character
 * counted one column short or long shifts every line after it when the console wraps.
 */
const WIDE_RANGES: [number, number, string][] = [
  [0x1100, 0x115f, "Hangul Jamo initials"],
  [0x2e80, 0xa4cf, "CJK radicals to Yi"],
  [0xac00, 0xd7a3, "Hangul syllables"],
  [0xf900, 0xfaff, "CJK compatibility ideographs"],
  [0xfe30, 0xfe4f, "CJK compatibility forms"],
  [0xff00, 0xff60, "fullwidth forms"],
  [0xffe0, 0xffe6, "fullwidth signs"],
  [0x1f300, 0x1faff, "pictographs and emoji"],
  [0x20000, 0x3fffd, "CJK extension planes"],
];
const ch = (code: number) => String.fromCodePoint(code);

describe("columns", () => {
  it.each(WIDE_RANGES)(
    "GIVEN U+%s..U+%s (%s) THEN two columns at both ends, one just outside",
    (first, last) => {
      expect(columns(ch(first))).toBe(2);
      expect(columns(ch(last))).toBe(2);
      expect(columns(ch(first + Math.floor((last - first) / 2)))).toBe(2);
      // Just outside, where the neighbour is not itself wide or zero-width.
      if (![0xac00 - 1, 0xfe30 - 1].includes(first - 1)) expect(columns(ch(first - 1))).toBe(1);
      if (![0xa4cf + 1, 0xfaff + 1, 0xff60 + 1].includes(last + 1)) expect(columns(ch(last + 1))).toBe(1);
    },
  );

  it("GIVEN combining marks, a zero-width joiner and variation selectors THEN they take no column", () => {
    expect(columns("e\u0301")).toBe(1);
    expect(columns("a\u200db")).toBe(2);
    expect(columns("\u2764\ufe00")).toBe(1);
    expect(columns("\u2764\ufe0f")).toBe(1);
    expect(columns("\u2764\ufe0e")).toBe(1);
    // Just outside the selectors: U+FDFF and U+FE10 are ordinary one-column characters.
    expect(columns("\ufdff")).toBe(1);
    expect(columns("\ufe10")).toBe(1);
    expect(columns("")).toBe(0);
    expect(columns("abc")).toBe(3);
  });
});

describe("wrapText", () => {
  const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(" ");

  it("GIVEN a width under 20, or none THEN the text is left as it is", () => {
    const text = words(30);
    expect(wrapText(text, 19)).toBe(text);
    expect(wrapText(text, Number.POSITIVE_INFINITY)).toBe(text);
    expect(wrapText(text, Number.NaN)).toBe(text);
    expect(wrapText(text, 20).split("\n").length).toBeGreaterThan(1);
  });

  it("GIVEN a line exactly the width THEN it stays whole; one column more THEN it breaks, with no line over", () => {
    const twenty = "abcd efgh ijkl mnopq";
    expect(twenty).toHaveLength(20);
    expect(wrapText(twenty, 20)).toBe(twenty);
    expect(wrapText(`${twenty}r`, 20)).toBe("abcd efgh ijkl\nmnopqr");
    // A word that just fits after a space stays on the line.
    expect(wrapText("aaaaaaaaa bbbbbbbbbb cc", 20)).toBe("aaaaaaaaa bbbbbbbbbb\ncc");
  });

  it("GIVEN several lines THEN each is wrapped on its own and the line breaks are kept", () => {
    const long = words(12);
    expect(wrapText(`short\n${long}\n\nend`, 20)).toBe(
      "short\nw0 w1 w2 w3 w4 w5 w6\nw7 w8 w9 w10 w11\n\nend",
    );
  });

  it("GIVEN runs of spaces THEN a wrapped line joins words with one space and drops the empty ones", () => {
    expect(wrapText("one   two    three    four    five    six", 20)).toBe("one two three four\nfive six");
  });

  it("GIVEN numbered and dashed items THEN their continuation lines hang under the text", () => {
    expect(wrapText(`12. ${words(10)}`, 20)).toBe("12. w0 w1 w2 w3 w4\n    w5 w6 w7 w8 w9");
    expect(wrapText(`3) ${words(10)}`, 20)).toBe("3) w0 w1 w2 w3 w4 w5\n   w6 w7 w8 w9");
    expect(wrapText(`  -  ${words(10)}`, 20)).toBe("  -  w0 w1 w2 w3 w4\n     w5 w6 w7 w8 w9");
    expect(wrapText(`* ${words(10)}`, 20)).toBe("* w0 w1 w2 w3 w4 w5\n  w6 w7 w8 w9");
    // A number without its dot and space is a word, not an item.
    expect(wrapText(`12 ${words(10)}`, 20)).toBe("12 w0 w1 w2 w3 w4 w5\nw6 w7 w8 w9");
  });

  it("GIVEN wide characters THEN they wrap by columns, not by length", () => {
    const han = "日本語 日本語 日本語 日本語";
    expect(wrapText(han, 20)).toBe("日本語 日本語 日本語\n日本語");
  });
});
