import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FACT_KINDS } from "../../../src/domain/fact.js";
import { MAX_FACTS_PER_KIND } from "../../../src/news/facts/context.js";
import { extractFacts } from "../../../src/news/facts/extract-facts.js";
import { MAX_ANALYSED_CHARS, MAX_SENTENCE_CHARS } from "../../../src/news/sentences.js";
import { summarizeArticle } from "../../../src/news/summarize.js";
import { spent } from "../../../src/news/work-meter.js";
import { distinctWord, repeatTo } from "../../helpers/adversarial-texts.js";

/**
 * The text pipeline (summary, then key facts) on random and hostile texts: it always finishes,
 * its answers keep their shape, and its cost grows at most like n log n. Cost is counted, not
 * timed: the steps the pipeline records in src/news/work-meter.ts (characters scanned, tokens
 * visited, pairs compared), the same on every machine.
 */

/** Steps per analysed character, at most: ordinary news takes about 6, the worst text here ~50. */
const STEPS_PER_CHAR = 100;
/** What any text costs whatever its length (the title, the fixed lists). */
const FIXED_STEPS = 20_000;
/**
 * cost(2n) / cost(n) at most: n log n gives 2.13 between 50,000 and 100,000 characters, a
 * quadratic step 4.
 */
const DOUBLING_RATIO = 2.5;

function analyse(text: string, lang: string) {
  const article = {
    title: "Un titre",
    sections: [{ heading: null, text }],
    lang,
    date: "2025-07-18",
    summary: null,
  };
  const before = spent();
  const summary = summarizeArticle(article, 3);
  const facts = extractFacts(article);
  return { summary, facts, cost: spent() - before };
}

function expectShape({ summary, facts }: ReturnType<typeof analyse>): void {
  expect(summary.length).toBeLessThanOrEqual(3);
  for (const s of summary) expect(s.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
  for (const kind of FACT_KINDS)
    expect(facts.filter((f) => f.kind === kind).length).toBeLessThanOrEqual(MAX_FACTS_PER_KIND);
  for (const f of facts) expect(f.text.length).toBeGreaterThan(0);
}

/**
 * Words the rules treat with care: dates, numbers and units, names, roles, honorifics, acronyms,
 * connectors, brackets, quotes, terminators, clause marks. "#" becomes a new capitalised word each
 * time the unit is repeated, so names keep coming (the registries grow).
 */
const PIECES = [
  "le",
  "1er",
  "janvier",
  "2025",
  "mars",
  "jeudi",
  "hier",
  "il y a deux jours",
  "fin",
  "mi-2026",
  "January",
  "1,",
  "last",
  "week",
  "Euro",
  "2024",
  "1 000",
  "4,5",
  "%",
  "millions",
  "d'euros",
  "$740",
  "million",
  "MW",
  "Jean",
  "Marie",
  "Président",
  "président",
  "M.",
  "Dr",
  "ministre",
  "Banque",
  "Centrale",
  "BCE",
  "(BCE)",
  "Inc.",
  "and",
  "of",
  "de",
  "la",
  "du",
  "et",
  "tribunal",
  "national",
  "Paris",
  "à",
  "in",
  "#",
  "#",
  "#",
  "(",
  ")",
  ",",
  ";",
  ":",
  "—",
  "-",
  ".",
  "?",
  "!",
  '"',
  "«",
  "»",
  "’s",
  "A.",
  "U.S.",
  "\n",
  "   ",
  "a".repeat(60),
  "Il",
  "a",
  "signé",
  "annoncé",
];

const unit = fc
  .tuple(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 40 }), fc.constantFrom(" ", ""))
  .map(([pieces, glue]) => pieces.join(glue) + glue);
const lang = fc.constantFrom("fr", "en");

/** The unit again and again up to `size` characters, each "#" a new name. */
function repeated(u: string, size: number): string {
  let n = 0;
  return repeatTo(size, () =>
    u.replace(/#/g, () => {
      const w = distinctWord(n++);
      return `${w.charAt(0).toUpperCase()}${w.slice(1)}`;
    }),
  );
}

describe("the text pipeline: termination, shape, and cost that grows at most like n log n", () => {
  it("GIVEN a random pattern repeated to 50,000 and 100,000 characters THEN doubling the text at most about doubles the cost", () => {
    fc.assert(
      fc.property(unit, lang, (u, l) => {
        const small = analyse(repeated(u, 50_000), l);
        const large = analyse(repeated(u, 100_000), l);
        expectShape(large);
        expect(large.cost).toBeLessThanOrEqual(DOUBLING_RATIO * small.cost + FIXED_STEPS);
        expect(large.cost).toBeLessThanOrEqual(STEPS_PER_CHAR * 100_000 + FIXED_STEPS);
      }),
      { numRuns: 12, seed: 20251207 },
    );
  });

  it("GIVEN random and hostile texts up to 1 MB THEN the pipeline finishes with answers of the right shape, at a bounded cost per character read", () => {
    const size = fc.integer({ min: 0, max: 1_000_000 });
    const hostile = fc.tuple(unit, size).map(([u, s]) => repeated(u, s));
    // Random characters of every kind (astral ones, marks, controls), repeated up to the size.
    const noise = fc
      .tuple(fc.string({ unit: "binary", minLength: 1, maxLength: 2_000 }), size)
      .map(([s, n]) => repeatTo(n, () => s));
    fc.assert(
      fc.property(fc.oneof(hostile, noise), lang, (text, l) => {
        const result = analyse(text, l);
        expectShape(result);
        const read = Math.min(text.length, MAX_ANALYSED_CHARS);
        expect(result.cost).toBeLessThanOrEqual(STEPS_PER_CHAR * read + FIXED_STEPS);
      }),
      { numRuns: 16, seed: 20251208 },
    );
  });
});
