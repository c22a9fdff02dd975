import { describe, expect, it } from "vitest";
import { newShortId, normalizeShortId } from "../../../src/schedule/short-id.js";

describe("short ids", () => {
  it("GIVEN what a user types THEN trimmed, one leading # dropped, lower case", () => {
    expect(normalizeShortId("  #K7QM ")).toBe("k7qm");
    expect(normalizeShortId("k#7q")).toBe("k#7q");
  });

  it("GIVEN every 4-character id taken THEN 8 tries, then a 5-character id", async () => {
    const tried: string[] = [];
    let n = 0;
    const id = await newShortId(
      async (candidate) => {
        tried.push(candidate);
        return candidate.length === 5;
      },
      () => n++ % 31,
    );
    expect(tried.map((t) => t.length)).toEqual([4, 4, 4, 4, 4, 4, 4, 4, 5]);
    expect(id).toHaveLength(5);
  });
});
