import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scoreGofeed } from "../../../bench/import/gofeed-score.js";
import { decodeBytes } from "../../../src/sources/decode-charset.js";
import { canonicalUrl, parsePerson } from "../../../src/sources/feed-item.js";
import { findFeedLinks } from "../../../src/sources/find-feed-links.js";
import { parseFeedText, readDocument } from "../../../src/sources/parse-feed.js";
import { parseFeedDate } from "../../../src/sources/parse-feed-date.js";
import { BILLION_LAUGHS, FEEDS_DIR, LATIN1_FEED, NO_EVAL_DATA } from "../../helpers/http-fixture-server.js";

function feedOf(text: string, url: string | null = "https://example.org/feed") {
  const feed = parseFeedText(text, url);
  if (feed === null) throw new Error("not a feed");
  return feed;
}

describe.skipIf(NO_EVAL_DATA)("the gofeed translator cases", () => {
  it("GIVEN every case with items THEN title, link, dates and author are as gofeed expects in at least 95%", () => {
    const results = scoreGofeed(join(FEEDS_DIR, "gofeed-translator"));
    const passed = results.filter((r) => r.pass);
    expect(results.length).toBeGreaterThanOrEqual(30);
    expect(
      passed.length / results.length,
      JSON.stringify(
        results.filter((r) => !r.pass),
        null,
        1,
      ),
    ).toBeGreaterThanOrEqual(0.95);
  });
});

describe("hostile XML", () => {
  it("GIVEN a billion-laughs feed with an XXE THEN no entity is expanded and no file is read", () => {
    const started = process.memoryUsage().heapUsed;
    const feed = feedOf(BILLION_LAUGHS);
    const item = feed.items[0];
    expect(item?.title).toBe("Laugh &lol9;");
    expect(item?.summary).toBe("Secret: &xxe;");
    expect(item?.summary).not.toContain("root:");
    expect(process.memoryUsage().heapUsed - started).toBeLessThan(50 * 1024 * 1024);
  });

  it("GIVEN a DOCTYPE-declared entity used in a title THEN it stays a literal reference", () => {
    const feed = feedOf(
      '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY who "Mallory">]><rss version="2.0"><channel><item><title>By &who; &amp; &eacute;t&eacute; &#233;</title></item></channel></rss>',
    );
    expect(feed.items[0]?.title).toBe("By &who; & été é");
  });

  it("GIVEN broken XML (bare &, unclosed tags) THEN what can be read is read", () => {
    const feed = feedOf(
      '<rss version="2.0"><channel><item><title>Q&A night</title><link>https://e.org/?a=1&copy=2</link></item><item><title>Second',
    );
    expect(feed.items.map((i) => i.title)).toEqual(["Q&A night", "Second"]);
    expect(feed.items[0]?.link).toBe("https://e.org/?a=1&copy=2");
  });
});

describe.skipIf(NO_EVAL_DATA)("charsets", () => {
  it("GIVEN an ISO-8859-1 feed declared only in the HTTP header THEN accents are read right", () => {
    const doc = readDocument(LATIN1_FEED, { url: "https://example.org/feed", charset: "iso-8859-1" });
    expect(doc.kind === "feed" && doc.feed.items[0]?.title).toBe("Zürich à l'heure");
  });

  it("GIVEN the same bytes with no header THEN invalid UTF-8 falls back to windows-1252", () => {
    expect(decodeBytes(LATIN1_FEED, null)).toMatchObject({ encoding: "windows-1252", from: "fallback" });
  });

  it("GIVEN an XML declaration, a BOM or an HTML meta THEN each is honoured", () => {
    const declared = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss>'),
      Buffer.from("é", "latin1"),
    ]);
    expect(decodeBytes(declared).text).toContain("é");
    expect(decodeBytes(Buffer.from("\uFEFFcafé", "utf8"), "iso-8859-1")).toMatchObject({
      text: "café",
      from: "bom",
    });
    const page = Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1251"></head><body>'),
      Buffer.from([0xcf, 0xf0, 0xe8]),
    ]);
    expect(decodeBytes(page).text).toContain("При");
  });

  it("GIVEN the real feeds THEN every one but the unrecognized one reads, accents intact", () => {
    const jn = readDocument(readFileSync(join(FEEDS_DIR, "rss-parser/encoding.rss")), { url: null });
    expect(jn.kind === "feed" && jn.feed.items[0]?.title).toBe(
      "Mãe de utente é a nova presidente da Raríssimas",
    );
    const unrecognized = readDocument(readFileSync(join(FEEDS_DIR, "rss-parser/unrecognized.rss")), {
      url: null,
    });
    expect(unrecognized.kind).toBe("unknown");
  });
});

describe("dates", () => {
  it.each([
    ["Thu, 01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z"],
    ["Sun, 23 Sep 2012 17:28:13 EDT", "2012-09-23T21:28:13Z"],
    ["Tuesday, 10 Jun 2003 04:00 +0000", "2003-06-10T04:00:00Z"],
    ["Mon, 1 Jan 04 9:00:00 -0500 (EST)", "2004-01-01T14:00:00Z"],
    ["Wed, 02 Oct 2002 13:00:00 CEST", "2002-10-02T11:00:00Z"],
    ["Fri, 02 Oct 2002 13:00:00 +05:30", "2002-10-02T07:30:00Z"],
    ["2019-10-12T07:20:50.52Z", "2019-10-12T07:20:50.520Z"],
    ["2017-06-21T10:31:19-07:00", "2017-06-21T17:31:19Z"],
    ["2020-01-02", "2020-01-02T00:00:00Z"],
    ["17 juillet 2025 10:30", "2025-07-17T10:30:00Z"],
    ["July 17, 2025 3:04 PM", "2025-07-17T15:04:00Z"],
  ])("GIVEN %s THEN %s", (raw, iso) => expect(parseFeedDate(raw)).toBe(iso));

  it.each([
    "Fri, 31 Feb 2020 10:00:00 GMT",
    "yesterday",
    "",
    "soon 2020 or never, who knows what we will do",
  ])("GIVEN %j THEN null, never a guess", (raw) => expect(parseFeedDate(raw)).toBeNull());
});

