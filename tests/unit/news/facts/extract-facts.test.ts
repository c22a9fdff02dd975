import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { factsFor, loadLabelledSet } from "../../../../bench/facts-quality.js";
import { parseArticleBytes } from "../../../../src/content/read-article-file.js";
import { FACT_KINDS } from "../../../../src/domain/fact.js";
import { extractFacts } from "../../../../src/news/facts/extract-facts.js";
import { factsOf, find, ofKind } from "./article.js";

const SEED = "000_df19e6179d96e4ae.txt";

function seedFacts() {
  const outcome = parseArticleBytes(SEED, readFileSync(join(process.cwd(), "content", SEED)));
  if (!outcome.ok) throw new Error(outcome.reason);
  return extractFacts(outcome.article);
}

describe("extractFacts on the seed article", () => {
  const facts = seedFacts();

  it("GIVEN the seed article THEN Bilal Bin Saqib comes with both of his roles", () => {
    const bilal = find(facts, "person", "Bilal Bin Saqib");
    expect(bilal?.detail).toContain("PDG du Pakistan Crypto Council");
    expect(bilal?.detail).toContain("assistant spécial du Premier ministre");
  });

  it("GIVEN the seed article THEN Nayib Bukele is the president of El Salvador, once", () => {
    expect(find(facts, "person", "Nayib Bukele")?.detail).toContain("président d'El Salvador");
    expect(ofKind(facts, "person").filter((f) => f.text.includes("Bukele"))).toHaveLength(1);
  });

  it("GIVEN the seed article THEN Michael Saylor and San Salvador are listed", () => {
    expect(find(facts, "person", "Michael Saylor")).toBeDefined();
    expect(find(facts, "place", "San Salvador")).toBeDefined();
  });

  it("GIVEN the seed article THEN the event is the letter of intent between the two bodies", () => {
    const events = ofKind(facts, "event");
    expect(events).toHaveLength(1);
    expect(events[0]?.text).toContain("Lettre d'intention");
    expect(events[0]?.text).toContain("Bureau du Bitcoin d'El Salvador");
    expect(events[0]?.text).toContain("Pakistan Crypto Council");
  });

  it("GIVEN the seed article THEN the FMI is linked to the Fonds monétaire international", () => {
    const fmi = ofKind(facts, "organization").filter((f) => f.text === "FMI" || f.detail === "FMI");
    expect(fmi).toHaveLength(1);
    expect([fmi[0]?.text, fmi[0]?.detail]).toContain("Fonds monétaire international");
  });

  it("GIVEN the seed article THEN 2 000 mégawatts and the article's date are facts", () => {
    expect(find(facts, "quantity", "2 000 mégawatts")?.detail).toBe("2000 MW");
    expect(ofKind(facts, "date").map((f) => f.detail)).toContain("2025-07-17");
  });
});

describe("extractFacts, whatever the article", () => {
  const labelled = loadLabelledSet();

  it("GIVEN the seed and the labelled set THEN every fact's sentence contains its text", () => {
    const all = [...seedFacts(), ...labelled.flatMap((a) => factsFor(a))];
    expect(all.length).toBeGreaterThan(300);
    for (const f of all) expect(f.sentence, `${f.kind} ${f.text}`).toContain(f.text);
  });

  it("GIVEN any article THEN facts are ordered by kind, then by first appearance", () => {
    for (const a of labelled) {
      const kinds = factsFor(a).map((f) => FACT_KINDS.indexOf(f.kind));
      expect(kinds).toEqual([...kinds].sort((x, y) => x - y));
    }
  });

  it("GIVEN an entity named several times THEN it is listed once", () => {
    for (const a of labelled) {
      const keys = factsFor(a).map(
        (f) =>
          `${f.kind}:${f.text.toLowerCase()}:${f.kind === "date" || f.kind === "quantity" ? f.detail : ""}`,
      );
      expect(new Set(keys).size, a.id).toBe(keys.length);
    }
  });

  it("GIVEN an empty article without a date THEN there is no fact", () => {
    expect(extractFacts({ title: "", lang: "fr", date: null, sections: [] })).toEqual([]);
  });

  it("GIVEN a date-less text THEN the publication date is a fact of its own", () => {
    const facts = factsOf("Le Pakistan a présenté son plan.", "fr", "2025-07-17");
    expect(ofKind(facts, "date")).toEqual([
      { kind: "date", text: "17 juillet 2025", detail: "2025-07-17", sentence: "Publié le 17 juillet 2025." },
    ]);
  });

  it("GIVEN a text that dates the news on the publication day THEN the date is not listed twice", () => {
    const facts = factsOf("Le Pakistan a présenté jeudi son plan.", "fr", "2025-07-17");
    expect(ofKind(facts, "date").map((f) => [f.text, f.detail])).toEqual([["jeudi", "2025-07-17"]]);
  });
});

describe("extractFacts on titles", () => {
  it("GIVEN an English headline in Title Case THEN only known names are taken from it", () => {
    const facts = factsOf(
      "The two countries met on Monday.",
      "en",
      "2025-07-17",
      "Pakistan And El Salvador Discuss Bitcoin Strategy",
    );
    expect(ofKind(facts, "person")).toEqual([]);
    expect(ofKind(facts, "place").map((f) => [f.text, f.sentence])).toEqual([
      ["Pakistan", "Pakistan And El Salvador Discuss Bitcoin Strategy"],
      ["El Salvador", "Pakistan And El Salvador Discuss Bitcoin Strategy"],
    ]);
  });
});
