import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseScrapedText, splitGluedHeading } from "../../../src/content/parse-scraped-text.js";
import { parseArticleBytes } from "../../../src/content/read-article-file.js";
import { type Article, articleBody } from "../../../src/domain/article.js";
import { SEED_AUTHOR, SEED_DATE, SEED_FILE, SEED_ID, SEED_SECTIONS, SEED_TITLE } from "../../helpers/seed.js";

const SEED_NAME = `${SEED_ID}.txt`;
const SEED_BYTES = readFileSync(SEED_FILE);
const FIXTURES = join(import.meta.dirname, "../../fixtures/content");

function parse(text: string): Article {
  const outcome = parseScrapedText(text, { id: "t", file: "t.txt" });
  if (!outcome.ok) throw new Error(`expected the text to parse, got: ${outcome.reason}`);
  return outcome.article;
}

function fixture(name: string): Article {
  const outcome = parseArticleBytes(name, readFileSync(join(FIXTURES, name)));
  if (!outcome.ok) throw new Error(`${name}: ${outcome.reason}`);
  expect(outcome.warnings).toEqual([]);
  return outcome.article;
}

/** Words and numbers in order: what must survive parsing, whatever the punctuation and layout. */
function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}'’]+/gu) ?? [];
}

const LONG_SENTENCE =
  "The operator said demand rose sharply during the heat wave, and that reserves stayed above the alert level.";

