import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractArticle, fragmentBlocks } from "../../../src/sources/extract-article.js";
import { articleTitle } from "../../../src/sources/extract-article-title.js";
import { NO_EVAL_DATA, PAGES_DIR } from "../../helpers/http-fixture-server.js";

const page = (name: string) => readFileSync(join(PAGES_DIR, name, "source.html"), "utf8");
const meta = (name: string) =>
  JSON.parse(readFileSync(join(PAGES_DIR, name, "expected-metadata.json"), "utf8"));

describe.skipIf(NO_EVAL_DATA)("extractArticle", () => {
  it("GIVEN Le Monde's page THEN its title, byline and language, and its text without the page's chrome", () => {
    const article = extractArticle(page("lemonde-1"), "http://fakehost/test/page.html");
    expect(article?.title).toBe(meta("lemonde-1").title);
    expect(article?.byline).toBe(meta("lemonde-1").byline);
    expect(article?.lang).toBe("fr");
    const text = JSON.stringify(article?.blocks);
    expect(text).toContain("renseignement");
    expect(text).not.toMatch(/Partager sur Facebook|Newsletter/i);
  });

  it("GIVEN a page with headings, a list and a quote THEN they stay headings, a list and a quote", () => {
    const html = `<html><head><title>Field notes from the ocean floor expedition</title></head><body>
      <nav><a href="/">Home</a> <a href="/news">News</a></nav>
      <article><h1>Field notes</h1>
      <p>${"The expedition reached the trench after a long descent through cold, dark water, and the crew logged every reading with care. ".repeat(4)}</p>
      <h2>Findings</h2><p>${"Samples showed bacteria living on chemical energy alone, far from any sunlight, which surprised the biologists aboard. ".repeat(3)}</p>
      <ul><li>Bacterial mats</li><li>Tube worms</li></ul>
      <blockquote><p>We had never seen anything like it, said the chief scientist.</p></blockquote>
      </article><div class="comments"><p>First!</p></div><footer>© Ocean Daily</footer></body></html>`;
    const article = extractArticle(html, "https://ocean.example/notes");
    const kinds = article?.blocks.map((b) => b.kind);
    expect(kinds).toContain("heading");
    expect(article?.blocks).toContainEqual({
      kind: "list",
      ordered: false,
      items: ["Bacterial mats", "Tube worms"],
    });
    expect(article?.blocks).toContainEqual({
      kind: "quote",
      paragraphs: ["We had never seen anything like it, said the chief scientist."],
    });
    expect(JSON.stringify(article?.blocks)).not.toMatch(/First!|Ocean Daily|Home/);
  });

  it("GIVEN no article in the page THEN null", () => {
    expect(extractArticle("<html><body></body></html>", null)).toBeNull();
  });

  it("GIVEN a feed's HTML fragment THEN paragraphs and lists; plain text THEN paragraphs", () => {
    expect(fragmentBlocks("<p>One <b>bold</b> move.</p><ul><li>a</li><li>b</li></ul>")).toEqual([
      { kind: "paragraph", text: "One bold move." },
      { kind: "list", ordered: false, items: ["a", "b"] },
    ]);
    expect(fragmentBlocks("First.\n\nSecond.")).toEqual([
      { kind: "paragraph", text: "First." },
      { kind: "paragraph", text: "Second." },
    ]);
  });
});

describe("articleTitle", () => {
  const doc = (title: string, headings: string[] = []) => ({
    title,
    querySelectorAll: (selector: string) =>
      selector === "h1"
        ? headings.map((textContent) => ({ textContent }))
        : headings.map((textContent) => ({ textContent })),
  });
  it.each([
    [
      "Evolve: Shared Mutable History — evolve extension for Mercurial",
      "Evolve: Shared Mutable History — evolve extension for Mercurial",
    ],
    ["The quick brown fox jumps over the dog | Daily Site", "The quick brown fox jumps over the dog"],
    ["Long enough title with many words here – Site", "Long enough title with many words here"],
    ["Politics: Senators vote on the new budget plan", "Senators vote on the new budget plan"],
  ])("GIVEN <title>%s</title> THEN %s", (title, expected) => expect(articleTitle(doc(title))).toBe(expected));
});
