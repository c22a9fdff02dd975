import { describe, expect, it } from "vitest";
import { FACT_KINDS, type Fact } from "../../../src/domain/fact.js";
import { MAX_FACTS_PER_KIND } from "../../../src/news/facts/context.js";
import { extractFacts } from "../../../src/news/facts/extract-facts.js";
import { MAX_SENTENCE_CHARS } from "../../../src/news/sentences.js";
import { summarizeArticle } from "../../../src/news/summarize.js";
import { ADVERSARIAL, distinctWord } from "../../helpers/adversarial-texts.js";

/**
 * Texts written to be slow: each used to take seconds (the dates one 23-32 s), overflow the stack
 * (160,000 sentences) or grow without bound. Here they must finish and give answers of the right
 * shape; how fast is the bench's business (bench/speed/adversarial-entry.ts).
 */

const KB = 1_000;
const MB = 1_000_000;

function article(text: string, lang = "fr") {
  return {
    title: "Un article étrange",
    sections: [{ heading: null, text }],
    lang,
    date: "2025-07-18",
    summary: null,
  };
}

/** What any summary and any facts must look like, whatever the text. */
function expectShape(summary: string[], facts: Fact[]): void {
  expect(summary.length).toBeLessThanOrEqual(3);
  for (const s of summary) {
    expect(s.length).toBeGreaterThan(0);
    expect(s.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
  }
  for (const kind of FACT_KINDS)
    expect(facts.filter((f) => f.kind === kind).length).toBeLessThanOrEqual(MAX_FACTS_PER_KIND);
  for (const f of facts) {
    expect(FACT_KINDS).toContain(f.kind);
    expect(f.text.trim().length).toBeGreaterThan(0);
    expect(f.sentence.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
  }
}

function analyse(text: string, lang = "fr") {
  const a = article(text, lang);
  const summary = summarizeArticle(a, 3);
  const facts = extractFacts(a);
  expectShape(summary, facts);
  return { summary, facts };
}

const capitalised = (w: string) => `${w.charAt(0).toUpperCase()}${w.slice(1)}`;

describe("adversarial texts finish, with answers of the right shape", () => {
  it("GIVEN the issue's 160 KB of dates without a comma THEN the date is found once", () => {
    const { facts } = analyse(ADVERSARIAL["dates only"]?.(160 * KB) ?? "");
    expect(facts.filter((f) => f.kind === "date").map((f) => f.detail)).toContain("2025-01-01");
  });

  it("GIVEN 160,000 one-word sentences THEN no stack overflow, and the summary is three of them", () => {
    const text = Array.from({ length: 160_000 }, (_, i) => `${capitalised(distinctWord(i))}.`).join(" ");
    const { summary } = analyse(text);
    expect(summary).toHaveLength(3);
    for (const s of summary) expect(s).toMatch(/^\p{Lu}\p{Ll}+\.$/u);
  });

  it("GIVEN one line of 1 MB without punctuation THEN it is read in pieces and summarised", () => {
    const { summary } = analyse(ADVERSARIAL["one line"]?.(MB) ?? "");
    expect(summary.length).toBeGreaterThan(0);
  });

  it("GIVEN one word of 1 MB THEN nothing is found in it, and nothing breaks", () => {
    const { facts } = analyse(ADVERSARIAL["one word"]?.(MB) ?? "");
    expect(facts.filter((f) => f.kind !== "date")).toEqual([]);
  });

  it("GIVEN thousands of capitalised names with roles THEN people are kept, at most the cap", () => {
    const { facts } = analyse(ADVERSARIAL["capitalised names"]?.(160 * KB) ?? "");
    const people = facts.filter((f) => f.kind === "person");
    expect(people.length).toBeGreaterThan(10);
    expect(people[0]?.detail).toMatch(/président/);
  });

  it.each(
    Object.keys(ADVERSARIAL).filter(
      (name) => !["dates only", "one line", "one word", "capitalised names"].includes(name),
    ),
  )("GIVEN 160 KB of %s THEN facts and summary finish", (name) => {
    analyse(ADVERSARIAL[name]?.(160 * KB) ?? "");
  });

  it("GIVEN English dates, 160 KB THEN the date is found", () => {
    const { facts } = analyse(ADVERSARIAL["English dates"]?.(160 * KB) ?? "", "en");
    expect(facts.filter((f) => f.kind === "date").map((f) => f.detail)).toContain("2025-01-01");
  });

  it("GIVEN a long text THEN only its first 200,000 characters are analysed", () => {
    // A place named only after the limit is not found; the same text with it early is.
    const filler = ADVERSARIAL["one-word sentences"]?.(300 * KB) ?? "";
    const late = analyse(`${filler} La centrale est à Brest.`).facts;
    const early = analyse(`La centrale est à Brest. ${filler}`).facts;
    expect(late.map((f) => f.text)).not.toContain("Brest");
    expect(early.map((f) => f.text)).toContain("Brest");
  });
});
