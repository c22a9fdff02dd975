import { describe, expect, it } from "vitest";
import { lexiconFor } from "../../../../src/news/facts/lexicon.js";
import { findQuantities, scaleDecimal } from "../../../../src/news/facts/quantities.js";

function details(sentence: string, lang: "fr" | "en"): string[] {
  return findQuantities(sentence, lexiconFor(lang).lang, [], { crown: null }).map((q) => q.detail);
}

describe("quantities", () => {
  it.each([
    ["en réservant 2 000 mégawatts d'électricité", "fr", "2000 MW"],
    ["en réservant 2\u00a0000 mégawatts d'électricité", "fr", "2000 MW"],
    ["en réservant 2\u202f000 mégawatts d'électricité", "fr", "2000 MW"],
    ["it bought 6,240 BTC last week", "en", "6240 BTC"],
    ["une inflation de 4,5 % sur un an", "fr", "4.5 %"],
    ["une croissance de 3.5 % sur un an", "fr", "3.5 %"],
    ["growth of 3.5% a year", "en", "3.5 %"],
    ["a deal worth $740 million in cash", "en", "740000000 USD"],
    ["un projet de 7 milliards de dollars", "fr", "7000000000 USD"],
    ["a €1.2bn contract", "en", "1200000000 EUR"],
    ["estimé à 15,8 milliards d'euros", "fr", "15800000000 EUR"],
    ["Northwind's 1,150 employees", "en", "1150 employees"],
    ["la création de 8 000 emplois", "fr", "8000 emplois"],
    ["fined £4.5m for outages", "en", "4500000 GBP"],
    ["a 27-km toll expressway", "en", "27 km"],
    ["une baisse de 25 points de base", "fr", "25 bp"],
    ["a magnitude 7.7 earthquake", "en", "7.7 magnitude"],
    ["plus d'un million de personnes", "fr", "1000000 personnes"],
    ["a billion dollars in aid", "en", "1000000000 USD"],
  ] as const)("GIVEN %j (%s) THEN the quantity is %s", (sentence, lang, detail) => {
    expect(details(sentence, lang)).toEqual([detail]);
  });

  it("GIVEN a range with one unit THEN both ends take it", () => {
    expect(details("Cars pay between 120 and 360 shillings", "en")).toEqual(["120 KES", "360 KES"]);
  });

  it("GIVEN a negative change in brackets THEN the sign is kept", () => {
    expect(details("les appartements (-4,6 %)", "fr")).toEqual(["-4.6 %"]);
  });

  it.each([
    ["depuis 2019, le marché recule", "fr"],
    ["in the Euro 2024 final", "en"],
    ["on an Ariane 6 rocket", "en"],
    ["condamné à 18 mois avec sursis", "fr"],
    ["le recours au 49.3 sur le budget", "fr"],
    ["a 30-year concession", "en"],
    ["in the 73rd minute", "en"],
  ] as const)("GIVEN %j (%s) THEN there is no quantity", (sentence, lang) => {
    expect(details(sentence, lang)).toEqual([]);
  });

  it("GIVEN a scale THEN the value is shifted as a decimal, never as a float", () => {
    expect(scaleDecimal("15", "8", 9)).toBe("15800000000");
    expect(scaleDecimal("0", "1", 1)).toBe("1");
    expect(scaleDecimal("4", "5", 0)).toBe("4.5");
    expect(scaleDecimal("1", "25", 9)).toBe("1250000000");
  });
});

describe("quantities in real-world constructions", () => {
  it("GIVEN a score THEN it is no quantity", () => {
    expect(details("face à Bordeaux (39-33 après prolongation)", "fr")).toEqual([]);
  });

  it.each([
    ["a 5-kilogram bag of rice", "en", "5 kg"],
    ["the 123-metre vehicle", "en", "123 m"],
    ["50 centimètres d'eau", "fr", "50 cm"],
  ] as const)("GIVEN %j (%s) THEN the unit in the singular is normalised: %s", (sentence, lang, detail) => {
    expect(details(sentence, lang)).toEqual([detail]);
  });
});
