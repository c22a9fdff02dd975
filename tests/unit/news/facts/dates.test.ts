import { describe, expect, it } from "vitest";
import { findDates, referenceDate } from "../../../../src/news/facts/dates.js";
import { lexiconFor } from "../../../../src/news/facts/lexicon.js";

// 2025-07-17 is a Thursday.
function dates(sentence: string, lang: "fr" | "en", ref = "2025-07-17"): [string, string][] {
  return findDates(sentence, lexiconFor(lang), referenceDate(ref)).map((d) => [d.text, d.detail]);
}

describe("dates", () => {
  it.each([
    ["Le ministre a signé jeudi un accord.", "fr", "jeudi", "2025-07-17"],
    ["Le ministre a signé mardi un accord.", "fr", "mardi", "2025-07-15"],
    ["Le vote aura lieu mardi au Parlement.", "fr", "mardi", "2025-07-22"],
    ["Le ministre a démissionné hier.", "fr", "hier", "2025-07-16"],
    ["The minister resigned yesterday.", "en", "yesterday", "2025-07-16"],
    ["The company said last week it would buy the firm.", "en", "last week", "2025-W28"],
    ["La réunion a eu lieu la semaine dernière.", "fr", "la semaine dernière", "2025-W28"],
    ["Le chantier doit s'achever fin 2025.", "fr", "fin 2025", "2025-12"],
    ["Les travaux reprendront début juillet.", "fr", "début juillet", "2025-07"],
    ["Le réseau sera ouvert mi-2026.", "fr", "mi-2026", "2026-06"],
    ["Les ventes ont reculé au premier trimestre.", "fr", "premier trimestre", "2025-Q1"],
    ["Les ventes reculeront au premier trimestre 2026.", "fr", "premier trimestre 2026", "2026-Q1"],
    ["Il a été nommé le 5 septembre.", "fr", "5 septembre", "2025-09-05"],
    ["The law was passed on March 17, 2024.", "en", "March 17, 2024", "2024-03-17"],
    ["Deliveries slumped in the third quarter.", "en", "third quarter", "2025-Q3"],
    ["Sales will recover by the end of 2026.", "en", "the end of 2026", "2026-12"],
    ["La baisse a commencé en juin 2024.", "fr", "juin 2024", "2024-06"],
    ["Plus tôt ce mois-ci, le FMI a exprimé des inquiétudes.", "fr", "ce mois-ci", "2025-07"],
    ["Les chiffres ont été publiés il y a deux semaines.", "fr", "il y a deux semaines", "2025-07-03"],
  ] as const)("GIVEN %j (%s) THEN %s is %s", (sentence, lang, text, iso) => {
    expect(dates(sentence, lang)).toEqual([[text, iso]]);
  });

  it("GIVEN a month without a year after 'depuis' THEN it is the last one before the article", () => {
    expect(dates("Les taux sont inchangés depuis décembre.", "fr", "2025-06-05")).toEqual([
      ["depuis décembre", "2024-12"],
    ]);
  });

  it("GIVEN a day and the sentence's year THEN the day takes that year and the year is not listed alone", () => {
    expect(dates("Le départ de l'édition 2026 sera donné le 4 juillet.", "fr", "2025-07-28")).toEqual([
      ["4 juillet", "2026-07-04"],
    ]);
  });

  it("GIVEN a year inside a name THEN it is no date", () => {
    expect(dates("Spain won the Euro 2024 final.", "en", "2024-07-15")).toEqual([]);
  });

  it("GIVEN no article date THEN relative dates are skipped and absolute ones kept", () => {
    expect(
      findDates("Hier, le 3 mars 2024, tout a changé.", lexiconFor("fr"), null).map((d) => d.detail),
    ).toEqual(["2024-03-03"]);
  });
});

describe("dates in real-world constructions", () => {
  it.each([
    ["The strike runs until 7am on Wednesday.", "en", "2025-07-26", "Wednesday", "2025-07-30"],
    ["Les températures pourraient atteindre 43 °C jeudi.", "fr", "2025-08-12", "jeudi", "2025-08-14"],
    ["Il a été élu le 29 mars dernier.", "fr", "2017-10-21", "29 mars dernier", "2017-03-29"],
    ["The next version will fly early next year.", "en", "2025-10-14", "early next year", "2026-01"],
  ] as const)("GIVEN %j (%s, %s) THEN %s is %s", (sentence, lang, ref, text, iso) => {
    expect(dates(sentence, lang, ref)).toEqual([[text, iso]]);
  });
});
