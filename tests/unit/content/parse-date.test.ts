import { describe, expect, it } from "vitest";
import { dateToIso, parseDate } from "../../../src/content/parse-date.js";

describe("GIVEN a written date", () => {
  it.each([
    ["July 17, 2025", "2025-07-17"],
    ["July 17 2025", "2025-07-17"],
    ["Jul. 4, 2025", "2025-07-04"],
    ["Sept 5, 2025", "2025-09-05"],
    ["July 1st, 2025", "2025-07-01"],
    ["Thursday, July 17, 2025", "2025-07-17"],
    ["17 July 2025", "2025-07-17"],
    ["Published on July 17, 2025 at 10:30 UTC", "2025-07-17"],
    ["17 juillet 2025", "2025-07-17"],
    ["1er juillet 2025", "2025-07-01"],
    ["1ᵉʳ août 2025", "2025-08-01"],
    ["3 fevrier 2025", "2025-02-03"],
    ["jeudi 17 juillet 2025", "2025-07-17"],
    ["le 17 juil. 2025", "2025-07-17"],
    ["Publié le 5 décembre 2025 à 08h15", "2025-12-05"],
    ["2025-07-17", "2025-07-17"],
    ["  2025-07-17  ", "2025-07-17"],
    ["2025-07-17T08:30:00Z", "2025-07-17T08:30:00Z"],
    ["2025-07-17T08:30:00.250Z", "2025-07-17T08:30:00Z"],
    ["2025-07-17 08:30", "2025-07-17T08:30:00"],
    ["2025-07-17T08:30:00+0200", "2025-07-17T08:30:00+02:00"],
    ["2025-07-17T08:30:00-05:00", "2025-07-17T08:30:00-05:00"],
    ["2024-02-29", "2024-02-29"],
  ])("WHEN it is %s THEN it is %s", (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it.each([
    "",
    "soon",
    "17/07/2025",
    "2025-02-30",
    "2025-02-29",
    "2025-13-01",
    "32 juillet 2025",
    "Smarch 3, 2025",
    "2025-07-17T25:00:00Z",
    "2025-07-17T08:30:00+15:00",
    "July 2025",
  ])("WHEN it is %j THEN it is null, never a guess", (text) => {
    expect(parseDate(text)).toBeNull();
  });
});

describe("GIVEN a Date object, as YAML can give", () => {
  it("WHEN it has no time of day THEN it is a bare ISO date", () => {
    expect(dateToIso(new Date(Date.UTC(2025, 6, 17)))).toBe("2025-07-17");
  });

  it("WHEN it has a time THEN it is a UTC date-time", () => {
    expect(dateToIso(new Date("2025-07-17T08:30:00+02:00"))).toBe("2025-07-17T06:30:00Z");
  });

  it("WHEN it is invalid THEN it is null", () => {
    expect(dateToIso(new Date("nope"))).toBeNull();
  });
});
