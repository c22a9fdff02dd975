import { describe, expect, it } from "vitest";
import { factsOf, texts } from "./article.js";

describe("places", () => {
  it("GIVEN countries used as actors THEN they are still places", () => {
    const facts = factsOf("Spain beat England 2-1 in the final in Berlin on Sunday.", "en", "2024-07-15");
    expect(texts(facts, "place")).toEqual(["Spain", "England", "Berlin"]);
  });

  it("GIVEN French and multi-word names THEN the gazetteer finds them", () => {
    const facts = factsOf("Le Pakistan et El Salvador ont signé à San Salvador, loin des États-Unis.", "fr");
    expect(texts(facts, "place")).toEqual(["Pakistan", "El Salvador", "San Salvador", "États-Unis"]);
  });

  it("GIVEN an unknown name after a place preposition THEN it is a place", () => {
    const facts = factsOf("Il est tombé 490 litres par mètre carré à Chiva, près de Valence.", "fr");
    expect(texts(facts, "place")).toEqual(["Chiva", "Valence"]);
  });

  it("GIVEN an unknown name followed by a known region THEN both are places", () => {
    const facts = factsOf("The company is based in the city of Kourou, French Guiana.", "en");
    expect(texts(facts, "place")).toEqual(["Kourou", "French Guiana"]);
  });

  it("GIVEN a place inside an organisation's name THEN that mention is no place", () => {
    const facts = factsOf("The Bank of England and the Pakistan Crypto Council met.", "en");
    expect(texts(facts, "place")).toEqual([]);
  });

  it("GIVEN two places joined by a hyphen THEN both are listed", () => {
    const facts = factsOf("Les lignes Paris-Marseille et Paris-Bordeaux sont concernées.", "fr");
    expect(texts(facts, "place")).toEqual(["Paris", "Marseille", "Bordeaux"]);
  });
});

describe("places in real-world constructions", () => {
  it("GIVEN a month after 'in' THEN it is no place", () => {
    const facts = factsOf("Doctors received an increase of 5.4% in May.", "en", "2025-07-26");
    expect(texts(facts, "place")).toEqual([]);
  });

  it("GIVEN a site noun with an adjective, then a known region THEN both are places", () => {
    const facts = factsOf(
      "La production de la centrale nucléaire du Bugey, dans l'Ain, pourrait baisser.",
      "fr",
    );
    expect(texts(facts, "place")).toEqual(["Bugey", "Ain"]);
  });

  it("GIVEN islands joined by 'and' THEN the whole name is one place", () => {
    const facts = factsOf("Debris fell over the Turks and Caicos Islands.", "en");
    expect(texts(facts, "place")).toEqual(["Turks and Caicos Islands"]);
  });
});
