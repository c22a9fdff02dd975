import { describe, expect, it } from "vitest";
import { escapeMarkdownText } from "../../../../src/platforms/discord/escape-markdown.js";

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

  it("GIVEN 100,000 characters of markdown-heavy text THEN every line is escaped exactly as a short one is", () => {
    // One unit holds every kind of marker, a URL and line starts; it ends with a newline, so each
    // copy starts a line and ends its URL, and the long text must escape to the unit's escape, repeated.
    const unit = "# Head *a* _b_ see https://x.y/z_a*b\n> q ~~s~~ ||p|| `c` [l](u) a\\b\n- item\n12. ten\n";
    const escapedUnit =
      "\\# Head \\*a\\* \\_b\\_ see https://x.y/z_a*b\n\\> q \\~\\~s\\~\\~ \\|\\|p\\|\\| \\`c\\` \\[l\\](u) a\\\\b\n\\- item\n12\\. ten\n";
    expect(escapeMarkdownText(unit)).toBe(escapedUnit);
    const copies = Math.ceil(100_000 / unit.length);
    const text = unit.repeat(copies);
    expect(text.length).toBeGreaterThanOrEqual(100_000);
    // A quadratic escaper (discord.js's look-behind regexes take minutes here) fails this by the
    // test timeout; speed itself is measured in bench/, not here.
    expect(escapeMarkdownText(text)).toBe(escapedUnit.repeat(copies));
  });
});
