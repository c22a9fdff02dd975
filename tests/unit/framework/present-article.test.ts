import { describe, expect, it } from "vitest";
import article from "../../../commands/article.js";
import facts from "../../../commands/facts.js";
import latest from "../../../commands/latest.js";
import { silentLogger } from "../../../src/domain/logger.js";
import { makeContext } from "../../../src/framework/context.js";
import { registry, runCommand } from "../../../src/framework/run-command.js";
import { renderDelivery } from "../../../src/schedule/render-posts.js";
import { FakeClock } from "../../helpers/fake-clock.js";
import { FakeLibrary, fakeInsights, article as fixture } from "../schedule/helpers.js";

describe("one article card for commands and scheduled posts", () => {
  it.each(["en", "fr"] as const)(
    "GIVEN an article in %s THEN /latest and a scheduled post show the same fields and buttons",
    async (locale) => {
      const time = new FakeClock("2025-07-17T08:00:00Z");
      const a1 = fixture("a1", { source: "https://example.org/a1" });
      const library = new FakeLibrary(time.clock, [a1]);
      const ctx = makeContext({
        locale,
        user: { id: "u1", name: "Alice" },
        channel: { platform: "discord", id: "100" },
        isModerator: async () => false,
        textLimit: 4000,
        services: { library, insights: fakeInsights, clock: time.clock, log: silentLogger },
      });
      const listed = (await runCommand(registry([latest]), { command: "latest", args: { count: 1 } }, ctx))
        .cards[0];
      const posted = (await renderDelivery("post", { articles: ["a1"] }, [a1], fakeInsights, locale))
        ?.cards[0];
      const { body: _b1, ...listedCard } = listed ?? { body: [] };
      const { body: _b2, ...postedCard } = posted ?? { body: [] };
      expect(postedCard).toEqual(listedCard);
      expect(postedCard).toMatchObject({ title: "Title a1", url: "https://example.org/a1", footer: "a1" });
    },
  );

  it("GIVEN /article and /facts THEN they declare their article option once, the same", () => {
    expect(article.options[0]).toBe(facts.options[0]);
  });
});
