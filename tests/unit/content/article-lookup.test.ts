import { describe, expect, it } from "vitest";
import { editDistance, idWords, isIdShaped, nearestIds } from "../../../src/content/article-lookup.js";

/** The textbook full table, to check the banded one against. */
function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row.push(
        Math.min(
          (previous[j] as number) + 1,
          (row[j - 1] as number) + 1,
          (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
        ),
      );
    }
    previous = row;
  }
  return previous[b.length] as number;
}

describe("the id-shaped rule", () => {
  it.each([
    ["000_df19e6179d96e4af", true],
    ["2025-07-19-bitcoin", true],
    ["2025-07-30-bitcoin-price", true],
    ["Énergie-Été-2025", true],
    ["covid-19", true],
    ["bitcoin", false],
    ["a1", false],
    ["salvador stratégie", false],
    ["2025-07-19 bitcoin", false],
    ["-bitcoin", false],
    ["bitcoin-", false],
    ["a--b", false],
    ["", false],
  ])("GIVEN %s THEN id-shaped is %s", (text, expected) => {
    expect(isIdShaped(text)).toBe(expected);
  });

  it("GIVEN an id THEN only its parts with a letter are searched", () => {
    expect(idWords("2025-07-19-bitcoin")).toBe("bitcoin");
    expect(idWords("000_df19e6179d96e4af")).toBe("df19e6179d96e4af");
    expect(idWords("2025-07-19")).toBe("");
  });
});

describe("nearest ids", () => {
  it("GIVEN random strings THEN the banded distance equals the full one within the bound, Infinity past it", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const word = () =>
      Array.from({ length: Math.floor(random() * 14) }, () => "abc-_1"[Math.floor(random() * 6)]).join("");
    for (let k = 0; k < 3_000; k++) {
      const [a, b, max] = [word(), word(), Math.floor(random() * 6)];
      const full = levenshtein(a, b);
      expect(editDistance(a, b, max), `${a} / ${b} / ${max}`).toBe(
        full <= max ? full : Number.POSITIVE_INFINITY,
      );
    }
  });

  it("GIVEN a typo or a cut-short id THEN the nearest come first; far ones are left out", () => {
    const ids = [
      "000_df19e6179d96e4ae",
      "2025-07-22-offshore-wind-auction",
      "2025-07-18-eu-mica-stablecoins",
    ].map((id) => ({ id, title: id }));
    expect(nearestIds("000_df19e6179d96e4af", ids, 3).map((n) => n.id)).toEqual(["000_df19e6179d96e4ae"]);
    expect(nearestIds("2025-07-22-offshore", ids, 3).map((n) => n.id)).toEqual([
      "2025-07-22-offshore-wind-auction",
    ]);
    expect(nearestIds("zz_qq_xx", ids, 3)).toEqual([]);
  });
});
