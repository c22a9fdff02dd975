import { afterEach, describe, expect, it } from "vitest";
import { article, type Harness, harness } from "./helpers.js";

const TUNING = { maxSleepMs: 6 * 3_600_000, heartbeatMs: 3_600_000 };
const alice = { id: "u1", name: "Alice" };
const eco = { platform: "discord" as const, id: "200" };
const sport = { platform: "telegram" as const, id: "-300" };

let h: Harness;
afterEach(async () => {
  await h.scheduler.stop();
  h.close();
});

async function setup(config = {}) {
  h = harness({
    start: "2025-07-17T08:00:00Z",
    config: { targets: ["discord:111"], ...config },
    articles: [article("old")],
    tuning: TUNING,
  });
  await h.scheduler.start();
  await h.scheduler.port.subscribe(eco, alice, "ECONOMIE");
  await h.scheduler.port.subscribe(sport, alice, "sport");
  await h.settle();
}

describe("new-article announcements", () => {
  it("GIVEN the library at first start THEN nothing in it is announced (baseline)", async () => {
    await setup();
    await h.time.advance(60_000);
    expect(h.discord.sent).toHaveLength(0);
    expect(h.telegram.sent).toHaveLength(0);
  });

  it("GIVEN a new file THEN it is posted once to configured targets and to subscribers of its topics only", async () => {
    await setup();
    h.library.add(article("fresh", { category: "Économie", tags: ["Bitcoin"] }));
    await h.settle();
    expect(h.discord.to("111").map((s) => s.reply.text)).toEqual(["New article"]);
    expect(h.discord.to("200").map((s) => s.reply.cards[0]?.title)).toEqual(["Title fresh"]);
    expect(h.telegram.to("-300")).toHaveLength(0);
    // An edit, a restart, time passing: still once.
    h.library.change(article("fresh", { title: "Edited", category: "Économie" }));
    await h.scheduler.stop();
    h.scheduler = h.another();
    await h.scheduler.start();
    await h.time.advance(3_600_000);
    expect(h.discord.to("111")).toHaveLength(1);
    expect(h.discord.to("200")).toHaveLength(1);
  });

  it("GIVEN a tag subscription written differently (#Bitcoin vs bitcoin) THEN it matches", async () => {
    await setup();
    await h.scheduler.port.subscribe(sport, alice, "#Bitcoin");
    h.library.add(article("btc", { category: "Crypto", tags: ["bitcoin"] }));
    await h.settle();
    expect(h.telegram.to("-300")).toHaveLength(1);
  });

  it("GIVEN a file added while the bot was down THEN it is announced at start", async () => {
    await setup();
    await h.scheduler.stop();
    h.library.add(article("offline", { category: "Sport", tags: [] }));
    h.time.jump("2025-07-17T12:00:00Z");
    h.scheduler = h.another();
    await h.scheduler.start();
    await h.settle();
    expect(h.telegram.to("-300").map((s) => s.at)).toEqual(["2025-07-17T12:00:00.000Z"]);
  });

  it("GIVEN publish_at in the future THEN it is neither posted nor listed before, and announced when it lifts", async () => {
    await setup();
    h.library.add(article("embargoed", { publishAt: "2025-07-17T10:00:00Z" }));
    await h.time.advanceTo("2025-07-17T09:59:59Z");
    expect(h.discord.sent).toHaveLength(0);
    expect(h.library.latest(10).map((m) => m.id)).not.toContain("embargoed");
    await h.time.advanceTo("2025-07-17T11:00:00Z");
    expect(h.discord.to("111").map((s) => s.at)).toEqual(["2025-07-17T10:00:00.000Z"]);
    expect(h.discord.to("200")).toHaveLength(1);
  });

  it("GIVEN an embargo that lifts while the bot is down THEN it is announced at start", async () => {
    await setup();
    h.library.add(article("embargoed", { publishAt: "2025-07-17T10:00:00Z" }));
    await h.settle();
    await h.scheduler.stop();
    h.time.jump("2025-07-17T15:00:00Z");
    h.scheduler = h.another();
    await h.scheduler.start();
    await h.settle();
    expect(h.discord.to("111").map((s) => s.at)).toEqual(["2025-07-17T15:00:00.000Z"]);
  });

  it("GIVEN a bulk import THEN the newest 10 are announced and the rest left to digests", async () => {
    h = harness({
      start: "2025-07-17T08:00:00Z",
      config: { targets: ["discord:111"] },
      tuning: { ...TUNING, eventDebounceMs: 1_000 },
    });
    await h.scheduler.start();
    await h.settle();
    // Files arriving one by one within the debounce window count as one burst.
    for (let i = 10; i < 25; i++) {
      h.library.add(article(`bulk${i}`, { date: `2025-06-${i}` }));
      await h.time.advance(50);
    }
    await h.time.advance(1_000);
    const titles = h.discord.to("111").map((s) => s.reply.cards[0]?.footer);
    expect(titles).toHaveLength(10);
    expect(titles[0]).toBe("bulk15"); // oldest of the ten first
    expect(titles[9]).toBe("bulk24");
  });

  it("GIVEN /settings language fr for a channel THEN its posts are in French", async () => {
    await setup();
    await h.scheduler.port.setLanguage(eco, alice, "fr");
    h.library.add(article("fr1", { category: "economie" }));
    await h.settle();
    const [post] = h.discord.to("200");
    expect(post?.reply.text).toBe("Nouvel article");
    expect(post?.reply.cards[0]?.buttons?.[0]?.label).toBe("Texte intégral");
    expect(h.discord.to("111")[0]?.reply.text).toBe("New article");
  });

  it("GIVEN /unsubscribe THEN new articles on that topic stop coming", async () => {
    await setup();
    await h.scheduler.port.unsubscribe(eco, alice, "économie");
    h.library.add(article("after", { category: "Économie", tags: [] }));
    await h.settle();
    expect(h.discord.to("200")).toHaveLength(0);
  });
});
