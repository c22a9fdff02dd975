import { describe, expect, it } from "vitest";
import type { Reply } from "../../../../src/domain/reply.js";
import {
  escapeHtml,
  htmlToPlain,
  needsCardNumbers,
  renderSegments,
  segmentHtml,
} from "../../../../src/platforms/telegram/render-html.js";
import { splitMessage } from "../../../../src/platforms/telegram/split-message.js";

const render = (reply: Reply, numberCards = false) =>
  splitMessage(renderSegments(reply, { numberCards })).join("");

describe("escapeHtml", () => {
  it("GIVEN article text with markup THEN & < > and double quotes are escaped", () => {
    expect(escapeHtml(`<script>alert("x")</script> & <b>bold</b> @everyone`)).toBe(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt; @everyone",
    );
  });

  it("GIVEN already-escaped text THEN it is escaped again (shown verbatim, not decoded)", () => {
    expect(escapeHtml("&amp;")).toBe("&amp;amp;");
  });
});

describe("renderSegments", () => {
  const card: Reply = {
    text: "Results for “<b>”",
    cards: [
      {
        title: 'Tom & Jerry <i>"live"</i>',
        url: 'https://example.com/a?x=1&y="2"',
        fields: [
          { name: "Date", value: "17 July 2025" },
          { name: "Category", value: "A&B" },
        ],
        body: [
          { type: "paragraph", text: "First <paragraph>." },
          { type: "heading", text: "Heading & more" },
          { type: "bullet", text: "one" },
          { type: "bullet", text: "two" },
        ],
        footer: "id-<1>",
      },
    ],
  };

  it("GIVEN a card THEN title is bold and linked, fields share a line, headings bold, bullets •, footer italic", () => {
    expect(render(card)).toBe(
      [
        "Results for “&lt;b&gt;”",
        "",
        '<b><a href="https://example.com/a?x=1&amp;y=&quot;2&quot;">Tom &amp; Jerry &lt;i&gt;&quot;live&quot;&lt;/i&gt;</a></b>',
        "<b>Date</b>: 17 July 2025 · <b>Category</b>: A&amp;B",
        "",
        "First &lt;paragraph&gt;.",
        "",
        "<b>Heading &amp; more</b>",
        "• one",
        "• two",
        "",
        "<i>id-&lt;1&gt;</i>",
      ].join("\n"),
    );
  });

  it("GIVEN a url that is not http(s) THEN the title is not linked", () => {
    const html = render({ cards: [{ title: "T", url: "javascript:alert(1)", body: [] }] });
    expect(html).toBe("<b>T</b>");
  });

  it("GIVEN several cards with buttons THEN titles are numbered", () => {
    const action = { command: "article", args: { article: "x" } };
    const reply: Reply = {
      cards: [
        { title: "A", body: [], buttons: [{ label: "Full text", action }] },
        { title: "B", body: [], buttons: [{ label: "Full text", action }] },
      ],
    };
    expect(needsCardNumbers(reply)).toBe(true);
    expect(render(reply, true)).toBe("<b>1. A</b>\n\n<b>2. B</b>");
  });

  it("GIVEN an empty reply THEN something is still sent (Telegram refuses empty text)", () => {
    expect(render({ cards: [] })).toBe("…");
  });

  it("GIVEN our own HTML THEN htmlToPlain gives the text back, exactly, one segment a line", () => {
    const segments = renderSegments(card);
    const plain = htmlToPlain(segments.map(segmentHtml).join("\n"));
    expect(plain).toBe(
      [
        "Results for “<b>”",
        'Tom & Jerry <i>"live"</i>',
        "Date: 17 July 2025",
        "Category: A&B",
        "First <paragraph>.",
        "Heading & more",
        "• one",
        "• two",
        "id-<1>",
      ].join("\n"),
    );
  });
});
