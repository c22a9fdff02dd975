import { describe, expect, it } from "vitest";
import { parseWhen } from "../../../src/schedule/parse-when.js";

// Thursday 17 July 2025, 10:00 in Paris (CEST, UTC+2).
const now = new Date("2025-07-17T08:00:00Z");
const paris = (text: string) => parseWhen(text, { now, timeZone: "Europe/Paris" })?.toISOString() ?? null;

describe("parseWhen", () => {
  it.each([
    ["in 2h", "2025-07-17T10:00:00.000Z"],
    ["in 30 min", "2025-07-17T08:30:00.000Z"],
    ["in 1h30", "2025-07-17T09:30:00.000Z"],
    ["in 2 hours and 15 minutes", "2025-07-17T10:15:00.000Z"],
    ["in an hour", "2025-07-17T09:00:00.000Z"],
    ["dans 2h", "2025-07-17T10:00:00.000Z"],
    ["dans 30 minutes", "2025-07-17T08:30:00.000Z"],
    ["dans une heure", "2025-07-17T09:00:00.000Z"],
    ["in 2 days", "2025-07-19T08:00:00.000Z"],
    ["  IN   2H  ", "2025-07-17T10:00:00.000Z"],
    ["d’ici 2h", "2025-07-17T10:00:00.000Z"],
    ["d`ici 2h", "2025-07-17T10:00:00.000Z"],
    ["in a day", "2025-07-18T08:00:00.000Z"],
    ["dans une semaine", "2025-07-24T08:00:00.000Z"],
    ["in 1.5h", "2025-07-17T09:30:00.000Z"],
    ["dans 1,5 h", "2025-07-17T09:30:00.000Z"],
    ["in 1m30", "2025-07-17T08:01:30.000Z"],
    ["in 1h 30", "2025-07-17T09:30:00.000Z"],
    ["in 2 hours, 15 minutes", "2025-07-17T10:15:00.000Z"],
    [`in ${"1m ".repeat(26).trimEnd()}`, "2025-07-17T08:26:00.000Z"], // 80 characters: the most read
  ])("GIVEN relative %s THEN an exact duration from now", (text, expected) => {
    expect(paris(text)).toBe(expected);
  });

  it.each([
    ["tomorrow 09:00", "2025-07-18T07:00:00.000Z"],
    ["Tomorrow at 9am", "2025-07-18T07:00:00.000Z"],
    ["demain 09:00", "2025-07-18T07:00:00.000Z"],
    ["demain à 9h", "2025-07-18T07:00:00.000Z"],
    ["today 18:30", "2025-07-17T16:30:00.000Z"],
    ["aujourd'hui 18h30", "2025-07-17T16:30:00.000Z"],
    ["2025-07-18 09:00", "2025-07-18T07:00:00.000Z"],
    ["2025-07-18T09:00", "2025-07-18T07:00:00.000Z"],
    ["18/07/2025 9h30", "2025-07-18T07:30:00.000Z"],
    ["monday 9:00", "2025-07-21T07:00:00.000Z"],
    ["lundi 9h", "2025-07-21T07:00:00.000Z"],
    ["09:00", "2025-07-18T07:00:00.000Z"], // already past today: the next one
    ["18h", "2025-07-17T16:00:00.000Z"],
    ["next friday at 5pm", "2025-07-25T15:00:00.000Z"],
    ["vendredi prochain à 17h", "2025-07-25T15:00:00.000Z"],
    ["next friday at 17:30:15", "2025-07-25T15:30:15.000Z"],
    ["tomorrow at 12am", "2025-07-17T22:00:00.000Z"], // midnight starting the 18th
    ["tomorrow 12pm", "2025-07-18T10:00:00.000Z"],
    ["tomorrow 1pm", "2025-07-18T11:00:00.000Z"],
    ["tomorrow 09:00:30", "2025-07-18T07:00:30.000Z"],
    ["tomorrow 23:59:59", "2025-07-18T21:59:59.000Z"],
    ["31/12/2025 23:59", "2025-12-31T22:59:00.000Z"],
    ["2025-07-18 at 9h", "2025-07-18T07:00:00.000Z"],
    ["2025-07-18 à 9h15", "2025-07-18T07:15:00.000Z"],
    ["thursday 11:00", "2025-07-17T09:00:00.000Z"], // today is Thursday, 10:00: later today
    ["thursday 09:00", "2025-07-24T07:00:00.000Z"], // earlier today: next week
    ["thursday 10:00", "2025-07-24T08:00:00.000Z"], // this very minute: next week
    ["9am tomorrow", "2025-07-18T07:00:00.000Z"],
    ["17h vendredi", "2025-07-18T15:00:00.000Z"],
    ["tonight 20h", "2025-07-17T18:00:00.000Z"],
    ["ce soir 20h", "2025-07-17T18:00:00.000Z"],
    ["après-demain 9h", "2025-07-19T07:00:00.000Z"],
    ["apres-demain 9h", "2025-07-19T07:00:00.000Z"],
    ["day after tomorrow 9:00", "2025-07-19T07:00:00.000Z"],
    ["at 18h", "2025-07-17T16:00:00.000Z"],
    ["à 9h", "2025-07-18T07:00:00.000Z"],
    ["10h", "2025-07-18T08:00:00.000Z"], // this very minute: tomorrow's
    ["9pm", "2025-07-17T19:00:00.000Z"],
    ["5pm utc", "2025-07-17T17:00:00.000Z"], // names its own offset
  ])("GIVEN wall time %s THEN it is read in the chat's zone", (text, expected) => {
    expect(paris(text)).toBe(expected);
  });

  it("GIVEN ISO with an offset or Z THEN that instant, whatever the zone", () => {
    expect(paris("2025-07-18T09:00:00Z")).toBe("2025-07-18T09:00:00.000Z");
    expect(paris("2025-07-18T09:00+05:00")).toBe("2025-07-18T04:00:00.000Z");
  });

  it("GIVEN the same words in another zone THEN another instant", () => {
    const ny = parseWhen("tomorrow 09:00", { now, timeZone: "America/New_York" });
    expect(ny?.toISOString()).toBe("2025-07-18T13:00:00.000Z");
  });

  it("GIVEN a wall time in the spring-forward gap THEN it moves forward by the gap", () => {
    expect(paris("2025-03-30 02:30")).toBe("2025-03-30T01:30:00.000Z");
  });

  it("GIVEN a time already past THEN it is returned as such (the caller rejects it)", () => {
    expect(paris("today 08:00")).toBe("2025-07-17T06:00:00.000Z");
    expect(paris("2025-07-01 09:00")).toBe("2025-07-01T07:00:00.000Z");
    expect(paris("in 0 min")).toBe(now.toISOString());
    expect(paris("2024-02-29 09:00")).toBe("2024-02-29T08:00:00.000Z"); // a leap day, in the past
  });

  it.each([
    "",
    "garbage",
    "bitcoin tomorrow",
    "tomorrow",
    "9",
    "2025-13-01 09:00",
    "2025-02-30 09:00",
    "25:00",
    "in",
    "in 5",
    "in 2 fortnights",
    "in 2h foo",
    `in ${"1m ".repeat(25)}10m`, // 81 characters
    "tomorrow 13pm",
    "tomorrow 24:00",
    "tomorrow 09:60",
    "tomorrow 09:00:60",
    "2025-00-10 09:00",
    "2025-07-00 09:00",
    "2025-02-29 09:00",
    "2025-04-31 09:00",
    "18/13/2025 9h",
    "le 2025-13-01 à 9h",
  ])("GIVEN %j THEN null", (text) => {
    expect(paris(text)).toBeNull();
  });

  it.each(["in 99999999 weeks", "dans 99999999 semaines", "in 9999999999999 days"])(
    "GIVEN %j, beyond what a Date holds THEN null, never an Invalid Date",
    (text) => {
      expect(parseWhen(text, { now, timeZone: "Europe/Paris" })).toBeNull();
    },
  );
});
