import { describe, expect, it } from "vitest";
import type { Reply } from "../../../src/domain/reply.js";
import {
  discordMarkdown,
  discordPreview,
  onlyTelegramTags,
  telegramPreview,
} from "../../../src/web/preview.js";

/** The previews draw the adapters' own output: Discord's markdown read back, Telegram's HTML checked. */
const reply: Reply = {
  locale: "en",
  cards: [
    {
      title: "Rates <up> & *bold* claims",
      url: "https://example.org/a?x=1&y=2",
      fields: [{ name: "Date", value: "18 July 2025", inline: true }],
      body: [
        { type: "heading", text: "Why" },
        { type: "paragraph", text: "Prices_rise 5% <script>alert(1)</script>" },
      ],
      footer: "a1",
      buttons: [{ label: "Full text", action: { command: "article", args: { article: "a1" } } }],
    },
  ],
};

describe("GIVEN Discord's markdown as the renderer writes it", () => {
  it("THEN escapes show their character, ** is bold, and anything else is text", () => {
    expect(discordMarkdown("\\*not italic\\* **bold** <b>&").text).toBe(
      "*not italic* <strong>bold</strong> &lt;b&gt;&amp;",
    );
    expect(discordMarkdown("**open").text).toBe("<strong>open</strong>");
  });
});

describe("GIVEN a post", () => {
  it("THEN the Discord preview shows the embed's title, link, fields, footer and buttons, and no markup from the text", () => {
    const { html, messages } = discordPreview(reply);
    expect(messages[0]?.embeds[0]?.title).toBe("Rates <up> & \\*bold\\* claims");
    expect(html.text).toContain(
      '<a href="https://example.org/a?x=1&amp;y=2" rel="noopener noreferrer">Rates &lt;up&gt; &amp; *bold* claims</a>',
    );
    expect(html.text).toContain("<strong>Why</strong>");
    expect(html.text).toContain('<div class="dc-field-name">Date</div>');
    expect(html.text).toContain('<span class="dc-button">Full text</span>');
    expect(html.text).not.toContain("<script>");
  });

  it("THEN the Telegram preview is the renderer's HTML, with its buttons, and no markup from the text", () => {
    const { html, source } = telegramPreview(reply);
    expect(source).toContain(
      '<b><a href="https://example.org/a?x=1&amp;y=2">Rates &lt;up&gt; &amp; *bold* claims</a></b>',
    );
    expect(html.text).toContain(source);
    expect(html.text).toContain("&lt;script&gt;");
    expect(html.text).toContain('<span class="tg-button">Full text</span>');
  });

  it("THEN HTML holding any tag but the renderer's own would be shown escaped, never as markup", () => {
    expect(onlyTelegramTags('<b>x</b> <i>y</i> <a href="https://e.org/?a=1&amp;b">z</a>')).toBe(true);
    expect(onlyTelegramTags("<b>x</b><img src=x onerror=alert(1)>")).toBe(false);
    expect(onlyTelegramTags('<a href="javascript:alert(1)">x</a>')).toBe(false);
    expect(onlyTelegramTags("<b onclick=x>y</b>")).toBe(false);
    expect(onlyTelegramTags("1 > 0")).toBe(false);
  });
});
