import { afterEach, describe, expect, it } from "vitest";
import type { KeywordFilter } from "../../../src/domain/keyword-filter.js";
import { article, type Harness, harness } from "./helpers.js";

/**
 * Announcements to a subscription with a keyword filter (ADR 113), at the planner: the filter is
 * read and handed to the matcher, and only the channels whose filter passes get the article.
 * The matcher is a fake that records what it was asked (the real one is the FTS5 index, tested
 * in the store); the mutation run showed no planner test reached this path.
 */

const TUNING = { maxSleepMs: 6 * 3_600_000, heartbeatMs: 3_600_000 };
const alice = { id: "u1", name: "Alice" };
const withEtf = { platform: "discord" as const, id: "201" };
const noEtf = { platform: "discord" as const, id: "202" };
const plain = { platform: "discord" as const, id: "203" };

let h: Harness;
afterEach(async () => {
  await h.scheduler.stop();
  h.close();
});

describe("a new article and subscriptions with keyword filters", () => {
  it("GIVEN one filter that matches and one that does not THEN only the matching channel and the unfiltered one get it", async () => {
    const asked: { articleId: string; filter: KeywordFilter }[] = [];
    // An article "matches" when its id contains every included word and no excluded one.
    const matcher = {
      matches(articleId: string, filter: KeywordFilter) {
        asked.push({ articleId, filter });
        return (
          filter.include.every((w) => articleId.includes(w)) &&
          !filter.exclude.some((w) => articleId.includes(w))
        );
      },
    };
    h = harness({ start: "2025-07-17T08:00:00Z", articles: [article("old")], tuning: TUNING });
    h.scheduler = h.another({ matcher });
    await h.scheduler.start();
    await h.scheduler.port.subscribe(withEtf, alice, "bitcoin", "etf");
    await h.scheduler.port.subscribe(noEtf, alice, "bitcoin", "-etf");
    await h.scheduler.port.subscribe(plain, alice, "bitcoin");
    await h.settle();

    h.library.add(article("etf-news", { tags: ["Bitcoin"] }));
    await h.settle();
    expect(h.discord.to("201")).toHaveLength(1);
    expect(h.discord.to("202")).toHaveLength(0);
    expect(h.discord.to("203")).toHaveLength(1);
    expect(asked).toEqual(
      expect.arrayContaining([
        { articleId: "etf-news", filter: { include: ["etf"], exclude: [] } },
        { articleId: "etf-news", filter: { include: [], exclude: ["etf"] } },
      ]),
    );
    expect(asked).toHaveLength(2);

    // An article of another topic: no filter is even asked about.
    h.library.add(article("sport-news", { tags: ["Football"] }));
    await h.settle();
    expect(asked).toHaveLength(2);
    expect([h.discord.to("201").length, h.discord.to("202").length]).toEqual([1, 0]);
  });
});
