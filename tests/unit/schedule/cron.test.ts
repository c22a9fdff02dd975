import { describe, expect, it } from "vitest";
import { parseCron } from "../../../src/framework/cron-syntax.js";
import { firesEver, minimumGapMs, nextFire, previousFire } from "../../../src/schedule/cron.js";
import { instantsOf, resolveWallTime, wallTime } from "../../../src/schedule/time-zone.js";
import { harness } from "./helpers.js";

const PARIS = "Europe/Paris";

function fires(expression: string, from: string, count: number, zone = PARIS): string[] {
  const cron = parseCron(expression);
  if (!cron) throw new Error(`bad cron ${expression}`);
  const out: string[] = [];
  let at = new Date(from);
  for (let i = 0; i < count; i++) {
    const next = nextFire(cron, at, zone);
    if (!next) break;
    out.push(next.toISOString());
    at = next;
  }
  return out;
}

describe("parseCron", () => {
  it("GIVEN 5 and 6 fields, names, nicknames THEN it parses them through node-cron", () => {
    for (const e of [
      "0 9 * * 1-5",
      "0 0 9 * * mon-fri",
      "@daily",
      "*/15 * * * *",
      "0 9 L * *",
      "0 9 * * 1#2",
    ]) {
      expect(parseCron(e), e).not.toBeNull();
    }
  });

  it("GIVEN a well-formed day that no listed month has (30 Feb, 31 Apr/Jun) THEN it parses, and never fires", () => {
    for (const e of ["0 0 30 2 *", "0 0 31 4,6 *", "0 0 0 31 2 *", "0 0 30-31 2 1-5"]) {
      const cron = parseCron(e);
      expect(cron, e).not.toBeNull();
      expect(firesEver(cron as NonNullable<typeof cron>), e).toBe(false);
      expect(
        nextFire(cron as NonNullable<typeof cron>, new Date("2025-07-17T08:00:00Z"), PARIS),
        e,
      ).toBeNull();
    }
    for (const e of ["0 0 29 2 *", "0 0 29 2 1", "0 9 * * *"]) {
      const cron = parseCron(e);
      expect(cron && firesEver(cron), e).toBe(true);
    }
  });

  it("GIVEN a day or month out of range, or a malformed field beside an impossible date THEN still null", () => {
    for (const e of [
      "0 0 32 2 *",
      "0 0 30 13 *",
      "0 0 30 2 8",
      "0 0 30 2 * *",
      "x 0 30 2 *",
      "0 0 30 feb-x *",
    ]) {
      expect(parseCron(e), e).toBeNull();
    }
  });

  it("GIVEN garbage THEN null", () => {
    for (const e of ["", "0 9 * *", "61 * * * *", "0 9 * * 1-5 bitcoin", "every day", "0 25 * * *"]) {
      expect(parseCron(e), e).toBeNull();
    }
  });
});

describe("nextFire across DST (Europe/Paris)", () => {
  it("GIVEN a 09:00 digest THEN it fires at 09:00 Paris time once a day on both sides of spring-forward", () => {
    const out = fires("0 9 * * *", "2025-03-28T12:00:00Z", 4);
    expect(out).toEqual([
      "2025-03-29T08:00:00.000Z", // CET, UTC+1
      "2025-03-30T07:00:00.000Z", // spring-forward day: CEST, UTC+2
      "2025-03-31T07:00:00.000Z",
      "2025-04-01T07:00:00.000Z",
    ]);
    for (const t of out) expect(wallTime(Date.parse(t), PARIS)).toMatchObject({ hour: 9, minute: 0 });
  });

  it("GIVEN a 09:00 digest THEN it fires once at 09:00 on the fall-back day too", () => {
    expect(fires("0 9 * * *", "2025-10-25T12:00:00Z", 3)).toEqual([
      "2025-10-26T08:00:00.000Z", // CET again, UTC+1
      "2025-10-27T08:00:00.000Z",
      "2025-10-28T08:00:00.000Z",
    ]);
  });

  it("GIVEN 02:30, which does not exist on 2025-03-30 THEN it fires at 03:30 that day, once", () => {
    expect(fires("30 2 * * *", "2025-03-29T12:00:00Z", 2)).toEqual([
      "2025-03-30T01:30:00.000Z", // 03:30 CEST
      "2025-03-31T00:30:00.000Z", // 02:30 CEST
    ]);
  });

  it("GIVEN 02:30, which happens twice on 2025-10-26 THEN it fires once, at the first", () => {
    expect(fires("30 2 * * *", "2025-10-25T12:00:00Z", 2)).toEqual([
      "2025-10-26T00:30:00.000Z", // 02:30 CEST, not 02:30 CET
      "2025-10-27T01:30:00.000Z",
    ]);
  });

  it("GIVEN an hourly job THEN it stays hourly through the repeated hour (25 fires that day)", () => {
    const day = fires("0 * * * *", "2025-10-25T21:59:00Z", 30).filter(
      (t) => t >= "2025-10-25T22:00:00.000Z" && t < "2025-10-26T23:00:00.000Z",
    );
    expect(day).toHaveLength(25);
    const gaps = day.slice(1).map((t, i) => Date.parse(t) - Date.parse(day[i] as string));
    expect(new Set(gaps)).toEqual(new Set([3_600_000]));
  });

  it("GIVEN every 15 minutes through spring-forward THEN no duplicate and no burst", () => {
    const out = fires("*/15 * * * *", "2025-03-30T00:30:00Z", 6);
    expect(out).toEqual([
      "2025-03-30T00:45:00.000Z",
      "2025-03-30T01:00:00.000Z", // 03:00 CEST: the 02:xx slots do not pile up here
      "2025-03-30T01:15:00.000Z",
      "2025-03-30T01:30:00.000Z",
      "2025-03-30T01:45:00.000Z",
      "2025-03-30T02:00:00.000Z",
    ]);
  });

  it("GIVEN a zone without DST and 6 fields THEN seconds count", () => {
    expect(fires("30 0 9 * * *", "2025-07-17T00:00:00Z", 1, "Asia/Tokyo")).toEqual([
      "2025-07-17T00:00:30.000Z",
    ]);
  });

  it("GIVEN special day tokens THEN last day of month and 2nd Monday", () => {
    expect(fires("0 9 L * *", "2025-02-01T00:00:00Z", 1, "UTC")).toEqual(["2025-02-28T09:00:00.000Z"]);
    expect(fires("0 9 * * 1#2", "2025-07-01T00:00:00Z", 1, "UTC")).toEqual(["2025-07-14T09:00:00.000Z"]);
  });
});

