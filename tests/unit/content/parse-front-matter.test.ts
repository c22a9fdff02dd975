import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ParseOutcome } from "../../../src/content/article.js";
import { parseFrontMatter } from "../../../src/content/parse-front-matter.js";
import { parseArticleBytes } from "../../../src/content/read-article-file.js";
import type { Article } from "../../../src/domain/article.js";

const FIXTURES = join(import.meta.dirname, "../../fixtures/content");
const BODY =
  "The operator said demand rose sharply during the heat wave, and that reserves stayed above the alert level.";

function run(text: string): ParseOutcome {
  return parseFrontMatter(text, { id: "t", file: "dir/t.md" });
}

function parse(text: string): Article {
  const outcome = run(text);
  if (!outcome.ok) throw new Error(`expected the text to parse, got: ${outcome.reason}`);
  return outcome.article;
}

function reason(text: string): string {
  const outcome = run(text);
  if (outcome.ok) throw new Error("expected the article to be skipped");
  return outcome.reason;
}

describe("GIVEN a Markdown article with every front matter field", () => {
  const outcome = parseArticleBytes("news/full.md", readFileSync(join(FIXTURES, "full.md")));

  it("THEN every field lands in the article, without warnings", () => {
    expect(outcome).toMatchObject({ ok: true, warnings: [] });
    expect(outcome.ok && outcome.article).toMatchObject({
      id: "full",
      file: "news/full.md",
      title: "Wind farm cleared to connect",
      author: "Jane Roe",
      category: "ENERGY",
      tags: ["wind", "grid", "offshore"],
      lang: "en",
      date: "2025-07-20",
      source: "https://example.com/news/wind-farm",
      summary: "A hand-written summary that wins over the computed one.",
      publishAt: "2025-07-21T06:00:00Z",
    });
  });

  it("THEN the repeated # title is dropped and ## headings become sections", () => {
    expect(outcome.ok && outcome.article.sections).toEqual([
      { heading: null, text: "The regulator cleared the project on Monday." },
      {
        heading: "What it means",
        text: "The farm adds 480 megawatts to the grid.\n\nConnection works start in the autumn.",
      },
      { heading: "Next steps", text: "- Cable laying in September\n- First power in 2026" },
    ]);
  });
});

describe("GIVEN front matter fields in other shapes", () => {
  it("WHEN tags is a comma-separated string THEN it becomes a trimmed list without duplicates", () => {
    expect(parse(`---\ntitle: T\ntags: "bitcoin, mining ,#energy, Bitcoin,"\n---\n${BODY}`).tags).toEqual([
      "bitcoin",
      "mining",
      "energy",
    ]);
  });

  it("WHEN the date is written in words or as a date-time THEN it is normalised to ISO", () => {
    expect(parse(`---\ntitle: T\ndate: July 18, 2025\n---\n${BODY}`).date).toBe("2025-07-18");
    expect(parse(`---\ntitle: T\ndate: 1er juillet 2025\n---\n${BODY}`).date).toBe("2025-07-01");
    expect(parse(`---\ntitle: T\ndate: 2025-07-18T09:15:00+02:00\n---\n${BODY}`).date).toBe(
      "2025-07-18T09:15:00+02:00",
    );
  });

  it("WHEN the date is not understood THEN it is null with a warning", () => {
    const outcome = run(`---\ntitle: T\ndate: next week\n---\n${BODY}`);
    expect(outcome).toMatchObject({ ok: true, article: { date: null } });
    expect(outcome.warnings).toEqual([expect.stringContaining('"next week"')]);
  });

  it("WHEN lang is missing THEN it is detected from the text", () => {
    const article = parse(
      "---\ntitle: La demande d'électricité bat un record\n---\nLe gestionnaire du réseau a enregistré une consommation record mardi soir.",
    );
    expect(article.lang).toBe("fr");
  });

  it("WHEN lang is a region tag or capitals THEN the ISO 639-1 code is kept", () => {
    expect(parse(`---\ntitle: T\nlang: FR-ca\n---\n${BODY}`).lang).toBe("fr");
  });

  it("WHEN lang is not a language code THEN it is detected and a warning is given", () => {
    const outcome = run(`---\ntitle: T\nlang: klingon\n---\n${BODY}`);
    expect(outcome).toMatchObject({ ok: true, article: { lang: "en" } });
    expect(outcome.warnings).toEqual([expect.stringContaining('"klingon"')]);
  });

  it("WHEN the source is not an http(s) URL THEN it is dropped with a warning", () => {
    const outcome = run(`---\ntitle: T\nsource: "javascript:alert(1)"\n---\n${BODY}`);
    expect(outcome).toMatchObject({ ok: true, article: { source: null } });
    expect(outcome.warnings).toHaveLength(1);
  });

  it("WHEN an unknown key is present THEN the article loads with a warning naming it", () => {
    const outcome = run(`---\ntitle: T\ntitel: typo\n---\n${BODY}`);
    expect(outcome.ok).toBe(true);
    expect(outcome.warnings).toEqual([expect.stringContaining('"titel"')]);
  });

  it("WHEN several authors are listed THEN they are joined", () => {
    expect(parse(`---\ntitle: T\nauthor: [Jane Roe, John Doe]\n---\n${BODY}`).author).toBe(
      "Jane Roe, John Doe",
    );
  });

  it("WHEN the title is a number THEN it is used as text", () => {
    expect(parse(`---\ntitle: 2025\n---\n${BODY}`).title).toBe("2025");
  });
});

