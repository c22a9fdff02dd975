import { describe, expect, it } from "vitest";
import type { Button, Card } from "../../../../src/domain/reply.js";
import { ActionCodec } from "../../../../src/framework/actions.js";
import { type DiscordMessage, renderReply } from "../../../../src/platforms/discord/render-embeds.js";
import { DISCORD_LIMITS } from "../../../e2e/discord/stand-in-limits.js";
import { checkMessage } from "../../../e2e/discord/stand-in-messages.js";

/**
 * Limits here are Discord's, from the stand-in's table (written from Discord's documentation) or
 * literal numbers: never the source's own LIMITS, which would check the renderer against itself.
 */
const codec = () => new ActionCodec(100);

/**
 * Every message a reply rendered to, as Discord would judge it: the stand-in's validator (every
 * documented message, embed and component limit) finds nothing wrong, and no button id repeats.
 */
function expectWithinLimits(messages: DiscordMessage[]): void {
  for (const message of messages) {
    expect(checkMessage({ ...message, allowed_mentions: { parse: [] } }, { create: true })).toBeNull();
    for (const embed of message.embeds) {
      for (const field of embed.fields ?? []) {
        expect(field.name.length).toBeGreaterThan(0);
        expect(field.value.length).toBeGreaterThan(0);
      }
    }
  }
}

const card = (overrides: Partial<Card> = {}): Card => ({ title: "Title", body: [], ...overrides });
const words = (count: number, prefix = "w") =>
  Array.from({ length: count }, (_, i) => `${prefix}${i}`).join(" ");

