import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Core } from "../../../src/core.js";
import { announcingCore } from "../../helpers/announcing-core.js";
import { sayToConsole } from "../../helpers/say.js";
import { markdownArticle, tempContent } from "../../helpers/temp-content.js";
import { waitFor } from "../../helpers/wait-for.js";

/**
 * A subscription's keyword filter, end to end: the moderator's words read by the scheduling
 * service, stored with the subscription, matched by the FTS5 index when the scheduler announces
 * what appears in the content folder (ADR 0113).
 */

const content = tempContent("newsdesk-filter-");
const data = mkdtempSync(join(tmpdir(), "newsdesk-filter-db-"));
let core: Core | undefined;
afterAll(async () => {
  await core?.close();
  content.remove();
  rmSync(data, { recursive: true, force: true });
});

describe("a subscription with a keyword filter", () => {
  it('GIVEN /subscribe bitcoin -etf "el salvador" THEN only matching articles on the topic are announced there', async () => {
    const bot = await announcingCore({
      contentDir: content.dir,
      databasePath: join(data, "bot.db"),
      platform: "discord",
    });
    core = bot.core;
    const posted = bot.posted;
    const title = (p: (typeof posted)[number]) => p.reply.cards[0]?.title;
    await core.scheduler?.start();
    const scheduling = core.services.scheduling;
    if (!scheduling) throw new Error("no scheduling");
    const actor = { id: "m1", name: "Mod" };
    const filtered = await scheduling.subscribe(
      { platform: "discord", id: "1" },
      actor,
      "bitcoin",
      '-etf "el salvador"',
    );
    expect(filtered).toMatchObject({ added: true, filter: '-etf "el salvador"' });
    await scheduling.subscribe({ platform: "discord", id: "2" }, actor, "bitcoin");
    // Words and phrases are plain text: regex or FTS syntax is only words.
    await scheduling.subscribe(
      { platform: "discord", id: "3" },
      actor,
      "bitcoin",
      'NEAR(satoshi* nakamoto) OR "x(.*)+y"',
    );

    const article = (title: string, body: string) =>
      markdownArticle({ title, body, tags: ["bitcoin"], date: "2025-07-17" });
    content.write("a.md", article("Bukele buys more", "El Salvador's president bought bitcoin again."));
    content.write("b.md", article("ETF inflows", "Spot bitcoin ETF inflows rose; El Salvador watched."));
    content.write("c.md", article("Miners move", "Bitcoin miners moved to Texas."));
    content.write(
      "d.md",
      article("San Salvador", "In SAN SALVADOR, the government, el   salvadoran? No: El Salvador again."),
    );
    content.write(
      "z.md",
      markdownArticle({ title: "Marker", body: "Last.", tags: ["bitcoin"], date: "2025-07-18" }),
    );

    await waitFor(() => posted.filter((p) => p.target === "2").length === 5, {
      what: "the plain subscription's five",
    });
    await waitFor(() => posted.some((p) => p.target === "1" && title(p) === "San Salvador"), {
      what: "the filtered subscription's announcements",
    });
    await core.scheduler?.idle();
    const to = (target: string) =>
      posted
        .filter((p) => p.target === target)
        .map(title)
        .sort();
    expect(to("1")).toEqual(["Bukele buys more", "San Salvador"]);
    expect(to("3")).toEqual([]);
    expect((await scheduling.overview({ platform: "discord", id: "1" })).subscriptions).toEqual([
      'bitcoin (-etf "el salvador")',
    ]);
  });

  it('GIVEN the typed line /subscribe bitcoin -etf "el salvador" THEN the topic is the first word and the keywords the rest', async () => {
    if (!core) throw new Error("no core");
    const say = sayToConsole(core);
    const reply = await say('/subscribe bitcoin -etf "el salvador"');
    expect(reply.text).toBe(
      'New articles on “bitcoin” matching -etf "el salvador" will be posted here as they arrive.',
    );
    const french = await say('/subscribe "el salvador"', "fr");
    expect(french.text).toMatch(/«\sel salvador\s»/);
    const bad = await say("/subscribe bitcoin - !!", "fr");
    expect(bad.text).toMatch(/filtre de mots-clés/);
  });

  it("GIVEN a filter with no words, or too long THEN it is refused and nothing changes", async () => {
    const scheduling = core?.services.scheduling;
    if (!scheduling) throw new Error("no scheduling");
    const actor = { id: "m1", name: "Mod" };
    await expect(
      scheduling.subscribe({ platform: "discord", id: "9" }, actor, "bitcoin", '- "" !!'),
    ).rejects.toMatchObject({
      code: "subscribe.badFilter",
    });
    await expect(
      scheduling.subscribe({ platform: "discord", id: "9" }, actor, "bitcoin", "word ".repeat(60)),
    ).rejects.toMatchObject({ code: "subscribe.badFilter", params: { problem: "tooLong" } });
    expect((await scheduling.overview({ platform: "discord", id: "9" })).subscriptions).toEqual([]);
  });
});
