import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Platform } from "../../../src/framework/platform.js";
import { recordingLogger } from "../../helpers/recording-logger.js";
import { markdownArticle, tempContent } from "../../helpers/temp-content.js";
import {
  ask,
  buttonId,
  buttonLabels,
  expectNoViolations,
  messageBodies,
  openCore,
  startBot,
  TOKEN,
} from "./harness.js";
import { CHANNEL_ID, DiscordStandIn } from "./stand-in.js";

const paragraph = (n: number) =>
  `Paragraph ${n} about the harbour. ${"The cranes move containers from ships to trucks all day long. ".repeat(14)}`;

describe("GIVEN articles written for the test (long, many alike, full of mentions and markdown)", () => {
  const content = tempContent("newsdesk-discord-");
  let standIn: DiscordStandIn;
  let bot: Platform;
  let core: Awaited<ReturnType<typeof openCore>>;

  beforeAll(async () => {
    content.write(
      "long-read.md",
      markdownArticle({
        title: "The long read about harbours",
        body: Array.from({ length: 12 }, (_, i) => paragraph(i + 1)).join("\n\n"),
      }),
    );
    for (let i = 1; i <= 30; i++) {
      const n = String(i).padStart(2, "0");
      content.write(
        `market-${n}.md`,
        markdownArticle({ title: `Market report ${n}`, body: `Prices moved on day ${n}.` }),
      );
    }
    content.write(
      "very-long-title.md",
      markdownArticle({ title: `Zeppelin ${"harbour and crane ".repeat(20)}`.trim(), body: "Short body." }),
    );
    // Scraped text keeps what the page said, markdown characters included.
    content.write(
      "ping-test.txt",
      [
        "Zebra crossing @everyone",
        "Newsdesk | TEST | EN | July 20, 2025",
        "Hello @everyone and @here, <@&123> and <@456>. Some *bold* and _italic_ text, and a [link](https://e.vil/x).",
        "# Not a heading, just a hash at the start of the line.",
        "> Not a quote either, just a sign.",
        "",
      ].join("\n"),
    );
    standIn = await DiscordStandIn.start({ token: TOKEN });
    const { log } = recordingLogger();
    core = await openCore(content.dir, log);
    bot = await startBot({ standIn, commands: core.commands, services: core.services, log });
  });

  afterEach(() => expectNoViolations(standIn));

  afterAll(async () => {
    await bot?.stop();
    await core?.close();
    await standIn?.close();
    content.remove();
  });

  it("WHEN /article is paged with Next and Previous THEN each press updates the same message", async () => {
    const first = await ask(standIn, { kind: "command", name: "article", options: { article: "long-read" } });
    expect(first.answer.embeds[0].footer.text).toMatch(/^long-read · Part 1 of \d$/);
    expect(buttonLabels(first.answer)).toEqual(["Next part", "Key facts"]);

    const second = await ask(standIn, {
      kind: "button",
      customId: buttonId(first.answer, "Next part"),
      message: first.answer,
    });
    expect(second.calls()[0]?.body.type).toBe(7); // UPDATE_MESSAGE: the page is replaced in place
    expect(second.answer.embeds[0].footer.text).toMatch(/Part 2 of \d$/);
    expect(buttonLabels(second.answer).slice(0, 1)).toEqual(["Previous"]);

    const back = await ask(standIn, {
      kind: "button",
      customId: buttonId(second.answer, "Previous"),
      message: second.answer,
    });
    expect(back.calls()[0]?.body.type).toBe(7);
    expect(back.answer.embeds[0].footer.text).toMatch(/Part 1 of \d$/);
  });

  it("WHEN 30 titles match what is typed THEN autocomplete offers 25", async () => {
    const { answer } = await ask(standIn, {
      kind: "autocomplete",
      name: "facts",
      options: { article: "Market" },
      focused: "article",
    });
    expect(answer.choices).toHaveLength(25);
    for (const choice of answer.choices) expect(choice.value).toMatch(/^market-\d\d$/);
  });

  it("WHEN hostile text is typed for autocomplete THEN the choices are ones Discord takes (names clipped to 100)", async () => {
    for (const typed of ["Zeppelin", `Zeppelin ${"%*_`<@&1>\u202e".repeat(400)}`, "\u0000", ""]) {
      const { answer } = await ask(standIn, {
        kind: "autocomplete",
        name: "facts",
        options: { article: typed },
        focused: "article",
      });
      expect(Array.isArray(answer.choices)).toBe(true);
      for (const choice of answer.choices) expect(choice.name.length).toBeLessThanOrEqual(100);
    }
    const { answer } = await ask(standIn, {
      kind: "autocomplete",
      name: "facts",
      options: { article: "Zeppelin" },
      focused: "article",
    });
    expect(answer.choices[0]).toMatchObject({ value: "very-long-title" });
    expect(answer.choices[0].name).toHaveLength(100);
  });

  it("WHEN article text holds @everyone, role and user mentions THEN they are shown but ping no one", async () => {
    const article = await ask(standIn, {
      kind: "command",
      name: "article",
      options: { article: "ping-test" },
    });
    const description: string = article.answer.embeds[0].description;
    expect(description).toContain("@everyone");
    expect(description).toContain("<@&123>");
    expect(description).toContain("\\*bold\\* and \\_italic\\_");
    expect(description).toContain("\\[link\\](https://e.vil/x)");
    expect(description).toContain("\\# Not a heading");
    expect(description).toContain("\\> Not a quote");

    const echoed = await ask(standIn, {
      kind: "command",
      name: "news",
      options: { query: "@everyone <@&123> nothing-like-this" },
    });
    expect(echoed.answer.content).toContain("@everyone <@&123>");

    await bot.publish(
      { platform: "discord", id: CHANNEL_ID },
      { text: "@everyone <@&123> new post", cards: [] },
      { key: "mentions" },
    );

    const bodies = messageBodies(standIn.calls);
    expect(bodies.length).toBeGreaterThanOrEqual(5);
    for (const body of bodies) expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it("WHEN a reply far over one message is published THEN it goes out as messages Discord takes, in order, nothing lost", async () => {
    const route = `/channels/${CHANNEL_ID}/messages`;
    const before = standIn.calls.filter((c) => c.method === "POST" && c.path === route).length;
    const intro = Array.from({ length: 700 }, (_, i) => `w${i}`).join(" "); // about 4,500 characters
    const body = Array.from({ length: 12 }, (_, i) => ({
      type: "paragraph" as const,
      text: paragraph(i + 1),
    }));
    await bot.publish(
      { platform: "discord", id: CHANNEL_ID },
      { text: intro, cards: [{ title: "The long read about harbours", body }] },
      { key: "long-read" },
    );
    const posts = standIn.calls.filter((c) => c.method === "POST" && c.path === route).slice(before);
    expect(posts.every((c) => c.status === 200)).toBe(true);
    expect(posts.length).toBeGreaterThanOrEqual(4);
    const content = posts.map((c) => c.body.content).filter((t: string) => t !== "");
    expect(content.join(" ").split(/\s+/)).toEqual(intro.split(" "));
    const paragraphs = posts
      .flatMap((c) => c.body.embeds ?? [])
      .flatMap((e: { description?: string }) => [...(e.description ?? "").matchAll(/Paragraph (\d+)/g)])
      .map((m: RegExpMatchArray) => Number(m[1]));
    expect(paragraphs).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });
});
