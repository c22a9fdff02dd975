import { describe, expect, it } from "vitest";
import { consumeCron } from "../../../src/schedule/consume-cron.js";
import { nextFire, parseCron } from "../../../src/schedule/cron.js";
import { newShortId, normalizeShortId } from "../../../src/schedule/short-id.js";
import { parseTarget, targetOf, withId } from "../../../src/schedule/targets.js";
import { canonicalTimeZone, isValidTimeZone } from "../../../src/schedule/time-zone.js";
import { articleTopicKeys, topicKey } from "../../../src/schedule/topics.js";

/** The scheduler's small pure parts, each at its edges. */

/** The next `n` fire times from `from`, to the second. */
function fires(expression: string, from: string, n: number, zone = "UTC"): string[] {
  const cron = parseCron(expression);
  if (!cron) throw new Error(`not a cron: ${expression}`);
  const out: string[] = [];
  let t = new Date(from);
  for (let i = 0; i < n; i++) {
    const next = nextFire(cron, t, zone);
    if (!next) break;
    out.push(next.toISOString().slice(0, 19));
    t = next;
  }
  return out;
}

describe("cron day rules (node-cron's L, W, L-n, nL, n#k)", () => {
  it.each([
    // 15 March 2025 is a Saturday: the Friday before.
    ["0 9 15W * *", "2025-03-01", ["2025-03-14T09:00:00", "2025-04-15T09:00:00", "2025-05-15T09:00:00"]],
    // 1 February and 1 March 2025 are Saturdays: the Monday after, never the month before.
    ["0 9 1W * *", "2025-02-01", ["2025-02-03T09:00:00", "2025-03-03T09:00:00", "2025-04-01T09:00:00"]],
    // 30 November 2025 is a Sunday and the last day: the Friday before, never the month after.
    ["0 9 30W * *", "2025-11-01", ["2025-11-28T09:00:00", "2025-12-30T09:00:00"]],
    // The 31st only in months that have one; 31 May 2025 is a Saturday.
    ["0 9 31W * *", "2025-04-01", ["2025-05-30T09:00:00", "2025-07-31T09:00:00"]],
    ["0 9 LW * *", "2025-05-01", ["2025-05-30T09:00:00", "2025-06-30T09:00:00", "2025-07-31T09:00:00"]],
    ["0 9 L-3 * *", "2025-02-01", ["2025-02-25T09:00:00", "2025-03-28T09:00:00"]],
    ["0 9 * * 5L", "2025-07-01", ["2025-07-25T09:00:00", "2025-08-29T09:00:00"]],
    ["0 9 * * 0L", "2025-07-01", ["2025-07-27T09:00:00", "2025-08-31T09:00:00"]],
    ["0 9 * * 7#1", "2025-07-01", ["2025-07-06T09:00:00", "2025-08-03T09:00:00"]],
    // Lists in any order fire in time order.
    ["0 17,9 * * *", "2025-07-01", ["2025-07-01T09:00:00", "2025-07-01T17:00:00", "2025-07-02T09:00:00"]],
    ["30,5 0 9 * * *", "2025-07-01", ["2025-07-01T09:00:05", "2025-07-01T09:00:30", "2025-07-02T09:00:05"]],
  ] as const)("GIVEN %s THEN it fires on exactly these days", (expression, from, expected) => {
    expect(fires(expression, `${from}T00:00:00Z`, expected.length)).toEqual(expected);
  });

  it("GIVEN spaces around and between fields THEN the same cron; over 120 characters THEN refused", () => {
    expect(parseCron("  0   9  * * *  ")?.expression).toBe("0 9 * * *");
    const at120 = `00${",0".repeat(55)} 9 * * *`;
    expect(at120).toHaveLength(120);
    expect(parseCron(at120)).not.toBeNull();
    expect(parseCron(`00${",0".repeat(55)} 09 * * *`)).toBeNull(); // 121
  });
});

describe("consumeCron", () => {
  it.each([
    ["  0 9 * * * bitcoin", { value: "0 9 * * *", rest: "bitcoin" }],
    ["0 9 * * *\tbitcoin", { value: "0 9 * * *", rest: "bitcoin" }],
    ["@daily  energy news", { value: "@daily", rest: "energy news" }],
    ['"0 9 * * *" bitcoin', null],
    ["“0 9 * * *” bitcoin", null],
    ["«0 9 * * *» bitcoin", null],
    ["   ", null],
  ] as const)("GIVEN %j THEN %j", (rest, expected) => {
    expect(consumeCron(rest)).toEqual(expected);
  });
});

describe("targets", () => {
  it.each([
    ["  discord:1  ", { platform: "discord", id: "1" }],
    ["console", { platform: "console", id: "console" }],
    ["console:anything", { platform: "console", id: "console" }],
    ["telegram:-100:5", { platform: "telegram", id: "-100:5" }],
    [":1", null],
    ["discord:", null],
    ["irc:1", null],
    ["discord", null],
  ] as const)("GIVEN %j THEN %j", (text, expected) => {
    expect(parseTarget(text)).toEqual(expected);
  });

  it("GIVEN a channel THEN its target; a moved chat keeps its platform; an unknown target is left as it is", () => {
    expect(targetOf({ platform: "console", id: "stdin" })).toBe("console");
    expect(targetOf({ platform: "telegram", id: "-5" })).toBe("telegram:-5");
    expect(withId("telegram:-5", "-1009")).toBe("telegram:-1009");
    expect(withId("bogus", "1")).toBe("bogus");
  });
});

describe("topics", () => {
  it.each([
    ["Économie", "economie"],
    ["  #ECONOMIE ", "economie"],
    ["##Énergie   verte", "energie verte"],
    ["e\u0301conomie", "economie"], // a combining accent
    ["ﬁnance", "finance"], // a ligature
    ["#", ""],
  ])("GIVEN %j THEN the key %j", (text, key) => {
    expect(topicKey(text)).toBe(key);
  });

  it("GIVEN a category and tags that reduce to nothing or to one key THEN one key, no empty one", () => {
    expect(articleTopicKeys({ category: "#", tags: ["Bitcoin", "#bitcoin", " "] })).toEqual(["bitcoin"]);
  });
});

describe("short ids", () => {
  it("GIVEN what a user types THEN trimmed, one leading # dropped, lower case", () => {
    expect(normalizeShortId("  #K7QM ")).toBe("k7qm");
    expect(normalizeShortId("k#7q")).toBe("k#7q");
  });

  it("GIVEN every 4-character id taken THEN 8 tries, then a 5-character id", () => {
    const tried: string[] = [];
    let n = 0;
    const id = newShortId(
      (candidate) => {
        tried.push(candidate);
        return candidate.length === 4;
      },
      () => n++ % 31,
    );
    expect(tried.map((t) => t.length)).toEqual([4, 4, 4, 4, 4, 4, 4, 4, 5]);
    expect(id).toHaveLength(5);
  });
});

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
