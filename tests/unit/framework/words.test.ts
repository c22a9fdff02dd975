import { describe, expect, it } from "vitest";
import { labelSeparator, typeset } from "../../../src/framework/typography.js";
import { defineWords, fillTemplate, templateProblem, wordsTranslator } from "../../../src/framework/words.js";

const NBSP = "\u00a0";
const NNBSP = "\u202f";

describe("plurals through Intl.PluralRules", () => {
  const latest = "{count, plural, one {The latest article} other {The # latest articles}}";
  const dernier = "{count, plural, one {Le dernier article} other {Les # derniers articles}}";

  it.each([
    [1, "The latest article", "Le dernier article"],
    [2, "The 2 latest articles", "Les 2 derniers articles"],
    [5, "The 5 latest articles", "Les 5 derniers articles"],
  ])("GIVEN %i THEN it reads right in both languages", (count, en, fr) => {
    expect(fillTemplate(latest, { count }, "en")).toBe(en);
    expect(fillTemplate(dernier, { count }, "fr")).toBe(fr);
  });

  it("GIVEN 0 THEN English says plural and French singular, as each language does", () => {
    const t = "{n, plural, one {# article} other {# articles}}";
    expect(fillTemplate(t, { n: 0 }, "en")).toBe("0 articles");
    expect(fillTemplate(t, { n: 0 }, "fr")).toBe("0 article");
  });

  it("GIVEN an exact case and a nested placeholder THEN the exact case wins and is filled", () => {
    const t = "{n, plural, =0 {nothing on {topic}} one {# on {topic}} other {# on {topic}}}";
    expect(fillTemplate(t, { n: 0, topic: "bitcoin" }, "en")).toBe("nothing on bitcoin");
    expect(fillTemplate(t, { n: 3, topic: "bitcoin" }, "en")).toBe("3 on bitcoin");
  });

  it("GIVEN a select THEN the value's case is said, else other with # as the value", () => {
    const t = "the {field, select, hour {heure} other {#}} field";
    expect(fillTemplate(t, { field: "hour" }, "fr")).toBe("the heure field");
    expect(fillTemplate(t, { field: "minute" }, "fr")).toBe("the minute field");
  });

  it("GIVEN a missing parameter THEN the placeholder stays visible", () => {
    expect(fillTemplate("Hello {name}", {}, "en")).toBe("Hello {name}");
  });

  it("GIVEN broken templates THEN the checker names the problem", () => {
    expect(templateProblem("a {b")).toMatch(/without its }/);
    expect(templateProblem("{n, plural, one {x}}")).toMatch(/no "other"/);
    expect(templateProblem("{n, plural, one {x} other {y}} and {m}")).toBeNull();
  });
});

describe("French typography, one rule", () => {
  it.each([
    ["Catégorie: x", `Catégorie${NBSP}: x`],
    ["Newsdesk : ce que", `Newsdesk${NBSP}: ce que`],
    ["Pas le bon ? /schedule", `Pas le bon${NNBSP}? /schedule`],
    ["prévenue ; réessayez", `prévenue${NNBSP}; réessayez`],
    ["Enfin!", `Enfin${NNBSP}!`],
    ["« {query} »", `«${NBSP}{query}${NBSP}»`],
    ["«bitcoin»", `«${NBSP}bitcoin${NBSP}»`],
  ])("GIVEN %j THEN the mark gets its no-break space", (text, set) => {
    expect(typeset("fr", text)).toBe(set);
  });

  it.each(["09:00", "https://example.org/a?b=1", "2025-07-18 09:00", "0 9 * * 1-5", "(ref {ref})"])(
    "GIVEN %j THEN nothing changes: the mark does not end a word",
    (text) => expect(typeset("fr", text)).toBe(text),
  );

  it("GIVEN English THEN nothing changes", () => {
    expect(typeset("en", "Results: “x” ?")).toBe("Results: “x” ?");
  });

  it("GIVEN a label THEN its separator follows the same rule", () => {
    expect(labelSeparator("en")).toBe(": ");
    expect(labelSeparator("fr")).toBe(`${NBSP}: `);
  });

  it("GIVEN a French book THEN its words are set when defined, and what fills them is left as written", () => {
    const book = defineWords({ en: { k: "Results: {q}" }, fr: { k: "Résultats: {q}" } });
    expect(wordsTranslator([book], "fr")("k", { q: "a : b ?" })).toBe(`Résultats${NBSP}: a : b ?`);
  });
});

describe("books", () => {
  const book = defineWords({
    en: { "x.where": "this channel", "x.where@telegram": "this chat" },
    fr: { "x.where": "ce salon", "x.where@telegram": "cette discussion" },
  });

  it("GIVEN a platform variant THEN it wins on that platform only", () => {
    expect(wordsTranslator([book], "en", "telegram")("x.where")).toBe("this chat");
    expect(wordsTranslator([book], "fr", "discord")("x.where")).toBe("ce salon");
    expect(wordsTranslator([book], "fr")("x.where")).toBe("ce salon");
  });

  it("GIVEN a French book missing a key, or with one English lacks THEN it does not compile", () => {
    // @ts-expect-error "b" is missing in French
    defineWords({ en: { a: "A", b: "B" }, fr: { a: "A" } });
    // @ts-expect-error "c" is not an English key
    defineWords({ en: { a: "A" }, fr: { a: "A", c: "C" } });
    // @ts-expect-error the key is not in the book
    wordsTranslator<keyof typeof book.en>([book], "en")("x.nowhere");
    expect(true).toBe(true);
  });
});