describe("renderReply", () => {
  it("GIVEN a short card THEN one embed with title, URL, description, fields and footer", () => {
    const [message, ...rest] = renderReply(
      {
        text: "Results",
        cards: [
          card({
            title: "Bitcoin",
            url: "https://example.com/a",
            body: [
              { type: "heading", text: "Context" },
              { type: "paragraph", text: "First." },
              { type: "bullet", text: "one" },
              { type: "bullet", text: "two" },
            ],
            fields: [{ name: "Date", value: "17 July 2025", inline: true }],
            footer: "000_seed",
          }),
        ],
      },
      codec(),
    );
    expect(rest).toEqual([]);
    expect(message?.content).toBe("Results");
    expect(message?.embeds[0]).toMatchObject({
      title: "Bitcoin",
      url: "https://example.com/a",
      description: "**Context**\n\nFirst.\n\n• one\n• two",
      fields: [{ name: "Date", value: "17 July 2025", inline: true }],
      footer: { text: "000_seed" },
    });
  });

  it("GIVEN a 10,000-character body THEN it continues over several embeds, nothing lost, every limit kept", () => {
    const text = words(2000); // over 10,000 characters
    expect(text.length).toBeGreaterThan(10_000);
    const messages = renderReply({ cards: [card({ body: [{ type: "paragraph", text }] })] }, codec());
    expectWithinLimits(messages);
    const embeds = messages.flatMap((m) => m.embeds);
    expect(embeds.length).toBeGreaterThanOrEqual(3);
    const joined = embeds.map((e) => e.description).join(" ");
    expect(joined.split(/\s+/)).toEqual(text.split(" "));
  });

  it("GIVEN 30 fields THEN 25 in the first embed and 5 in a continuation", () => {
    const fields = Array.from({ length: 30 }, (_, i) => ({ name: `f${i}`, value: `v${i}` }));
    const messages = renderReply({ cards: [card({ fields, footer: "foot" })] }, codec());
    expectWithinLimits(messages);
    const embeds = messages.flatMap((m) => m.embeds);
    expect(embeds.map((e) => e.fields?.length ?? 0)).toEqual([25, 5]);
    expect(embeds[1]?.footer?.text).toBe("foot");
  });

  it("GIVEN fields so large that 25 would pass 6,000 characters THEN they spread over embeds and messages", () => {
    const fields = Array.from({ length: 25 }, (_, i) => ({
      name: "n".repeat(300),
      value: `${i}${"v".repeat(2000)}`,
    }));
    const messages = renderReply({ cards: [card({ fields })] }, codec());
    expectWithinLimits(messages);
    const values = messages.flatMap((m) => m.embeds.flatMap((e) => e.fields ?? []));
    expect(values).toHaveLength(25);
    expect(values[0]?.value.endsWith("…")).toBe(true);
  });

  it("GIVEN a 300-character title and a 3,000-character footer THEN both are clipped with an ellipsis", () => {
    const [message] = renderReply(
      { cards: [card({ title: "t".repeat(300), footer: "f".repeat(3000) })] },
      codec(),
    );
    expect(message?.embeds[0]?.title).toHaveLength(256);
    expect(message?.embeds[0]?.title?.endsWith("…")).toBe(true);
    expect(message?.embeds[0]?.footer?.text).toHaveLength(2048);
  });

  it("GIVEN 12 cards THEN 10 embeds in the first message and 2 in a follow-up", () => {
    const cards = Array.from({ length: 12 }, (_, i) =>
      card({ title: `c${i}`, body: [{ type: "paragraph", text: "x" }] }),
    );
    const messages = renderReply({ text: "many", cards }, codec());
    expectWithinLimits(messages);
    expect(messages.map((m) => m.embeds.length)).toEqual([10, 2]);
    expect(messages[0]?.content).toBe("many");
  });

  it("GIVEN big cards THEN no message passes 6,000 characters of embeds", () => {
    const cards = Array.from({ length: 4 }, () => card({ body: [{ type: "paragraph", text: words(500) }] }));
    const messages = renderReply({ cards }, codec());
    expectWithinLimits(messages);
    expect(messages.length).toBeGreaterThan(1);
  });

  it("GIVEN markdown and mentions in article text THEN markdown is escaped and mentions kept as text", () => {
    const [message] = renderReply(
      {
        text: "*starred* @everyone",
        cards: [
          card({
            title: "**bold title**",
            body: [{ type: "paragraph", text: "# h\n> q\n[x](https://e.vil) <@&1>" }],
          }),
        ],
      },
      codec(),
    );
    expect(message?.content).toBe("\\*starred\\* @everyone");
    expect(message?.embeds[0]?.title).toBe("\\*\\*bold title\\*\\*");
    expect(message?.embeds[0]?.description).toBe("\\# h\n\\> q\n\\[x\\](https://e.vil) <@&1>");
  });

  it("GIVEN a text over 2,000 characters THEN it is split over several messages", () => {
    const text = words(1000);
    const messages = renderReply({ text, cards: [] }, codec());
    expectWithinLimits(messages);
    expect(messages.length).toBeGreaterThanOrEqual(Math.ceil(text.length / DISCORD_LIMITS.content));
    for (const message of messages) expect(message.content.length).toBeLessThanOrEqual(2000);
    expect(messages.map((m) => m.content).join(" ")).toBe(text);
  });

  it("GIVEN an empty reply THEN one message that Discord accepts", () => {
    expect(renderReply({ cards: [] }, codec())).toEqual([{ content: "…", embeds: [], components: [] }]);
  });

  it("GIVEN a URL that is not http(s) THEN the embed has none", () => {
    const [message] = renderReply({ cards: [card({ url: "javascript:alert(1)" })] }, codec());
    expect(message?.embeds[0]?.url).toBeUndefined();
  });

  describe("buttons", () => {
    const button = (label: string, article = "a"): Button => ({
      label,
      action: { command: "article", args: { article } },
    });

    it("GIVEN cards with buttons THEN one row under each card, labels numbered to match the titles", () => {
      const cards = [1, 2].map((n) => card({ title: `T${n}`, buttons: [button("Full text", `a${n}`)] }));
      const [message] = renderReply({ cards }, codec());
      expect(message?.embeds.map((e) => e.title)).toEqual(["1. T1", "2. T2"]);
      expect(message?.components.map((r) => r.components.map((b) => b.label))).toEqual([
        ["1 · Full text"],
        ["2 · Full text"],
      ]);
    });

    it("GIVEN 7 buttons, a 100-character label and a huge action THEN rows of 5, labels of 80, custom_ids of 100", () => {
      const buttons = Array.from({ length: 7 }, (_, i) =>
        button(i === 0 ? "L".repeat(100) : `b${i}`, `id${i}`),
      );
      buttons.push({ label: "huge", action: { command: "article", args: { article: "x".repeat(500) } } });
      const messages = renderReply({ cards: [card({ buttons })] }, codec());
      expectWithinLimits(messages);
      expect(messages[0]?.components.map((r) => r.components.length)).toEqual([5, 3]);
      expect(messages[0]?.components[0]?.components[0]?.label).toBe(`${"L".repeat(79)}…`);
    });

    it("GIVEN 7 cards with buttons THEN the cards whose rows do not fit continue in a follow-up", () => {
      const cards = Array.from({ length: 7 }, (_, i) =>
        card({ title: `c${i}`, buttons: [button("Open", `a${i}`)] }),
      );
      const messages = renderReply({ cards }, codec());
      expectWithinLimits(messages);
      expect(messages.map((m) => [m.embeds.length, m.components.length])).toEqual([
        [5, 5],
        [2, 2],
      ]);
    });

    it("GIVEN a card with 30 buttons THEN 5 rows of 5, the rest dropped", () => {
      const buttons = Array.from({ length: 30 }, (_, i) => button(`b${i}`, `id${i}`));
      const messages = renderReply({ cards: [card({ buttons })] }, codec());
      expectWithinLimits(messages);
      expect(messages[0]?.components.flatMap((r) => r.components)).toHaveLength(25);
    });

    it("GIVEN more rows than the last message holds THEN the reply's own buttons are kept, card buttons share rows", () => {
      const cards = Array.from({ length: 5 }, (_, i) =>
        card({ title: `c${i}`, buttons: [button("Open", `a${i}`)] }),
      );
      const messages = renderReply({ cards, buttons: [button("Next", "page-2")] }, codec());
      expectWithinLimits(messages);
      expect(messages).toHaveLength(1);
      const labels = messages[0]?.components.flatMap((r) => r.components.map((b) => b.label));
      expect(labels).toEqual(["1 · Open", "2 · Open", "3 · Open", "4 · Open", "5 · Open", "Next"]);
      expect(messages[0]?.components).toHaveLength(2);
    });

    it("GIVEN two buttons with the same action THEN the twin is dropped (custom_ids must be unique)", () => {
      const [message] = renderReply({ cards: [card({ buttons: [button("A"), button("B")] })] }, codec());
      expect(message?.components[0]?.components.map((b) => b.label)).toEqual(["A"]);
    });
  });

  it("GIVEN five results with their buttons and paging THEN every button is kept, within five rows", () => {
    const results = Array.from({ length: 5 }, (_, i) =>
      card({
        title: `Result ${i + 1}`,
        buttons: [
          { label: "Full text", action: { command: "article", args: { article: `a${i}` } } },
          { label: "Key facts", action: { command: "facts", args: { article: `a${i}` } } },
        ],
      }),
    );
    const paging: Button[] = [
      { label: "Previous", action: { command: "news", args: { query: "bitcoin", page: 1 } } },
      { label: "Next", action: { command: "news", args: { query: "bitcoin", page: 3 } } },
    ];
    const messages = renderReply(
      { text: "Results", cards: results, buttons: paging, footer: "More" },
      codec(),
    );
    expectWithinLimits(messages);
    expect(messages).toHaveLength(1);
    const labels = messages[0]?.components.flatMap((row) => row.components.map((b) => b.label));
    expect(labels).toHaveLength(12);
    expect(labels?.slice(-2)).toEqual(["Previous", "Next"]);
    expect(labels).toContain("5 · Key facts");
    // The footer is the last embed, after the results, untitled.
    expect(messages[0]?.embeds.at(-1)).toMatchObject({ description: "More" });
    expect(messages[0]?.embeds.at(-1)?.title).toBeUndefined();
  });
});
