import { afterEach, describe, expect, it } from "vitest";
import type { Article, ArticleMatch, ArticleMeta } from "../../../src/domain/article.js";
import type { Clock } from "../../../src/domain/clock.js";
import type { WatchedLibrary } from "../../../src/domain/library.js";
import { article, type Harness, harness } from "./helpers.js";

/**
 * DST at the scheduler level (ADR 31), counted as fires: the library is a wire with a new article
 * every minute, so every slot that fires has something to post and a second fire in a repeated
 * hour would be a second digest, not an empty one suppressed. Each test lists the planned slots
 * (the outbox rows) and the posts, and both must be exactly the expected instants.
 */

const TUNING = { maxSleepMs: 6 * 3_600_000, heartbeatMs: 3_600_000 };
const alice = { id: "u1", name: "Alice" };
const channel = { platform: "discord" as const, id: "100" };

let h: Harness;
afterEach(async () => {
  await h.scheduler.stop();
  h.close();
});

/** A new article every minute of the clock, forever: nothing a digest slot sees is ever stale. */
class Wire implements WatchedLibrary {
  constructor(private readonly clock: Clock) {}
  private at(minute: number): Article {
    return article(`w${minute}`, { date: new Date(minute * 60_000).toISOString().slice(0, 10) });
  }
  private meta(a: Article): ArticleMeta {
    const { sections: _sections, ...meta } = a;
    return meta;
  }
  latest(limit: number): ArticleMeta[] {
    const now = Math.floor(this.clock.now().getTime() / 60_000);
    return Array.from({ length: Math.min(limit, 3) }, (_, i) => this.meta(this.at(now - i)));
  }
  get(id: string): Article | null {
    const minute = /^w(\d+)$/.exec(id)?.[1];
    return minute ? this.at(Number(minute)) : null;
  }
  getMeta(id: string): ArticleMeta | null {
    const a = this.get(id);
    return a ? this.meta(a) : null;
  }
  search = () => [];
  resolve = (id: string): ArticleMatch => {
    const article = this.get(id);
    return article ? { article, by: "id" } : { article: null, idShaped: true, closest: [] };
  };
  topics = () => ({ categories: [], tags: [] });
  suggest = () => [];
  count = () => 3;
  onChange(): void {}
}

/** A moderator's digest in a channel set to `zone`, run from `from` to `to`: its slots and its posts. */
async function digestFires(zone: string, cron: string, from: string, to: string) {
  h = harness({ start: from, tuning: TUNING });
  h.scheduler = h.another({ library: new Wire(h.time.clock) });
  await h.scheduler.start();
  await h.scheduler.port.setTimeZone(channel, alice, zone);
  await h.scheduler.port.scheduleDigest(channel, alice, { cron });
  await h.time.advanceTo(to);
  const slots = h.db
    .prepare("SELECT json_extract(payload, '$.slot') FROM deliveries WHERE kind = 'digest' ORDER BY 1")
    .pluck()
    .all();
  const posts = h.discord.to(channel.id).map((s) => s.at);
  // Each slot was posted at its own instant, once.
  expect(posts).toEqual(slots);
  return slots;
}

/** Every whole UTC hour from `first` to `last`, inclusive. */
function everyHour(first: string, last: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(first); t <= Date.parse(last); t += 3_600_000) out.push(new Date(t).toISOString());
  return out;
}

/** A daily digest over a change of clocks: three days, one fire each, at these instants. */
const DAILY: [what: string, zone: string, cron: string, from: string, fires: string[]][] = [
  // 09:00 Paris keeps its local time: 08:00Z in winter, 07:00Z in summer.
  [
    "09:00 Europe/Paris, spring-forward (30 March)",
    "Europe/Paris",
    "0 9 * * *",
    "2025-03-28T12:00:00Z",
    ["2025-03-29T08:00:00.000Z", "2025-03-30T07:00:00.000Z", "2025-03-31T07:00:00.000Z"],
  ],
  [
    "09:00 Europe/Paris, fall-back (26 October)",
    "Europe/Paris",
    "0 9 * * *",
    "2025-10-24T12:00:00Z",
    ["2025-10-25T07:00:00.000Z", "2025-10-26T08:00:00.000Z", "2025-10-27T08:00:00.000Z"],
  ],
  // 02:30 does not exist on 30 March: fired the gap's length later, at 03:30 CEST (01:30Z).
  [
    "02:30 Europe/Paris, spring-forward",
    "Europe/Paris",
    "30 2 * * *",
    "2025-03-28T12:00:00Z",
    ["2025-03-29T01:30:00.000Z", "2025-03-30T01:30:00.000Z", "2025-03-31T00:30:00.000Z"],
  ],
  // 02:30 happens twice on 26 October (00:30Z CEST, 01:30Z CET): the first only.
  [
    "02:30 Europe/Paris, fall-back",
    "Europe/Paris",
    "30 2 * * *",
    "2025-10-24T12:00:00Z",
    ["2025-10-25T00:30:00.000Z", "2025-10-26T00:30:00.000Z", "2025-10-27T01:30:00.000Z"],
  ],
  // 01:30 happens twice on 2 November (05:30Z EDT, 06:30Z EST): the first only.
  [
    "01:30 America/New_York, fall-back (2 November)",
    "America/New_York",
    "30 1 * * *",
    "2025-11-01T00:00:00Z",
    ["2025-11-01T05:30:00.000Z", "2025-11-02T05:30:00.000Z", "2025-11-03T06:30:00.000Z"],
  ],
  // 02:30 does not exist on 9 March: 03:30 EDT (07:30Z).
  [
    "02:30 America/New_York, spring-forward (9 March)",
    "America/New_York",
    "30 2 * * *",
    "2025-03-08T00:00:00Z",
    ["2025-03-08T07:30:00.000Z", "2025-03-09T07:30:00.000Z", "2025-03-10T06:30:00.000Z"],
  ],
  // Lord Howe moves its clocks by 30 minutes. 6 April: 02:00 +11:00 becomes 01:30 +10:30, so
  // 01:45 happens at 14:45Z and again at 15:15Z: the first only.
  [
    "01:45 Australia/Lord_Howe, fall-back (6 April)",
    "Australia/Lord_Howe",
    "45 1 * * *",
    "2025-04-04T00:00:00Z",
    ["2025-04-04T14:45:00.000Z", "2025-04-05T14:45:00.000Z", "2025-04-06T15:15:00.000Z"],
  ],
  // 5 October: 02:00 +10:30 becomes 02:30 +11:00, so 02:15 is shifted 30 minutes, to 02:45 (15:45Z).
  [
    "02:15 Australia/Lord_Howe, spring-forward (5 October)",
    "Australia/Lord_Howe",
    "15 2 * * *",
    "2025-10-03T00:00:00Z",
    ["2025-10-03T15:45:00.000Z", "2025-10-04T15:45:00.000Z", "2025-10-05T15:15:00.000Z"],
  ],
];

