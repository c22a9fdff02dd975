import { describe, expect, it } from "vitest";
import { factsOf, find, texts } from "./article.js";

describe("people", () => {
  it("GIVEN a name followed by an apposition THEN the apposition is the person's role", () => {
    const facts = factsOf(
      "Bilal Bin Saqib, PDG du Pakistan Crypto Council, a rencontré des investisseurs à Karachi.",
      "fr",
    );
    expect(find(facts, "person", "Bilal Bin Saqib")?.detail).toBe("PDG du Pakistan Crypto Council");
  });

  it("GIVEN an English title before the name THEN the title is the role", () => {
    const facts = factsOf("President Nayib Bukele met investors in San Salvador on Monday.", "en");
    expect(find(facts, "person", "Nayib Bukele")?.detail).toBe("President");
  });

  it("GIVEN a French title before the name THEN the title and its adjective are the role", () => {
    const facts = factsOf("Le président américain Donald Trump a salué la décision.", "fr");
    expect(find(facts, "person", "Donald Trump")?.detail).toBe("président américain");
  });

  it("GIVEN a role with its organisation before the title THEN the role keeps it", () => {
    const facts = factsOf("Los Angeles Mayor Karen Bass cut short a trip to Ghana.", "en");
    expect(find(facts, "person", "Karen Bass")?.detail).toBe("Los Angeles Mayor");
    expect(texts(facts, "place")).toEqual(expect.arrayContaining(["Los Angeles", "Ghana"]));
  });

  it("GIVEN a role phrase, a comma, then the name THEN the phrase is the role", () => {
    const facts = factsOf("Il a rencontré le président d'El Salvador, Nayib Bukele, à San Salvador.", "fr");
    expect(find(facts, "person", "Nayib Bukele")?.detail).toBe("président d'El Salvador");
  });

  it("GIVEN a surname alone after the full name THEN it is the same person, with the richer role kept", () => {
    const facts = factsOf(
      "Nayib Bukele a reçu la délégation. La réunion avec le président Bukele a duré deux heures. Bukele a ensuite parlé.",
      "fr",
    );
    expect(texts(facts, "person")).toEqual(["Nayib Bukele"]);
    expect(find(facts, "person", "Nayib Bukele")?.detail).toBe("président");
  });

  it("GIVEN a surname with a title before the full name THEN both mentions make one person", () => {
    const facts = factsOf(
      "Le président Bukele est arrivé. Nayib Bukele, président d'El Salvador, a parlé.",
      "fr",
    );
    expect(texts(facts, "person")).toEqual(["Nayib Bukele"]);
    expect(find(facts, "person", "Nayib Bukele")?.detail).toBe("président d'El Salvador");
  });

  it("GIVEN an honorific THEN the name behind it is a person", () => {
    const facts = factsOf("M. Dupont a refusé de commenter.", "fr");
    expect(texts(facts, "person")).toEqual(["Dupont"]);
  });

  it("GIVEN a sentence-initial adverb or demonym THEN it is not part of a name", () => {
    const facts = factsOf(
      "Cependant, le Pakistan maintient son plan. Le Norvégien Joachim Trier a été récompensé.",
      "fr",
    );
    expect(texts(facts, "person")).toEqual(["Joachim Trier"]);
    expect(texts(facts, "place")).toEqual(["Pakistan"]);
  });

  it("GIVEN names with particles THEN the particles stay in the name", () => {
    const facts = factsOf("Spain coach Luis de la Fuente praised Marine Le Pen's rival.", "en");
    expect(find(facts, "person", "Luis de la Fuente")?.detail).toBe("Spain coach");
  });
});
