import { describe, expect, it } from "vitest";
import type { Block } from "../../../src/domain/reply.js";
import { paginate, splitLong } from "../../../src/framework/paginate.js";

const para = (n: number, ch = "a"): Block => ({ type: "paragraph", text: ch.repeat(n) });
const size = (page: Block[]) => page.reduce((s, b, i) => s + b.text.length + (i > 0 ? 2 : 0), 0);

describe("paginate", () => {
  it("GIVEN text under the budget THEN one page holds every block", () => {
    expect(paginate([para(10), para(10)], 100)).toHaveLength(1);
  });

  it("GIVEN text over the budget THEN pages break between paragraphs and each fits", () => {
    const pages = paginate([para(60), para(60), para(60)], 130);
    expect(pages).toHaveLength(2);
    for (const page of pages) expect(size(page)).toBeLessThanOrEqual(130);
    expect(pages.flat().map((b) => b.text.length)).toEqual([60, 60, 60]);
  });

  it("GIVEN a heading at a page end THEN it moves to the page of its paragraph", () => {
    const pages = paginate([para(80), { type: "heading", text: "Title" }, para(40)], 100);
    expect(pages[1]?.[0]).toEqual({ type: "heading", text: "Title" });
  });

  it("GIVEN one paragraph longer than the budget THEN it is cut at sentence ends", () => {
    const text = "First sentence here. ".repeat(20).trim();
    const pages = paginate([{ type: "paragraph", text }], 100);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(size(page)).toBeLessThanOrEqual(100);
    expect(
      pages
        .flat()
        .map((b) => b.text)
        .join(" "),
    ).toBe(text);
  });
});

describe("splitLong", () => {
  it("GIVEN an emoji across the cut THEN the surrogate pair stays whole", () => {
    const text = `${"x".repeat(9)}😀${"y".repeat(20)}`;
    const parts = splitLong(text, 10);
    expect(parts.join("")).toBe(text);
    for (const part of parts) expect(part).not.toMatch(/[\uD800-\uDBFF]$/);
  });
});
