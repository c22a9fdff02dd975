import { readdirSync, readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { parseArticleBytes } from "../../../src/content/read-article-file.js";
import type { Block } from "../../../src/sources/article-blocks.js";
import { fileArticleWriter } from "../../../src/sources/article-writer.js";
import {
  type ArticleDraft,
  articleFileName,
  dedupeKeys,
  renderArticle,
  slugify,
  writeArticleFile,
} from "../../../src/sources/write-article.js";
import { tempContent } from "../../helpers/temp-content.js";

function draft(blocks: Block[], extra: Partial<ArticleDraft> = {}): ArticleDraft {
  return {
    title: 'A title: with *stars* and "quotes"',
    author: "Nina Bardot",
    date: "2025-07-17T06:30:00Z",
    category: "Bitcoin",
    tags: ["policy", "#Policy", "El Salvador"],
    lang: "en",
    source: "https://news.example/2025/a",
    feed: "https://news.example/feed.xml",
    guid: "id-1",
    blocks,
    fallbackReason: null,
    ...extra,
  };
}

function readBack(text: string) {
  const outcome = parseArticleBytes("imported.md", Buffer.from(text, "utf8"));
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome;
}

describe("renderArticle", () => {
  it("GIVEN text full of Markdown syntax THEN the parser reads back the very same words and sections", () => {
    const tricky = [
      "Prices rose 5 * 3 times; *not emphasis* and _not this_ either, snake_case_name stays.",
      "# not a heading",
      "- not a list",
      "+ nor this",
      "1. not numbered",
      "---",
      "See [the report](https://x.example) and ![img](y.png).",
      "A path C:\\Users\\*star* and a comment <!-- kept --> here.",
      "```not a fence",
    ];
    const blocks: Block[] = [
      ...tricky.map((text) => ({ kind: "paragraph", text }) as Block),
      { kind: "heading", level: 3, text: "Second part #1" },
      { kind: "list", ordered: false, items: ["one *item*", "two"] },
      { kind: "list", ordered: true, items: ["first", "second"] },
      { kind: "quote", paragraphs: ["Quoted one.", "Quoted two."] },
      { kind: "code", text: "const a = b * c;\n  return a_b;" },
    ];
    const { article, warnings } = readBack(renderArticle(draft(blocks)));
    expect(article.title).toBe('A title: with *stars* and "quotes"');
    expect(article.sections.map((s) => s.heading)).toEqual([null, "Second part #1"]);
    expect(article.sections[0]?.text.split("\n\n")).toEqual(tricky);
    expect(article.sections[1]?.text.split("\n\n")).toEqual([
      "- one *item*\n- two",
      "1. first\n2. second",
      "Quoted one.",
      "Quoted two.",
      "const a = b * c;\n  return a_b;",
    ]);
    // Only the import's own keys are unknown to today's parser.
    expect(warnings.filter((w) => !/"(feed|guid|text_from|text_note)"/.test(w))).toEqual([]);
  });

  it("GIVEN the draft's metadata THEN the front matter reads back as title, author, date, category, tags, lang and source", () => {
    const { article } = readBack(renderArticle(draft([{ kind: "paragraph", text: "Body." }])));
    expect(article).toMatchObject({
      author: "Nina Bardot",
      date: "2025-07-17T06:30:00Z",
      category: "Bitcoin",
      tags: ["policy", "El Salvador"],
      lang: "en",
      source: "https://news.example/2025/a",
    });
  });

  it("GIVEN no language THEN it is detected from the text; a fallback THEN the marker says so", () => {
    const text = renderArticle(
      draft(
        [
          {
            kind: "paragraph",
            text: "Le Pakistan et le Salvador discutent de la stratégie Bitcoin avec les banques.",
          },
        ],
        {
          lang: null,
          fallbackReason: "the page could not be fetched: HTTP 404",
        },
      ),
    );
    expect(text).toContain("lang: fr\n");
    expect(text).toContain('text_from: feed\ntext_note: "the page could not be fetched: HTTP 404"\n');
    expect(readBack(text).article.lang).toBe("fr");
  });
});

describe("file names and dedupe keys", () => {
  it("GIVEN a title and a date THEN <date>-<slug>.md under the folder; taken ids get -2, -3", () => {
    expect(slugify("Le Pakistan et El Salvador : l'été 2025 !")).toBe(
      "le-pakistan-et-el-salvador-l-ete-2025",
    );
    const taken = new Set(["2025-07-17-hello-world", "2025-07-17-hello-world-2"]);
    expect(
      articleFileName({ title: "Hello, World", date: "2025-07-17T06:30:00Z" }, "le-monde", 0, (id) =>
        taken.has(id),
      ),
    ).toBe("le-monde/2025-07-17-hello-world-3.md");
    expect(
      articleFileName({ title: "No date", date: null }, "", Date.parse("2025-01-02T10:00:00Z"), () => false),
    ).toBe("2025-01-02-no-date.md");
  });

  it("GIVEN guids, URLs or neither THEN the keys scope a local guid to its feed and fall back to a hash", () => {
    expect(
      dedupeKeys({ guid: "42", url: "https://a.example/x", title: "T", text: "" }, "https://a.example/feed"),
    ).toEqual(["guid:https://a.example/feed#42", "url:https://a.example/x"]);
    expect(
      dedupeKeys({ guid: "urn:uuid:1", url: null, title: "T", text: "" }, "https://a.example/feed"),
    ).toEqual(["guid:urn:uuid:1"]);
    const a = dedupeKeys({ guid: null, url: null, title: "Same  Title", text: "Same text" }, null);
    expect(a).toEqual(
      dedupeKeys({ guid: null, url: null, title: "same title", text: "same   text" }, "other"),
    );
    expect(a[0]).toMatch(/^hash:/);
  });
});

describe("writing files", () => {
  let content: ReturnType<typeof tempContent> | null = null;
  afterEach(() => content?.remove());

  it("GIVEN an existing file of that name THEN it is never overwritten and no temporary file is left", async () => {
    content = tempContent();
    content.write("src/2025-07-17-a.md", "operator's edit");
    expect(await writeArticleFile(content.dir, "src/2025-07-17-a.md", "new text")).toBe(false);
    expect(readFileSync(`${content.dir}/src/2025-07-17-a.md`, "utf8")).toBe("operator's edit");
    expect(await writeArticleFile(content.dir, "src/2025-07-17-b.md", "new text")).toBe(true);
    expect(readdirSync(`${content.dir}/src`).sort()).toEqual(["2025-07-17-a.md", "2025-07-17-b.md"]);
  });

  it("GIVEN two drafts with one title and date THEN the file writer picks a second name", async () => {
    content = tempContent();
    const writer = fileArticleWriter(content.dir);
    const d = draft([{ kind: "paragraph", text: "Body." }], { title: "Same" });
    expect(await writer.write(d, "feed-a")).toBe("feed-a/2025-07-17-same.md");
    expect(await writer.write(d, "feed-a")).toBe("feed-a/2025-07-17-same-2.md");
  });
});
