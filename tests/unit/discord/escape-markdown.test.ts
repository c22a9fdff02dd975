import { describe, expect, it } from "vitest";
import { escapeMarkdownText } from "../../../src/platforms/discord/escape-markdown.js";

describe("escapeMarkdownText", () => {
  it.each([
    [
      "*bold* and _it_ and __u__ and ~~s~~ and ||spoiler|| and `code`",
      "\\*bold\\* and \\_it\\_ and \\_\\_u\\_\\_ and \\~\\~s\\~\\~ and \\|\\|spoiler\\|\\| and \\`code\\`",
    ],
    ["# Heading\n## Sub\n-# small", "\\# Heading\n\\## Sub\n\\-# small"],
    ["> quote\n>>> block", "\\> quote\n\\>>> block"],
    ["- item\n+ item\n  - nested", "\\- item\n\\+ item\n  \\- nested"],
    ["1. first\n10. tenth", "1\\. first\n10\\. tenth"],
    ["[click](https://evil.example)", "\\[click\\](https://evil.example)"],
    ["a \\ backslash", "a \\\\ backslash"],
    ["Prices fell 2.5% in 2025 - a drop", "Prices fell 2.5% in 2025 - a drop"],
  ])("GIVEN %j THEN it shows as typed", (input, expected) => {
    expect(escapeMarkdownText(input)).toBe(expected);
  });

  it("GIVEN a URL with underscores THEN the URL is left intact", () => {
    expect(escapeMarkdownText("see https://example.com/a_b*c and _x_")).toBe(
      "see https://example.com/a_b*c and \\_x\\_",
    );
  });

  it("GIVEN mentions THEN they are left as text (allowed_mentions stops the pings)", () => {
    expect(escapeMarkdownText("@everyone <@&123> <@456>")).toBe("@everyone <@&123> <@456>");
  });

  it("GIVEN 200,000 characters of markdown-heavy text THEN it is escaped in linear time", () => {
    const text = "word *a* _b_ https://x.y/z_ ".repeat(8000);
    const started = performance.now();
    const escaped = escapeMarkdownText(text);
    // Generous bound: the quadratic discord.js escaper takes minutes on this input.
    expect(performance.now() - started).toBeLessThan(2000);
    expect(escaped.length).toBeGreaterThan(text.length);
  });
});