describe("GIVEN publish_at", () => {
  it("WHEN it has a zone THEN publishAt is the same instant in UTC", () => {
    expect(parse(`---\ntitle: T\npublish_at: 2025-07-21T08:00:00+02:00\n---\n${BODY}`).publishAt).toBe(
      "2025-07-21T06:00:00Z",
    );
  });

  it("WHEN it has no zone THEN it is read as UTC with a warning", () => {
    const outcome = run(`---\ntitle: T\npublish_at: 2025-07-21T08:00\n---\n${BODY}`);
    expect(outcome).toMatchObject({ ok: true, article: { publishAt: "2025-07-21T08:00:00Z" } });
    expect(outcome.warnings).toEqual([expect.stringContaining("no time zone")]);
  });

  it("WHEN it is a bare date THEN the embargo starts at 00:00 UTC that day, with a warning", () => {
    const outcome = run(`---\ntitle: T\npublish_at: 2025-07-21\n---\n${BODY}`);
    expect(outcome).toMatchObject({ ok: true, article: { publishAt: "2025-07-21T00:00:00Z" } });
    expect(outcome.warnings).toHaveLength(1);
  });

  it("WHEN it cannot be read THEN the article is held back (skipped) rather than published early", () => {
    expect(reason(`---\ntitle: T\npublish_at: tomorrow morning\n---\n${BODY}`)).toBe(
      'publish_at "tomorrow morning" is not an ISO date-time',
    );
  });
});

describe("GIVEN a missing title", () => {
  it("WHEN the body starts with a # heading THEN it becomes the title and is not repeated as a section", () => {
    const article = parse(`---\nlang: en\n---\n# Solar output peaks\n\n${BODY}\n\n## Why\n\n${BODY}`);
    expect(article.title).toBe("Solar output peaks");
    expect(article.sections.map((s) => s.heading)).toEqual([null, "Why"]);
  });

  it("WHEN there is no front matter at all THEN the first heading is the title", () => {
    const article = parse(`# Plain Markdown\n\n${BODY}`);
    expect(article).toMatchObject({ title: "Plain Markdown", lang: "en", date: null, tags: [] });
  });

  it("WHEN there is no heading either THEN it is skipped with a reason", () => {
    expect(reason(`---\nlang: en\n---\n${BODY}`)).toBe(
      "the article has no title and no heading to use as one",
    );
  });
});

describe("GIVEN broken front matter", () => {
  it.each([
    ["a YAML syntax error", "---\ntitle: a: b\n---\nBody.", /not valid YAML \(line 2\): Nested mappings/],
    ["an unclosed quote", '---\ndate: 2025-07-01\ntitle: "Open\n---\nBody.', /not valid YAML/],
    ["a duplicate key", "---\ntitle: A\ntitle: B\n---\nBody.", /not valid YAML \(line 3\).*unique/],
    ["no closing line", "---\ntitle: A\n\nBody.", /not closed/],
    ["a list instead of a mapping", "---\n- a\n- b\n---\nBody.", /not a mapping/],
    ["a plain scalar", "---\njust words\n---\nBody.", /not a mapping/],
    ["an unresolved alias", "---\ntitle: *nowhere\n---\nBody.", /not valid YAML: Unresolved alias/],
    [
      "an alias bomb",
      `---\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [${"*a, ".repeat(10)}*a]\nc: [${"*b, ".repeat(10)}*b]\ntitle: T\n---\nBody.`,
      /not valid YAML/,
    ],
  ])(
    "WHEN it has %s THEN the article is skipped with a reason naming the problem",
    (_name, text, expected) => {
      expect(reason(text)).toMatch(expected);
    },
  );

  it("WHEN the front matter is empty THEN the title falls back to the first heading", () => {
    expect(parse(`---\n---\n# Heading title\n\n${BODY}`).title).toBe("Heading title");
  });

  it("WHEN there is no body THEN it is skipped with a reason", () => {
    expect(reason("---\ntitle: T\n---\n\n")).toBe("there is no body text after the front matter");
  });
});

describe("GIVEN Markdown formatting in the body", () => {
  it("THEN links keep their words and emphasis, code and comment markers are removed", () => {
    const article = parse(
      "---\ntitle: T\n---\nThe **regulator** said [the plan](https://example.org/plan) is *final* and `v2` ships.<!-- note -->\n\nsnake_case_name stays, 2 * 3 stays.",
    );
    expect(article.sections[0]?.text).toBe(
      "The regulator said the plan is final and v2 ships.\n\nsnake_case_name stays, 2 * 3 stays.",
    );
  });

  it("THEN setext headings (underlined with = or -) are headings too", () => {
    const article = parse(
      `Setext title\n============\n\n${BODY}\n\nPart two\n--------\n\n${BODY}\n\n***\n\nEnd.`,
    );
    expect(article.title).toBe("Setext title");
    expect(article.sections).toEqual([
      { heading: null, text: BODY },
      { heading: "Part two", text: `${BODY}\n\nEnd.` },
    ]);
  });

  it("THEN wrapped lines are joined, quotes unmarked and ### headings kept as paragraphs", () => {
    const article = parse(
      "---\ntitle: T\n---\nOne line\nwrapped here.\n\n> A quoted line.\n\n### Small heading\n\nEnd.",
    );
    expect(article.sections[0]?.text).toBe(
      "One line wrapped here.\n\nA quoted line.\n\nSmall heading\n\nEnd.",
    );
  });
});