describe("DST: a daily digest fires once a day, at the instants of ADR 31", () => {
  it.each(DAILY)("GIVEN %s THEN exactly these fires", async (_what, zone, cron, from, fires) => {
    // Until half a day past the last: a repeated time's second occurrence would be in there.
    const to = new Date(Date.parse(fires.at(-1) ?? from) + 12 * 3_600_000).toISOString();
    expect(await digestFires(zone, cron, from, to)).toEqual(fires);
  });
});

describe("DST: an hourly digest stays hourly", () => {
  it("GIVEN every hour in Europe/Paris on the fall-back day THEN 25 fires, one per real hour, both 02:00s included", async () => {
    const slots = await digestFires(
      "Europe/Paris",
      "0 * * * *",
      "2025-10-25T21:30:00Z",
      "2025-10-26T22:30:00Z",
    );
    expect(slots).toEqual(everyHour("2025-10-25T22:00:00Z", "2025-10-26T22:00:00Z"));
    expect(slots).toHaveLength(25);
  });

  it("GIVEN every hour in Europe/Paris on the spring-forward day THEN 23 fires, one per real hour, none doubled", async () => {
    const slots = await digestFires(
      "Europe/Paris",
      "0 * * * *",
      "2025-03-29T22:30:00Z",
      "2025-03-30T21:30:00Z",
    );
    expect(slots).toEqual(everyHour("2025-03-29T23:00:00Z", "2025-03-30T21:00:00Z"));
    expect(slots).toHaveLength(23);
  });

  it("GIVEN every 30 minutes in Australia/Lord_Howe over its 30-minute fall-back THEN one fire per real half hour", async () => {
    const slots = await digestFires(
      "Australia/Lord_Howe",
      "*/30 * * * *",
      "2025-04-05T13:50:00Z",
      "2025-04-05T16:10:00Z",
    );
    expect(slots).toEqual([
      "2025-04-05T14:00:00.000Z",
      "2025-04-05T14:30:00.000Z", // 01:30 +11:00
      "2025-04-05T15:00:00.000Z", // 01:30 +10:30, the repeated half hour
      "2025-04-05T15:30:00.000Z",
      "2025-04-05T16:00:00.000Z",
    ]);
  });
});

describe("DST: a one-off post in the repeated hour", () => {
  async function postAt(when: string): Promise<string[]> {
    h = harness({ start: "2025-10-25T12:00:00Z", articles: [article("a1")], tuning: TUNING });
    await h.scheduler.start();
    for (const line of ["/settings timezone Europe/Paris", `/schedule post a1 ${when}`]) {
      const reply = await h.say(line, { channel });
      expect(reply.error, reply.plain).toBeFalsy();
    }
    await h.time.advanceTo("2025-10-27T00:00:00Z");
    const planned = h.db.prepare("SELECT key FROM deliveries WHERE kind = 'post'").pluck().all();
    expect(planned).toHaveLength(1);
    return h.discord.to(channel.id).map((s) => s.at);
  }

  it("GIVEN '2025-10-26 02:30' typed in Europe/Paris THEN it is posted once, at the first 02:30 (00:30Z)", async () => {
    expect(await postAt("2025-10-26 02:30")).toEqual(["2025-10-26T00:30:00.000Z"]);
  });

  it("GIVEN the second 02:30 given with its offset (+01:00) THEN it is posted once, at 01:30Z", async () => {
    expect(await postAt("2025-10-26T02:30+01:00")).toEqual(["2025-10-26T01:30:00.000Z"]);
  });
});
