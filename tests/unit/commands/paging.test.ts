import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Core, createCore } from "../../../src/core.js";
import { silentLogger } from "../../../src/domain/logger.js";
import { renderPlain } from "../../../src/framework/reply.js";
import { ConsoleSession } from "../../../src/platforms/console/console-session.js";
import { markdownArticle, tempContent } from "../../helpers/temp-content.js";

/** Twelve articles about zeppelins, one a day: more than two pages of five. */
const content = tempContent();
let core: Core;

beforeAll(async () => {
  for (let i = 1; i <= 12; i++) {
    const day = String(i).padStart(2, "0");
    content.write(
      `z${day}.md`,
      markdownArticle({
        title: `Zeppelin news ${day}`,
        date: `2025-07-${day}`,
        body: `The zeppelin flew on day ${i}. It carried mail over the lake. Crowds watched it land.`,
      }),
    );
  }
  core = await createCore({
    contentDir: content.dir,
    databasePath: ":memory:",
    defaultLocale: "en",
    log: silentLogger,
  });
});
afterAll(async () => {
  await core.close();
  content.remove();
});

const session = () => new ConsoleSession(core.commands, core.services, "en");
const titles = (reply: { cards: { title: string }[] }) => reply.cards.map((c) => c.title);

describe("/news pages through its results", () => {
  it("GIVEN more results than a page THEN the first page says so and offers Next, which /more presses", async () => {
    const console = session();
    const first = await console.say("/news zeppelin");
    expect(first.cards).toHaveLength(5);
    expect(first.footer).toBe("More results on the next page.");
    expect(first.buttons).toEqual([
      { label: "Next", action: { command: "news", args: { query: "zeppelin", page: 2 } }, next: true },
    ]);
    expect(renderPlain(first)).toContain("[Next: /news query=zeppelin page=2 | /more]");

    const second = await console.say("/more");
    expect(second.text).toBe("Results for “zeppelin”, page 2");
    expect(second.cards).toHaveLength(5);
    expect(titles(second).some((t) => titles(first).includes(t))).toBe(false);
    expect(second.buttons?.map((b) => b.label)).toEqual(["Previous", "Next"]);

    const third = await console.say("/more");
    expect(third.cards).toHaveLength(2);
    expect(third.footer).toBeUndefined();
    expect(third.buttons?.map((b) => b.label)).toEqual(["Previous"]);
    const seen = new Set([...titles(first), ...titles(second), ...titles(third)]);
    expect(seen.size).toBe(12);

    expect((await console.say("/more")).text).toContain("Nothing more to show");
  });

  it("GIVEN the console line a button shows THEN typing it gives the same page", async () => {
    const typed = await session().say("/news query=zeppelin page=2");
    expect(typed.text).toBe("Results for “zeppelin”, page 2");
  });

  it("GIVEN a page past the end THEN the answer says there is no more, not nothing found", async () => {
    const reply = await session().say("/news query=zeppelin page=9");
    expect(reply.text).toBe("No more results for “zeppelin” after page 8.");
  });
});

describe("/latest pages through the newest articles", () => {
  it("GIVEN /latest THEN Next shows the 6th to the 10th newest", async () => {
    const console = session();
    const first = await console.say("/latest");
    expect(first.text).toBe("The 5 latest articles");
    expect(titles(first)[0]).toBe("Zeppelin news 12");
    const second = await console.say("/more");
    expect(second.text).toBe("Latest articles, 6 to 10");
    expect(titles(second)).toEqual(["07", "06", "05", "04", "03"].map((day) => `Zeppelin news ${day}`));
  });

  it("GIVEN /latest 2 THEN the pages keep two articles each", async () => {
    const console = session();
    await console.say("/latest 2");
    const second = await console.say("/more");
    expect(titles(second)).toEqual(["Zeppelin news 10", "Zeppelin news 09"]);
  });
});