describe("people, links and identity", () => {
  it.each([
    ["email@example.org (Author Name)", { name: "Author Name", email: "email@example.org" }],
    ["Author Name (email@example.org)", { name: "Author Name", email: "email@example.org" }],
    ["Author Name <email@example.org>", { name: "Author Name", email: "email@example.org" }],
    ["email@example.org", { name: null, email: "email@example.org" }],
    ["Jane Doe", { name: "Jane Doe", email: null }],
    ["Jane (the editor)", { name: "Jane (the editor)", email: null }],
  ])("GIVEN %s THEN %j", (raw, person) => expect(parsePerson(raw)).toEqual(person));

  it("GIVEN tracking parameters and a fragment THEN the identity URL drops them", () => {
    expect(canonicalUrl("https://e.org/a?id=3&utm_source=x&fbclid=y#top")).toBe("https://e.org/a?id=3");
    expect(canonicalUrl("javascript:alert(1)")).toBeNull();
  });

  it("GIVEN a page announcing feeds THEN they are found, resolved against <base>, in order", () => {
    const html = `<html><head><base href="https://site.example/blog/">
      <link rel="alternate" type="application/rss+xml" title="RSS" href="feed.xml">
      <link rel="alternate stylesheet" type="text/css" href="x.css">
      <link rel="Alternate" type="application/atom+xml" href="/atom.xml">
      <link rel="alternate" type="application/feed+json" href="https://site.example/feed.json">
      </head><body><link rel="alternate" type="application/rss+xml" href="/late.xml"></body></html>`;
    expect(findFeedLinks(html, "https://site.example/").map((l) => l.url)).toEqual([
      "https://site.example/blog/feed.xml",
      "https://site.example/atom.xml",
      "https://site.example/feed.json",
    ]);
  });

  it("GIVEN an HTML page THEN readDocument calls it a page, with its feed links", () => {
    const doc = readDocument(
      Buffer.from(
        '<!DOCTYPE html><html><head><link rel="alternate" type="application/atom+xml" href="/a.xml"></head></html>',
      ),
      {
        url: "https://s.example/post",
        contentType: "text/html",
      },
    );
    expect(doc).toMatchObject({ kind: "page", feedLinks: [{ url: "https://s.example/a.xml" }] });
  });
});

describe("formats", () => {
  it("GIVEN RSS 2.0 with content:encoded, dc:creator and a relative link THEN every field is filled", () => {
    const feed = feedOf(
      `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel><title>T</title><link>https://news.example/</link><item>
      <title>A &lt;b&gt;bold&lt;/b&gt; move</title><link>/2025/a?utm_medium=rss</link>
      <guid isPermaLink="false">id-1</guid><pubDate>Thu, 17 Jul 2025 08:30:00 +0200</pubDate>
      <dc:creator>Nina Bardot</dc:creator><category>Bitcoin</category><category>Policy</category>
      <description>Teaser</description><content:encoded><![CDATA[<p>Full <em>text</em></p>]]></content:encoded>
      </item></channel></rss>`,
      "https://news.example/feed.xml",
    );
    expect(feed.items[0]).toEqual({
      title: "A bold move",
      link: "https://news.example/2025/a?utm_medium=rss",
      url: "https://news.example/2025/a",
      published: "2025-07-17T06:30:00Z",
      updated: null,
      author: { name: "Nina Bardot", email: null },
      guid: "id-1",
      categories: ["Bitcoin", "Policy"],
      contentHtml: "<p>Full <em>text</em></p>",
      summary: "Teaser",
    });
  });

  it("GIVEN Atom with xml:base, xhtml content and html title THEN they are read as such", () => {
    const feed = feedOf(`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://b.example/blog/">
      <entry><title type="html">Caf&amp;eacute; &amp;amp; cr&amp;egrave;me</title><id>urn:uuid:1</id>
      <link rel="edit" href="/edit/1"/><link href="posts/1"/><updated>2025-01-02T03:04:05Z</updated>
      <author><name>Ann</name><email>ann@b.example</email></author>
      <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello <b>world</b></p></div></content>
      </entry></feed>`);
    expect(feed.format).toBe("atom");
    expect(feed.items[0]).toMatchObject({
      title: "Café & crème",
      link: "https://b.example/blog/posts/1",
      published: "2025-01-02T03:04:05Z",
      author: { name: "Ann", email: "ann@b.example" },
      guid: "urn:uuid:1",
      contentHtml: "<p>Hello <b>world</b></p>",
    });
  });

  it("GIVEN JSON Feed 1.1 THEN items are read; a JSON document that is no feed is refused", () => {
    const feed = feedOf(
      JSON.stringify({
        version: "https://jsonfeed.org/version/1.1",
        title: "J",
        items: [
          {
            id: 7,
            url: "https://j.example/7",
            title: "Seven",
            content_text: "Line one\n\nLine two",
            authors: [{ name: "Jo" }],
            tags: ["x", "x", "y"],
          },
        ],
      }),
    );
    expect(feed.items[0]).toMatchObject({
      guid: "7",
      title: "Seven",
      author: { name: "Jo" },
      categories: ["x", "y"],
      contentHtml: "<p>Line one</p>\n<p>Line two</p>",
    });
    expect(readDocument(Buffer.from('{"hello":1}'), { url: null })).toMatchObject({ kind: "unknown" });
  });
});
