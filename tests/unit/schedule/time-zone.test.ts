import { describe, expect, it } from "vitest";
import { canonicalTimeZone, isValidTimeZone } from "../../../src/schedule/time-zone.js";

describe("time zones", () => {
  it.each([
    ["  europe/paris ", "Europe/Paris"],
    ["UTC", "UTC"],
    ["", null],
    ["   ", null],
    ["x".repeat(65), null],
    ["Mars/Olympus", null],
  ])("GIVEN %j THEN %j", (zone, canonical) => {
    expect(canonicalTimeZone(zone)).toBe(canonical);
    expect(isValidTimeZone(zone)).toBe(canonical !== null);
  });
});
