import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseArticleBytes } from "../../../src/content/read-article-file.js";
import { fileArticleWriter } from "../../../src/sources/article-writer.js";
import { createFetcher } from "../../../src/sources/fetch-source.js";
import { type ImportPorts, importOnce, memorySeenStore } from "../../../src/sources/import-once.js";
import {
  type FixtureServer,
  NO_EVAL_DATA,
  PAGES_DIR,
  startFixtureServer,
} from "../../helpers/http-fixture-server.js";
import { tempContent } from "../../helpers/temp-content.js";

let server: FixtureServer;
let content: ReturnType<typeof tempContent>;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});
afterEach(() => content?.remove());

const title = (name: string) =>
  JSON.parse(readFileSync(join(PAGES_DIR, name, "expected-metadata.json"), "utf8")).title as string;

/** A feed of teasers whose links point at the fixture's pages (and one dead link). */
function teaserFeed(): string {
  const item = (path: string, guid: string, t: string) =>
    `<item><title>${t}</title><link>${server.url(path)}</link><guid isPermaLink="false">${guid}</guid>` +
    `<pubDate>Thu, 17 Jul 2025 08:30:00 GMT</pubDate><description>A short teaser for ${t}.</description></item>`;
  return `<rss version="2.0"><channel><title>Teasers</title>
    ${item("/pages/lemonde-1", "g1", "Renseignement")}${item("/pages/ars-1", "g2", "Ars")}${item("/status/404", "g3", "Gone page")}
    </channel></rss>`;
}

function ports(seen = memorySeenStore()): ImportPorts & { seen: ReturnType<typeof memorySeenStore> } {
  return {
    fetcher: createFetcher({ guard: { allowPrivate: true }, hostIntervalMs: 0 }),
    seen,
    writer: fileArticleWriter(content.dir, { now: () => Date.parse("2025-07-18T00:00:00Z") }),
    clock: { now: () => Date.parse("2025-07-18T00:00:00Z") },
  };
}

function readBack(rel: string) {
  const outcome = parseArticleBytes(rel, readFileSync(join(content.dir, rel)));
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.article;
}

describe.skipIf(NO_EVAL_DATA)("importOnce", () => {
  it("GIVEN a feed of teasers THEN the pages' full text is written, and a dead page falls back to the feed's text with the marker", async () => {
    content = tempContent();
    server.setBody(teaserFeed());
    const result = await importOnce(
      server.url("/bytes?type=application/rss%2Bxml"),
      { folder: "teasers" },
      ports(),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.items.map((i) => [i.status, i.fullText])).toEqual([
      ["imported", true],
      ["imported", true],
      ["imported", false],
    ]);
    const first = readBack(result.items[0]?.file as string);
    expect(first.title).toBe("Renseignement");
    expect(first.sections.map((s) => s.text).join(" ")).toContain("renseignement");
    expect(first.date).toBe("2025-07-17T08:30:00Z");
    expect(result.items[0]?.file).toBe("teasers/2025-07-17-renseignement.md");
    const fallback = readFileSync(join(content.dir, result.items[2]?.file as string), "utf8");
    expect(fallback).toContain("text_from: feed");
    expect(fallback).toMatch(/text_note: "the page could not be fetched: .*HTTP 404"/);
    expect(readBack(result.items[2]?.file as string).sections[0]?.text).toBe("A short teaser for Gone page.");
  });

  it("GIVEN the same feed again (reordered) THEN every item is unchanged and nothing is written", async () => {
    content = tempContent();
    const p = ports();
    server.setBody(teaserFeed());
    await importOnce(server.url("/bytes?type=application/rss%2Bxml"), { folder: "t", fullText: "never" }, p);
    const files = readdirSync(join(content.dir, "t")).sort();
    const reordered = teaserFeed().replace(
      /<channel>(.*?)(<item>.*<\/item>)/s,
      (_, head, items: string) => `<channel>${head}${items.split("</item>").reverse().join("</item>")}`,
    );
    server.setBody(reordered);
    const again = await importOnce(
      server.url("/bytes?type=application/rss%2Bxml"),
      { folder: "t", fullText: "never" },
      p,
    );
    expect(again.ok && again.items.every((i) => i.status === "unchanged")).toBe(true);
    expect(readdirSync(join(content.dir, "t")).sort()).toEqual(files);
  });

  it("GIVEN --dry-run THEN items are new and nothing is written or remembered", async () => {
    content = tempContent();
    const p = ports();
    server.setBody(teaserFeed());
    const result = await importOnce(
      server.url("/bytes?type=application/rss%2Bxml"),
      { folder: "t", dryRun: true },
      p,
    );
    expect(result.ok && result.items.map((i) => i.status)).toEqual(["new", "new", "new"]);
    expect(readdirSync(content.dir)).toEqual([]);
    expect(p.seen.keys.size).toBe(0);
  });

  it("GIVEN a page with no feed link THEN it is imported as one article with its own title", async () => {
    content = tempContent();
    const result = await importOnce(server.url("/pages/aclu"), { folder: "pages" }, ports());
    expect(result).toMatchObject({ ok: true, kind: "page" });
    if (!result.ok) return;
    expect(result.items[0]).toMatchObject({ status: "imported", fullText: true });
    expect(readBack(result.items[0]?.file as string).title).toBe(title("aclu"));
  });

  it("GIVEN a page announcing a feed THEN the feed is read", async () => {
    content = tempContent();
    server.setBody(
      `<!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" href="/feeds/rss-parser/heraldsun.rss"></head><body>Hi</body></html>`,
    );
    const result = await importOnce(
      server.url("/bytes?type=text/html"),
      { folder: "h", fullText: "never" },
      ports(),
    );
    expect(result).toMatchObject({
      ok: true,
      kind: "feed",
      feedUrl: server.url("/feeds/rss-parser/heraldsun.rss"),
    });
    expect(result.ok && result.items.map((i) => i.title)).toEqual(["The First Item", "The Second Item"]);
  });

  it("GIVEN the source's validators THEN a 304 is not-modified; a refused address THEN not ok with the reason", async () => {
    content = tempContent();
    const url = server.url("/feeds/rss-parser/heraldsun.rss");
    const first = await importOnce(url, { folder: "h", dryRun: true }, ports());
    const again = await importOnce(url, { folder: "h", etag: first.ok ? first.etag : null }, ports());
    expect(again).toMatchObject({ ok: true, kind: "not-modified", items: [] });
    const refused = await importOnce(url, { folder: "h" }, { ...ports(), fetcher: createFetcher() });
    expect(refused).toMatchObject({ ok: false });
    if (!refused.ok) expect(refused.reason).toContain("loopback");
  });

  it("GIVEN a billion-laughs feed and an ISO-8859-1 feed over HTTP THEN the laughs stay literal and the accents arrive", async () => {
    content = tempContent();
    const laughs = await importOnce(
      server.url("/billion-laughs.xml"),
      { folder: "l", dryRun: true },
      ports(),
    );
    expect(laughs.ok && laughs.items.map((i) => i.title)).toEqual(["Laugh &lol9;"]);
    const latin1 = await importOnce(server.url("/latin1.xml"), { folder: "z", fullText: "never" }, ports());
    expect(latin1.ok && latin1.items[0]?.status).toBe("skipped");
    expect(latin1.ok && latin1.items[0]?.title).toBe("Zürich à l'heure");
  });
});
