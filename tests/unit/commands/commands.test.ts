import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Core, createCore } from "../../../src/core.js";
import { silentLogger } from "../../../src/domain/logger.js";
import { sayToConsole } from "../../helpers/say.js";
import { REAL_CONTENT, SEED_ID, SEED_SECTIONS, SEED_TITLE } from "../../helpers/seed.js";
import { markdownArticle, tempContent } from "../../helpers/temp-content.js";

let core: Core;
const extra = tempContent();

beforeAll(async () => {
  core = await createCore({
    contentDir: REAL_CONTENT,
    databasePath: ":memory:",
    defaultLocale: "en",
    log: silentLogger,
  });
});
afterAll(async () => {
  await core.close();
  extra.remove();
});

const say = sayToConsole(() => core);

describe("/news", () => {
  it.each(["/news bitcoin", "/news electricite", "/news l'électricité", "/news query:bitcoin"])(
    "GIVEN %s THEN the seed article is listed with a summary and its buttons",
    async (line) => {
      const reply = await say(line);
      const card = reply.cards.find((c) => c.footer === SEED_ID);
      expect(card?.title).toBe(SEED_TITLE);
      expect(card?.body[0]?.text.length).toBeGreaterThan(20);
      expect(card?.buttons?.map((b) => b.action)).toEqual([
        { command: "article", args: { article: SEED_ID } },
        { command: "facts", args: { article: SEED_ID } },
      ]);
      expect(reply.cards.length).toBeLessThanOrEqual(5);
    },
  );

  it("GIVEN no query THEN the latest articles are listed", async () => {
    const reply = await say("/news");
    expect(reply.text).toBe("Latest articles");
    expect(reply.cards.length).toBeGreaterThan(0);
  });

  it.each([
    '/news "',
    "/news '",
    '/news bitcoin" OR NOT',
    "/news NEAR(a b)",
    "/news *",
    `/news ${"%$#@!*(){}[]".repeat(42).slice(0, 500)}`,
  ])(
    "GIVEN the odd query %s THEN the answer is results or a friendly nothing-found, never an error",
    async (line) => {
      const reply = await say(line);
      expect(reply.error).toBeFalsy();
      if (reply.cards.length === 0) expect(reply.text).toMatch(/Nothing found|no articles/);
    },
  );

  it("GIVEN a query over 500 characters THEN the user is told the limit", async () => {
    const reply = await say(`/news ${"a".repeat(501)}`);
    expect(reply.error).toBe(true);
    expect(reply.text).toContain("500");
  });

  it("GIVEN French THEN the header is French", async () => {
    expect((await say("/news bitcoin", "fr")).text).toBe("Résultats pour «\u00a0bitcoin\u00a0»");
  });
});

describe("/article", () => {
  it("GIVEN the seed id THEN every paragraph and heading is printed", async () => {
    const reply = await say(`/article ${SEED_ID}`);
    const text = reply.plain;
    const article = core.library.get(SEED_ID);
    if (!article) throw new Error("the seed article is not loaded");
    expect(article.sections.map((s) => s.heading)).toEqual(SEED_SECTIONS);
    for (const section of article.sections) {
      expect(text).toContain(section.heading);
      const paragraphs = section.text.split(/\n{2,}/);
      expect(paragraphs.length).toBeGreaterThan(0);
      for (const paragraph of paragraphs) expect(text).toContain(paragraph);
    }
  });

  it("GIVEN words instead of an id THEN the best match is opened", async () => {
    expect((await say("/article salvador bitcoin strategie")).cards[0]?.title).toBe(SEED_TITLE);
  });

  it("GIVEN an unknown article THEN the reply says nothing matches", async () => {
    const reply = await say("/article zzzzqqqq");
    expect(reply.error).toBe(true);
    expect(reply.text).toContain("zzzzqqqq");
  });

  it("GIVEN a small text budget THEN parts come with paging buttons that reach the end", async () => {
    const ctx = { limit: 600 };
    const { consoleContext } = await import("../../../src/platforms/console/console-session.js");
    const { runCommand } = await import("../../../src/framework/run-command.js");
    const base = consoleContext(core.services, "en");
    const context = { ...base, limits: { text: ctx.limit } };
    let part = 1;
    const seen: string[] = [];
    for (;;) {
      const reply = await runCommand(
        core.commands,
        { command: "article", args: { article: SEED_ID, part } },
        context,
      );
      const body = reply.cards[0]?.body ?? [];
      expect(body.reduce((n, b) => n + b.text.length + 2, 0)).toBeLessThanOrEqual(ctx.limit + 2);
      seen.push(...body.map((b) => b.text));
      const next = reply.buttons?.find(
        (b) => b.action.command === "article" && Number(b.action.args.part) === part + 1,
      );
      if (!next) break;
      part += 1;
    }
    expect(part).toBeGreaterThan(2);
    expect(seen).toContain("Préoccupations et initiatives");
  });
});

describe("/latest, /topics, /help, /facts", () => {
  it("GIVEN /latest 2 THEN the two newest articles come, newest first", async () => {
    const reply = await say("/latest 2");
    const newest = core.library.latest(2);
    expect(reply.cards.map((c) => c.footer)).toEqual(newest.map((m) => m.id));
    // The shipped content has distinct dates at the top: newest first means strictly descending.
    const [first, second] = newest.map((m) => m.date ?? "");
    expect(first && second && first > second).toBe(true);
  });

  it("GIVEN /latest 9 THEN the bounds are explained", async () => {
    expect((await say("/latest 9")).text).toContain("from 1 to 5");
  });

  it("GIVEN /topics THEN BITCOIN is counted", async () => {
    expect((await say("/topics")).plain).toMatch(/BITCOIN \(\d+ articles?\)/);
  });

  it("GIVEN /help in French THEN every command is listed with its French description", async () => {
    const text = (await say("/help", "fr")).plain;
    for (const name of ["/news", "/article", "/facts", "/latest", "/topics", "/help"])
      expect(text).toContain(name);
    expect(text).toContain("Lire un article en entier");
  });

  it("GIVEN /facts on the seed THEN people are listed under a heading", async () => {
    const text = (await say(`/facts ${SEED_ID}`)).plain;
    expect(text).toContain("Bilal Bin Saqib");
    expect(text).toContain("People");
  });
});

describe("a library with no articles", () => {
  it("GIVEN an empty folder THEN /news and /topics say so kindly", async () => {
    extra.write("notes.bin", "x");
    const empty = await createCore({
      contentDir: extra.dir,
      databasePath: ":memory:",
      defaultLocale: "en",
      log: silentLogger,
    });
    const run = sayToConsole(empty);
    expect((await run("/news")).text).toBe("There are no articles yet.");
    expect((await run("/topics")).text).toBe("No topics yet.");
    await empty.close();
  });
});

describe("markdown front-matter summary", () => {
  it("GIVEN an article with a summary THEN /news shows it as written", async () => {
    const dir = tempContent();
    dir.write(
      "s.md",
      markdownArticle({
        title: "Tidal plant opens",
        body: "Long text. More text here.",
        summary: "A hand-written summary.",
      }),
    );
    const c = await createCore({
      contentDir: dir.dir,
      databasePath: ":memory:",
      defaultLocale: "en",
      log: silentLogger,
    });
    const reply = await sayToConsole(c)("/news tidal");
    expect(reply.cards[0]?.body[0]?.text).toBe("A hand-written summary.");
    await c.close();
    dir.remove();
  });
});
