import { describe, expect, it } from "vitest";
import { factsOf, find, ofKind, texts } from "./article.js";

describe("organisations", () => {
  it("GIVEN an expansion with its acronym in brackets THEN one organisation carries both", () => {
    const facts = factsOf(
      "Le Fonds monétaire international (FMI) a publié ses prévisions. Le FMI table sur 3 % de croissance.",
      "fr",
    );
    expect(ofKind(facts, "organization").map((f) => [f.text, f.detail])).toEqual([
      ["Fonds monétaire international", "FMI"],
    ]);
  });

  it("GIVEN the expansion, then the acronym alone THEN they are linked by the initials", () => {
    const facts = factsOf(
      "Il a ignoré les critiques du Fonds monétaire international. Plus tard, le FMI a exprimé des inquiétudes.",
      "fr",
    );
    expect(ofKind(facts, "organization").map((f) => [f.text, f.detail])).toEqual([
      ["Fonds monétaire international", "FMI"],
    ]);
  });

  it("GIVEN a known acronym alone THEN its expansion comes from the lexicon", () => {
    const facts = factsOf("Le FMI a exprimé des inquiétudes.", "fr");
    expect(find(facts, "organization", "FMI")?.detail).toBe("Fonds monétaire international");
  });

  it("GIVEN an expansion whose lower-case words count in the acronym THEN the whole name is found", () => {
    const facts = factsOf(
      "Selon l'Institut national de la statistique et des études économiques (Insee), les prix ont baissé.",
      "fr",
    );
    expect(
      find(facts, "organization", "Institut national de la statistique et des études économiques")?.detail,
    ).toBe("Insee");
  });

  it("GIVEN organisation markers THEN English and French names are found whole", () => {
    const facts = factsOf(
      "Le Pakistan Crypto Council a signé avec la Banque centrale européenne et la Cour des comptes.",
      "fr",
    );
    expect(texts(facts, "organization")).toEqual([
      "Pakistan Crypto Council",
      "Banque centrale européenne",
      "Cour des comptes",
    ]);
  });

  it("GIVEN a cue noun before an unknown name THEN it is an organisation, and so are its later mentions", () => {
    const facts = factsOf(
      "Ofcom fined broadband provider Fibrelink £4.5m. Fibrelink apologised on Tuesday.",
      "en",
    );
    expect(texts(facts, "organization")).toEqual(["Ofcom", "Fibrelink"]);
  });

  it("GIVEN a short name then the full one learned from the text THEN they are one organisation", () => {
    const facts = factsOf(
      "Oracle agreed to buy Northwind Security, a cloud security company. Northwind employs 1,150 people.",
      "en",
    );
    expect(texts(facts, "organization")).toEqual(["Oracle", "Northwind Security"]);
  });

  it("GIVEN an acronym that is a unit or a role THEN it is no organisation", () => {
    const facts = factsOf("Le PDG a réservé 2 000 MW pour l'IA et 300 BTC.", "fr");
    expect(ofKind(facts, "organization")).toEqual([]);
  });
});

describe("organisations in real-world constructions", () => {
  it("GIVEN a kicker or shouting in capitals THEN it is no organisation", () => {
    const facts = factsOf("VIDÉO. Le ministre a répondu : « JE NE VAIS PAS démissionner ».", "fr");
    expect(ofKind(facts, "organization")).toEqual([]);
  });

  it("GIVEN a law with its acronym THEN it is no organisation", () => {
    const facts = factsOf("The fines are the first under the Digital Markets Act (DMA), the EU law.", "en");
    expect(texts(facts, "organization")).toEqual(["EU"]);
  });

  it("GIVEN a demonym that starts an organisation's name THEN it stays in the name", () => {
    const facts = factsOf("The European Commission fined Apple on Wednesday.", "en");
    expect(texts(facts, "organization")).toEqual(["European Commission", "Apple"]);
  });

  it("GIVEN a party with and without its article THEN it is one organisation", () => {
    const facts = factsOf("Les Républicains se réunissent. La direction des Républicains a tranché.", "fr");
    expect(texts(facts, "organization")).toEqual(["Les Républicains"]);
  });

  it("GIVEN a channel with a plus or a number THEN the whole name is kept, not a place", () => {
    const facts = factsOf("La finale a été suivie sur Canal+ et France 2.", "fr");
    expect(texts(facts, "organization")).toEqual(["Canal+", "France 2"]);
    expect(texts(facts, "place")).toEqual([]);
  });
});
