import { describe, expect, it } from "vitest";
import { parseArticleBytes } from "../../../src/content/read-article-file.js";

const markdown = (body: string) => Buffer.from(`---\ntitle: Comments\nlang: en\n---\n\n${body}\n`);

describe("HTML comments in Markdown articles", () => {
  it("GIVEN comments, one spanning lines and one never closed THEN the closed ones are dropped, the rest kept", () => {
    const outcome = parseArticleBytes(
      "c.md",
      markdown(
        "Before <!-- hidden --> after.\n\n<!-- a note\nover two lines -->Next.\n\nOpen <!-- to the end",
      ),
    );
    if (!outcome.ok) throw new Error(outcome.reason);
    const text = outcome.article.sections.map((s) => s.text).join("\n");
    expect(text).toContain("Before after.");
    expect(text).toContain("Next.");
    expect(text).not.toContain("hidden");
    expect(text).not.toContain("over two lines");
    expect(text).toContain("Open <!-- to the end");
  });

  it("GIVEN a megabyte of comment openings never closed THEN the file parses (it took 73 s)", () => {
    const outcome = parseArticleBytes("c.md", markdown("<!-- ".repeat(200_000)));
    expect(outcome.ok).toBe(true);
  });
});