describe("GIVEN the seed article", () => {
  const outcome = parseArticleBytes(SEED_NAME, SEED_BYTES);
  const article = outcome.ok ? outcome.article : null;

  it("THEN it loads without warnings", () => {
    expect(outcome).toMatchObject({ ok: true, warnings: [] });
  });

  it("THEN id, title, author, category, lang and date come from the file name, title line and byline", () => {
    expect(article).toMatchObject({
      id: SEED_ID,
      file: SEED_NAME,
      title: SEED_TITLE,
      author: SEED_AUTHOR,
      category: "BITCOIN",
      lang: "fr",
      date: SEED_DATE,
      tags: [],
      source: null,
      summary: null,
      publishAt: null,
    });
  });

  it("THEN the standalone and the three glued headings become exactly four sections", () => {
    expect(article?.sections.map((s) => s.heading)).toEqual(SEED_SECTIONS);
  });

  it("THEN each section holds its paragraph, ending on the sentence the heading was glued to", () => {
    const texts = article?.sections.map((s) => s.text) ?? [];
    expect(texts[0]).toMatch(/^Bilal Bin Saqib, PDG du Pakistan Crypto Council/);
    expect(texts[0]).toMatch(/malgré les critiques du Fonds monétaire international\.$/);
    expect(texts[1]).toMatch(/^Lors de la réunion, une Lettre d'intention/);
    expect(texts[1]).toMatch(/du modèle d'adoption du Bitcoin d'El Salvador\.$/);
    expect(texts[2]).toMatch(/^La réunion avec le président Bukele/);
    expect(texts[2]).toMatch(/sur ses initiatives de transformation digitale\.$/);
    expect(texts[3]).toMatch(/^Plus tôt ce mois-ci, le FMI/);
    expect(texts[3]).toMatch(/dans le paysage en évolution des actifs numériques\.$/);
    expect(texts[3]).toContain("2 000 mégawatts d'électricité excédentaire");
  });

  it("THEN every word of the body is kept, in order, and the share button is gone", () => {
    const raw = SEED_BYTES.toString("utf8");
    const body = raw
      .split("\n")
      .slice(3)
      .join("\n")
      .replace(/Partager cet article$/, "");
    expect(words(articleBody(article ?? { sections: [] }))).toEqual(words(body));
    expect(JSON.stringify(article)).not.toContain("Partager");
  });
});

describe("GIVEN a byline", () => {
  it.each([
    ["July 18, 2025", "2025-07-18"],
    ["Jul 4, 2025", "2025-07-04"],
    ["17 juillet 2025", "2025-07-17"],
    ["1er juillet 2025", "2025-07-01"],
    ["2025-07-17", "2025-07-17"],
    ["2025-07-17T08:30:00Z", "2025-07-17T08:30:00Z"],
    ["2025-07-17T08:30:00+02:00", "2025-07-17T08:30:00+02:00"],
  ])("WHEN the date is %s THEN it becomes %s", (written, iso) => {
    const article = parse(`Title here\n\nJane Roe | ENERGY | EN | ${written}\n${LONG_SENTENCE}\n`);
    expect(article.date).toBe(iso);
    expect(article.author).toBe("Jane Roe");
  });

  it("WHEN the date is not understood THEN the date is null and a warning names it", () => {
    const outcome = parseScrapedText(`Title\nJane Roe | ENERGY | EN | sometime soon\n${LONG_SENTENCE}`, {
      id: "t",
      file: "t.txt",
    });
    expect(outcome.ok && outcome.article.date).toBeNull();
    expect(outcome.warnings).toEqual([expect.stringContaining('"sometime soon"')]);
  });

  it("WHEN the date field is empty THEN the date is null without warning", () => {
    const outcome = parseScrapedText(`Title\nJane Roe | ENERGY | EN |\n${LONG_SENTENCE}`, {
      id: "t",
      file: "t.txt",
    });
    expect(outcome).toMatchObject({ ok: true, warnings: [], article: { date: null, lang: "en" } });
  });

  it("WHEN the language is written in capitals THEN lang is its lowercase ISO 639-1 code", () => {
    expect(parse(`Titre\nNina Bardot | BITCOIN | FR | 2025-07-17\n${LONG_SENTENCE}`).lang).toBe("fr");
    expect(parse(`Titre\nNina Bardot | BITCOIN | fr-CA | 2025-07-17\n${LONG_SENTENCE}`).lang).toBe("fr");
  });

  it("WHEN the language code is unknown THEN lang is detected from the text and a warning names the code", () => {
    const outcome = parseScrapedText(`Title\nJane Roe | ENERGY | XX | 2025-07-17\n${LONG_SENTENCE}`, {
      id: "t",
      file: "t.txt",
    });
    expect(outcome).toMatchObject({ ok: true, article: { lang: "en" } });
    expect(outcome.warnings).toEqual([expect.stringContaining('"XX"')]);
  });

  it("WHEN the byline follows the title directly THEN it is still read and not kept as body text", () => {
    const article = parse(`Title\nJane Roe | ENERGY | EN | July 18, 2025\n${LONG_SENTENCE}`);
    expect(article.category).toBe("ENERGY");
    expect(articleBody(article)).toBe(LONG_SENTENCE);
  });
});

describe("GIVEN no byline", () => {
  it("THEN the article loads with a null date, no author and the language of its text", () => {
    const fr = parse(
      "La demande d'électricité bat un record\n\nLe gestionnaire du réseau a enregistré une consommation record mardi, selon les chiffres publiés dans la soirée.\n",
    );
    expect(fr).toMatchObject({ date: null, author: null, category: null, lang: "fr" });
    expect(fr.sections).toEqual([{ heading: null, text: expect.stringMatching(/^Le gestionnaire/) }]);
    const en = fixture("no-byline-en.txt");
    expect(en).toMatchObject({
      date: null,
      author: null,
      lang: "en",
      title: "Grid operator warns of a tight winter",
    });
  });
});

describe("GIVEN headings glued to the end of a paragraph", () => {
  it("GIVEN a heading glued after a period THEN it becomes a section", () => {
    const article = parse(`T\n\nThe first paragraph ends here.Second part of the story\n${LONG_SENTENCE}`);
    expect(article.sections).toEqual([
      { heading: null, text: "The first paragraph ends here." },
      { heading: "Second part of the story", text: LONG_SENTENCE },
    ]);
  });

  it.each([
    ["...", "La hausse s'est poursuivie.Pourquoi maintenant ?", "Pourquoi maintenant ?"],
    ["French spacing", "La hausse s'est poursuivie.Pourquoi maintenant\u202f?", "Pourquoi maintenant\u202f?"],
    ["English", "Prices kept rising.Why now?", "Why now?"],
    [
      "exclamation",
      "Les mineurs arrivent en masse !Une ruée vers l'électricité !",
      "Une ruée vers l'électricité !",
    ],
    [
      "closing quote",
      "« Nous restons prudents », a-t-il dit.»Les prochaines étapes",
      "Les prochaines étapes",
    ],
  ])("GIVEN a glued heading (%s) THEN it is split out with its final mark", (_name, line, heading) => {
    const article = parse(`T\n\n${line}\n${LONG_SENTENCE}`);
    expect(article.sections.map((s) => s.heading)).toEqual([null, heading]);
    expect(article.sections[1]?.text).toBe(LONG_SENTENCE);
  });

  it("GIVEN the fixture with a glued question heading THEN it has the expected sections", () => {
    const article = fixture("glued-question.txt");
    expect(article.sections.map((s) => s.heading)).toEqual([
      null,
      "Pourquoi maintenant ?",
      "Ce que disent les analystes",
    ]);
    expect(article.sections[0]?.text).toMatch(/de 4,5 % sur un an\.$/);
  });

  it.each([
    ["a decimal", "The index rose to 3.5"],
    ["a dotted abbreviation", "The sanctions were announced by the U.S.Treasury"],
    ["an initial", "Le projet est porté par M.Dupont"],
    ["a title abbreviation", "The plan was approved by Dr.Watson"],
    ["a domain name", "Details are published on example.com"],
    ["a library name", "The service is written in Node.js"],
    ["an upper-case product name", "The backend moved to ASP.NET"],
    ["a space after the period", "Prices kept rising. Why now?"],
    ["a digit after the period", "Output grew in 2024.2025 looks calmer"],
    ["a lowercase word after the period", "The fund grew.and then it shrank"],
    [
      "a long tail",
      "It ended.This tail is far too long to be a heading because it goes on and on with many words",
    ],
  ])("GIVEN %s at the end of a line THEN nothing is split", (_name, line) => {
    const article = parse(`T\n\nPrices moved again this week. ${line}\n${LONG_SENTENCE}`);
    expect(article.sections.every((s) => s.heading === null)).toBe(true);
    expect(articleBody(article)).toContain(line);
  });

  it("GIVEN a glued heading on the last line THEN it stays text, as no body follows it", () => {
    const article = parse(`T\n\n${LONG_SENTENCE}\nThe story ends.Final words`);
    expect(article.sections.map((s) => s.heading)).toEqual([null]);
    expect(articleBody(article)).toContain("The story ends.Final words");
  });

  it("GIVEN dots inside the middle of a line THEN only the end of the line is looked at", () => {
    expect(splitGluedHeading("Version 3.5 ships on example.com.Next steps")).toEqual([
      "Version 3.5 ships on example.com.",
      "Next steps",
    ]);
    expect(splitGluedHeading("M. Dupont a parlé à 10 h.")).toBeNull();
  });
});

describe("GIVEN standalone headings", () => {
  it("GIVEN a short unpunctuated line between paragraphs THEN it becomes a section heading", () => {
    const article = parse(`T\n\n${LONG_SENTENCE}\n\nWhat comes next\n\n${LONG_SENTENCE}\n`);
    expect(article.sections).toEqual([
      { heading: null, text: LONG_SENTENCE },
      { heading: "What comes next", text: LONG_SENTENCE },
    ]);
  });

  it("GIVEN a heading that ends with a question mark THEN it is a heading too", () => {
    const article = parse(`T\n\n${LONG_SENTENCE}\nPourquoi maintenant ?\n${LONG_SENTENCE}`);
    expect(article.sections.map((s) => s.heading)).toEqual([null, "Pourquoi maintenant ?"]);
  });

  it("GIVEN a list of short lines THEN they stay text and are not taken for headings", () => {
    const article = parse(`T\n\nKey figures:\nPrice 740 million dollars\nVolume 6,240 BTC\n${LONG_SENTENCE}`);
    expect(article.sections.map((s) => s.heading)).toEqual([null]);
    expect(articleBody(article)).toContain("Volume 6,240 BTC");
  });

  it("GIVEN a short line ending with a period THEN it is a paragraph, not a heading", () => {
    const article = parse(`T\n\nThat is all.\n${LONG_SENTENCE}`);
    expect(article.sections).toEqual([{ heading: null, text: `That is all.\n\n${LONG_SENTENCE}` }]);
  });
});

describe("GIVEN paragraphs", () => {
  it("GIVEN one paragraph per line THEN each line is a paragraph separated by a blank line", () => {
    const article = parse(`T\n\nFirst paragraph here.\nSecond paragraph here.\n\n\nThird paragraph here.`);
    expect(article.sections[0]?.text).toBe(
      "First paragraph here.\n\nSecond paragraph here.\n\nThird paragraph here.",
    );
  });

  it("GIVEN hard-wrapped lines THEN they are joined into one paragraph", () => {
    const article = parse("T\n\nThe operator said demand\nrose sharply during\nthe heat wave.\n\nNext one.");
    expect(article.sections[0]?.text).toBe(
      "The operator said demand rose sharply during the heat wave.\n\nNext one.",
    );
  });
});

describe("GIVEN share buttons and read-also links at the end", () => {
  it.each([
    "Partager cet article",
    "Share this article",
    "Partager sur Facebook",
    "Share on X",
    "Partagez cet article",
    "Lire aussi : Le bitcoin dépasse un nouveau record",
    "À lire aussi",
    "Read more: Miners move north",
  ])("WHEN %s is on its own line THEN it is removed", (trailer) => {
    const article = parse(`T\n\n${LONG_SENTENCE}\n${trailer}\n`);
    expect(articleBody(article)).toBe(LONG_SENTENCE);
  });

  it.each([
    ["glued", `${LONG_SENTENCE}Partager cet article`],
    ["after a space", `${LONG_SENTENCE} Share this article`],
    ["several glued", `${LONG_SENTENCE}Partager sur FacebookPartager sur X`],
    ["a read-also link", `${LONG_SENTENCE}Lire aussi : Le minage en Norvège`],
    [
      "then more buttons on their own lines",
      `${LONG_SENTENCE}Share this article\nShare on X\nShare on LinkedIn`,
    ],
  ])("WHEN it is %s THEN it is removed and the sentence kept", (_name, tail) => {
    const article = parse(`T\n\n${tail}\n\n`);
    expect(articleBody(article)).toBe(LONG_SENTENCE);
  });

  it("WHEN a sentence merely mentions sharing THEN it is kept", () => {
    const text = "Investors were asked to vote on the share.";
    expect(articleBody(parse(`T\n\n${text}`))).toBe(text);
  });
});

describe("GIVEN a file with nothing to read", () => {
  it("WHEN only a title is present THEN it is skipped with a reason", () => {
    const outcome = parseScrapedText("Just a title\n\n", { id: "t", file: "t.txt" });
    expect(outcome).toMatchObject({ ok: false, reason: "there is no body text after the title" });
  });

  it("WHEN the body is only a share button THEN it is skipped with a reason", () => {
    const outcome = parseScrapedText("Title\nA | B | FR | 2025-07-17\nPartager cet article", {
      id: "t",
      file: "t.txt",
    });
    expect(outcome.ok).toBe(false);
  });
});
