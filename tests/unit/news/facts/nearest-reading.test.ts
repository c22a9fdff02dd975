import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { factsFor, loadLabelledSet } from "../../../../bench/facts-quality.js";
import { parseArticleBytes } from "../../../../src/content/read-article-file.js";
import type { Fact } from "../../../../src/domain/fact.js";
import { findDates, referenceDate } from "../../../../src/news/facts/dates.js";
import { extractFacts } from "../../../../src/news/facts/extract-facts.js";
import { lexiconFor } from "../../../../src/news/facts/lexicon.js";
import { REAL_CONTENT } from "../../../helpers/seed.js";
import { factsOf, texts } from "./article.js";

const dates = (sentence: string, lang: "fr" | "en", ref: string) =>
  findDates(sentence, lexiconFor(lang), referenceDate(ref)).map((d) => [d.text, d.detail]);

function contentFacts(file: string): Fact[] {
  const outcome = parseArticleBytes(file, readFileSync(join(REAL_CONTENT, file)));
  if (!outcome.ok) throw new Error(outcome.reason);
  return extractFacts(outcome.article);
}

describe("a month without a year: the nearest reading", () => {
  it.each([
    // Six months either way is a tie: the past one, news tells what happened.
    ["Volatility stood at 38%, against 55% in January.", "en", "2025-07-18", "in January", "2025-01"],
    ["La volatilité était de 55 % en janvier.", "fr", "2025-07-18", "en janvier", "2025-01"],
    // Nearer ahead than behind.
    ["The vote takes place in December.", "en", "2025-07-18", "in December", "2025-12"],
    ["Sales fell in March.", "en", "2025-07-18", "in March", "2025-03"],
    // A clause that speaks of the future asks for the next one.
    ["The new rules will apply in January.", "en", "2025-07-18", "in January", "2026-01"],
  ] as const)("GIVEN %j (%s, article of %s) THEN %s is %s", (sentence, lang, ref, text, iso) => {
    expect(dates(sentence, lang, ref)).toEqual([[text, iso]]);
  });
});

describe("a weekday named twice", () => {
  it("GIVEN 'Thursday' then 'Thursday's' in a future clause THEN both are the same Thursday, listed once", () => {
    const facts = factsOf(
      "The funds took in $740 million on Thursday.\n\nA sharp move could turn Thursday's inflows into outflows within days.",
      "en",
      "2025-07-18",
    );
    const thursdays = facts.filter((f) => f.kind === "date" && f.text === "Thursday");
    expect(thursdays.map((f) => f.detail)).toEqual(["2025-07-17"]);
  });
});

describe("organisations are never people", () => {
  const facts = contentFacts("2025-07-18-bitcoin-funds-record-inflows.txt");

  it("GIVEN Harbor Lane Research and Harbor Lane THEN one organisation, no person", () => {
    expect(texts(facts, "person")).toEqual(["Priya Nandakumar"]);
    expect(facts.filter((f) => f.kind === "organization")).toEqual([
      expect.objectContaining({ text: "Harbor Lane Research", detail: "Harbor Lane" }),
    ]);
  });

  it("GIVEN the article of 18 July THEN its Thursday is the 17th and its January the one before", () => {
    const when = (text: string) =>
      facts.filter((f) => f.kind === "date" && f.text === text).map((f) => f.detail);
    expect(when("Thursday")).toEqual(["2025-07-17"]);
    expect(when("in January")).toEqual(["2025-01"]);
  });
});

/** Days from the article's date to a resolved day ("2025-07-17"), or null for other details. */
function daysFrom(article: string, detail: string | null): number | null {
  if (detail === null || !/^\d{4}-\d{2}-\d{2}$/.test(detail)) return null;
  return (Date.parse(detail) - Date.parse(article.slice(0, 10))) / 86_400_000;
}

const MONTH_NAME =
  /janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|January|February|March|April|May|June|July|August|September|October|November|December/i;

const RELATIVE_DAY =
  /^(?:(?:last|next|this)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|yesterday|tomorrow|hier|demain|avant-hier|après-demain)(?:\s+(?:dernier|prochain))?$/i;

describe("relative dates of the seed and the labelled set", () => {
  const articles = [
    ...loadLabelledSet().map((a) => ({ id: a.id, date: a.date, facts: factsFor(a) })),
    { id: "seed", date: "2025-07-17", facts: contentFacts("000_df19e6179d96e4ae.txt") },
  ];

  it("GIVEN a weekday, yesterday or tomorrow THEN it resolves to a day within the article's week", () => {
    let seen = 0;
    for (const a of articles) {
      for (const f of a.facts) {
        if (f.kind !== "date" || !RELATIVE_DAY.test(f.text.trim())) continue;
        const days = daysFrom(a.date, f.detail);
        if (days === null) continue;
        seen++;
        expect(Math.abs(days), `${a.id}: ${f.text} -> ${f.detail}`).toBeLessThanOrEqual(7);
      }
    }
    expect(seen).toBeGreaterThan(20);
  });

  it("GIVEN a month named without a year THEN it is within six months of the article", () => {
    let seen = 0;
    for (const a of articles) {
      for (const f of a.facts) {
        const named = MONTH_NAME.test(f.text) && !/\d{4}|année|year/i.test(f.text);
        if (f.kind !== "date" || !/^\d{4}-\d{2}$/.test(f.detail ?? "") || !named) continue;
        seen++;
        const [y, m] = (f.detail ?? "").split("-").map(Number);
        const [ay, am] = a.date.split("-").map(Number);
        const months = ((y ?? 0) - (ay ?? 0)) * 12 + ((m ?? 0) - (am ?? 0));
        expect(Math.abs(months), `${a.id}: ${f.text} -> ${f.detail}`).toBeLessThanOrEqual(6);
      }
    }
    expect(seen).toBeGreaterThan(10);
  });
});
