import { describe, expect, it } from "vitest";
import { clip, nonEmpty } from "../../../../src/platforms/discord/limits.js";

/**
 * Cutting text to a Discord limit (titles 256, labels 80...): the result fits, the cut shows, and
 * it never leaves half an emoji or a backslash that would swallow the ellipsis.
 */
describe("clip", () => {
  it("GIVEN text at or under the limit THEN it is unchanged", () => {
    expect(clip("12345", 5)).toBe("12345");
    expect(clip("", 1)).toBe("");
  });

  it("GIVEN text one over THEN it is cut to exactly the limit, the last character an ellipsis", () => {
    expect(clip("123456", 5)).toBe("1234…");
    expect(clip("123456", 5)).toHaveLength(5);
  });

  it("GIVEN an emoji across the cut THEN the whole pair goes, never half of it", () => {
    // "abc" + 😀 (two UTF-16 units) + "def": a cut at 5 would split the pair.
    const text = "abc\u{1F600}def";
    expect(clip(text, 5)).toBe("abc…");
    // A pair that ends before the cut is kept whole.
    expect(clip("ab\u{1F600}defg", 6)).toBe("ab\u{1F600}d…");
    // A low surrogate just before the cut belongs to a pair that is already whole.
    expect(clip("a\u{1F600}bcdef", 5)).toBe("a\u{1F600}b…");
  });

  it("GIVEN an escaping backslash just before the cut THEN it goes too, so the ellipsis shows", () => {
    expect(clip("abc\\*defgh", 5)).toBe("abc…");
    // An escaped backslash (two) is a whole character pair: kept.
    expect(clip("ab\\\\cdefgh", 5)).toBe("ab\\\\…");
    expect(clip("a\\\\\\bcdefg", 5)).toBe("a\\\\…");
  });
});

describe("nonEmpty", () => {
  it("GIVEN blank text THEN a zero-width space (Discord rejects empty names); other text unchanged", () => {
    expect(nonEmpty("")).toBe("\u200b");
    expect(nonEmpty(" \n\t")).toBe("\u200b");
    expect(nonEmpty(" a ")).toBe(" a ");
  });
});