describe("previousFire", () => {
  it("GIVEN a time THEN the newest slot at or before it, bounded below", () => {
    const cron = parseCron("0 9 * * *");
    if (!cron) throw new Error("cron");
    expect(previousFire(cron, new Date("2025-10-26T12:00:00Z"), PARIS)?.toISOString()).toBe(
      "2025-10-26T08:00:00.000Z",
    );
    expect(previousFire(cron, new Date("2025-10-26T08:00:00Z"), PARIS)?.toISOString()).toBe(
      "2025-10-26T08:00:00.000Z",
    );
    expect(
      previousFire(cron, new Date("2025-10-26T12:00:00Z"), PARIS, new Date("2025-10-26T09:00:00Z")),
    ).toBeNull();
  });
});

describe("minimumGapMs", () => {
  const gap = (e: string, zone = PARIS) => {
    const cron = parseCron(e);
    if (!cron) throw new Error(e);
    return minimumGapMs(cron, zone, new Date("2025-01-01T00:00:00Z"));
  };

  it("GIVEN every 5 minutes THEN 5 minutes; every 2 THEN 2", () => {
    expect(gap("*/5 * * * *")).toBe(300_000);
    expect(gap("*/2 * * * *")).toBe(120_000);
  });

  it("GIVEN a rare day THEN its gap still counts (Feb 29 every 2 minutes)", () => {
    expect(gap("*/2 * 29 2 *")).toBe(120_000);
  });

  it("GIVEN 01:58 and 03:02 THEN the spring-forward night brings them 4 minutes apart", () => {
    expect(gap("58,2 1,3 * * *")).toBe(4 * 60_000);
    expect(gap("58,2 1,3 * * *", "UTC")).toBe(56 * 60_000); // no DST: 01:02 to 01:58
    expect(gap("0 9 * * *")).toBe(23 * 3_600_000); // the spring-forward day is 23 h long
  });
});

describe("wall times", () => {
  it("GIVEN gap and overlap wall times THEN none, two, and the policy's pick", () => {
    const gapTime = { year: 2025, month: 3, day: 30, hour: 2, minute: 30, second: 0 };
    const overlap = { year: 2025, month: 10, day: 26, hour: 2, minute: 30, second: 0 };
    expect(instantsOf(gapTime, PARIS)).toEqual([]);
    expect(new Date(resolveWallTime(gapTime, PARIS)).toISOString()).toBe("2025-03-30T01:30:00.000Z");
    expect(instantsOf(overlap, PARIS).map((t) => new Date(t).toISOString())).toEqual([
      "2025-10-26T00:30:00.000Z",
      "2025-10-26T01:30:00.000Z",
    ]);
  });
});

describe("/schedule digest with an expression that never fires", () => {
  it.each([
    ["en", "“0 0 30 2 *” never fires"],
    ["fr", "«\u00a00 0 30 2 *\u00a0» ne se déclenche jamais"],
  ] as const)(
    "GIVEN 0 0 30 2 * in %s THEN 'never fires', not 'not a cron expression', and nothing is saved",
    async (locale, words) => {
      const h = harness({ start: "2025-07-17T08:00:00Z", config: { timeZone: PARIS } });
      try {
        const reply = await h.say("/schedule digest 0 0 30 2 *", { locale });
        expect(reply.error).toBe(true);
        expect(reply.plain).toContain(words);
        expect(reply.plain).not.toMatch(/not a cron expression|n’est pas une expression cron/);
        expect(h.db.prepare("SELECT COUNT(*) FROM schedules").pluck().get()).toBe(0);
      } finally {
        h.close();
      }
    },
  );
});

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
    expect(
      fires(expression, `${from}T00:00:00Z`, expected.length, "UTC").map((iso) => iso.slice(0, 19)),
    ).toEqual(expected);
  });

  it("GIVEN spaces around and between fields THEN the same cron; over 120 characters THEN refused", () => {
    expect(parseCron("  0   9  * * *  ")?.expression).toBe("0 9 * * *");
    const at120 = `00${",0".repeat(55)} 9 * * *`;
    expect(at120).toHaveLength(120);
    expect(parseCron(at120)).not.toBeNull();
    expect(parseCron(`00${",0".repeat(55)} 09 * * *`)).toBeNull(); // 121
  });
});
