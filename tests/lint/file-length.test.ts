import { describe, expect, it } from "vitest";
import { checkLength, MAX_LINES } from "./file-length.js";

const body = (n: number): string =>
  Array.from({ length: n }, (_, i) => `export const v${i} = ${i};`).join("\n");

describe("the size rule (npm run lint)", () => {
  it("GIVEN a file of 400 lines THEN it passes; 401 lines without a reason THEN it is reported with its length", () => {
    expect(checkLength({ path: "src/news/a.ts", text: `${body(MAX_LINES)}\n` })).toBeNull();
    expect(checkLength({ path: "src/news/a.ts", text: `${body(MAX_LINES + 1)}\n` })?.message).toMatch(
      /^401 lines, over the house's 400/,
    );
  });

  it("GIVEN the reason in the first comment THEN it passes; the same words further down THEN they do not count", () => {
    const reason = "/**\n * Place names.\n *\n * Over 400 lines: a data table.\n */\n";
    expect(checkLength({ path: "src/news/a.ts", text: reason + body(500) })).toBeNull();
    expect(
      checkLength({ path: "src/news/a.ts", text: `${body(500)}\n// Over 400 lines: hidden.\n` }),
    ).not.toBeNull();
  });
});
