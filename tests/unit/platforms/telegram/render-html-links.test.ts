import { describe, expect, it } from "vitest";
import type { Reply } from "../../../../src/domain/reply.js";
import { renderSegments } from "../../../../src/platforms/telegram/render-html.js";
import { splitMessage } from "../../../../src/platforms/telegram/split-message.js";

/**
 * Which article URLs become a link in a Telegram title: a web address, whole, and nothing else.
 * An article file is untrusted input, so a URL that only contains or ends with a web address
 * must stay plain text (the mutation run showed neither anchor of the check was tested).
 */

const render = (url: string) =>
  splitMessage(renderSegments({ cards: [{ title: "T", url, body: [] }] } satisfies Reply)).join("");

describe("a card's URL in a Telegram title", () => {
  it.each([
    ["https://news.example.org/a?b=1", '<b><a href="https://news.example.org/a?b=1">T</a></b>'],
    ["http://news.example.org/a", '<b><a href="http://news.example.org/a">T</a></b>'],
    ["HTTPS://NEWS.EXAMPLE.ORG/A", '<b><a href="HTTPS://NEWS.EXAMPLE.ORG/A">T</a></b>'],
    ["  https://news.example.org/a  ", '<b><a href="https://news.example.org/a">T</a></b>'],
    ['https://news.example.org/"q"&x', '<b><a href="https://news.example.org/&quot;q&quot;&amp;x">T</a></b>'],
  ])("GIVEN %j THEN the title links to it", (url, html) => {
    expect(render(url)).toBe(html);
  });

  it.each([
    "javascript:alert(1)//https://news.example.org",
    "tg://resolve?domain=x https://news.example.org",
    "https://news.example.org/a and some words",
    "see https://news.example.org",
    "ftp://news.example.org/a",
    "",
  ])("GIVEN %j THEN the title stays plain text", (url) => {
    expect(render(url)).toBe("<b>T</b>");
  });
});
