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

describe("people in real-world constructions", () => {
  it("GIVEN a portfolio between the role and the name THEN the name starts at the first name", () => {
    const facts = factsOf(
      "L'Assemblée examine le projet porté par le ministre de l'Intérieur Gérard Collomb.",
      "fr",
    );
    expect(find(facts, "person", "Gérard Collomb")?.detail).toBe("ministre de l'Intérieur");
  });

  it("GIVEN a list of names after a role THEN the previous name is not the next one's role", () => {
    const facts = factsOf(
      "Comme les ministres Édouard Philippe, Gérald Darmanin et Sébastien Lecornu, il attend.",
      "fr",
    );
    expect(texts(facts, "person")).toEqual(["Édouard Philippe", "Gérald Darmanin", "Sébastien Lecornu"]);
    expect(find(facts, "person", "Gérald Darmanin")?.detail).toBeNull();
  });

  it("GIVEN a clause after the comma THEN it is not an apposition", () => {
    const facts = factsOf(
      "Il a vu Thierry Solère, le député de Seine-et-Marne devrait être fixé sur son sort mardi.",
      "fr",
    );
    expect(find(facts, "person", "Thierry Solère")?.detail).toBeNull();
  });

  it("GIVEN a first name inside a run after an organisation THEN the person is split from it", () => {
    const facts = factsOf("Le député a répondu à son collègue de l'Assemblée Thierry Solère.", "fr");
    expect(texts(facts, "person")).toEqual(["Thierry Solère"]);
  });

  it("GIVEN a name with an unknown first name after a title THEN it stays whole", () => {
    const facts = factsOf("Chief executive Maziar Mike Doustdar took over in August.", "en");
    expect(texts(facts, "person")).toEqual(["Maziar Mike Doustdar"]);
  });

  it("GIVEN a capitalised product after an article THEN it is no person", () => {
    const facts = factsOf(
      "Developers could not steer users outside the App Store, the Commission said.",
      "en",
    );
    expect(texts(facts, "person")).toEqual([]);
  });
});
