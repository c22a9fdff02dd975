import { describe, expect, it } from "vitest";
import type { LibraryPort } from "../../../../src/domain/library.js";
import { suggestArticles } from "../../../../src/platforms/discord/autocomplete.js";

const library = (items: { id: string; title: string }[]) =>
  ({ suggest: (_prefix: string, limit: number) => items.slice(0, limit) }) as unknown as LibraryPort;

describe("suggestArticles", () => {
  it("GIVEN long titles, empty titles and over-long ids THEN names are clipped, ids kept exact, bad ids skipped", () => {
    const choices = suggestArticles(
      library([
        { id: "a", title: "T".repeat(150) },
        { id: "b", title: "  " },
        { id: "x".repeat(101), title: "unreachable" },
      ]),
      "t",
    );
    expect(choices).toEqual([
      { name: `${"T".repeat(99)}…`, value: "a" },
      { name: "\u200b", value: "b" },
    ]);
  });

  it("GIVEN many matches THEN at most 25", () => {
    const items = Array.from({ length: 40 }, (_, i) => ({ id: `id${i}`, title: `Title ${i}` }));
    expect(suggestArticles(library(items), "Title")).toHaveLength(25);
  });
});
