import { describe, expect, it } from "vitest";
import { factsOf, ofKind } from "./article.js";

describe("main event", () => {
  it("GIVEN a lead with an event verb THEN its main clause is the event, without what follows the comma", () => {
    const facts = factsOf(
      "Le groupe EDF a annoncé jeudi la commande de deux réacteurs pour la centrale de Gravelines, dans le Nord. Le chantier coûtera 15,8 milliards d'euros.",
      "fr",
      "2025-03-14",
      "EDF commande deux réacteurs",
    );
    expect(ofKind(facts, "event").map((f) => [f.text, f.detail])).toEqual([
      [
        "Le groupe EDF a annoncé jeudi la commande de deux réacteurs pour la centrale de Gravelines",
        "announcement",
      ],
    ]);
  });

  it("GIVEN a leading adverbial THEN it is dropped from the event", () => {
    const facts = factsOf(
      "Les deux délégations se sont vues à Islamabad. Lors de la réunion, une Lettre d'intention a été signée entre les deux pays.",
      "fr",
      "2025-07-17",
      "Une lettre d'intention signée",
    );
    expect(ofKind(facts, "event").map((f) => [f.text, f.detail])).toEqual([
      ["une Lettre d'intention a été signée entre les deux pays", "signing"],
    ]);
  });

  it("GIVEN a short place after the verb THEN the event goes on to the verb's complement", () => {
    const facts = factsOf(
      "Nearly 200 countries agreed early on Sunday in Baku, Azerbaijan, on a deal to provide $300 billion a year.",
      "en",
      "2024-11-24",
    );
    expect(ofKind(facts, "event")[0]?.text).toContain("on a deal to provide $300 billion a year");
  });

  it("GIVEN an article THEN there is exactly one event, taken from a body sentence", () => {
    const facts = factsOf(
      "Oracle said on Monday it had agreed to buy Northwind Security.",
      "en",
      "2025-06-03",
      "Oracle buys Northwind",
    );
    const events = ofKind(facts, "event");
    expect(events).toHaveLength(1);
    expect(events[0]?.sentence).toBe("Oracle said on Monday it had agreed to buy Northwind Security.");
  });

  it.each([
    ["en", "The startup raised 85,000 euros from business angels on Tuesday in a seed round.", "Seed round"],
    [
      "en",
      "Nordvolt won the auction for the offshore wind zone on Monday with a bid of 48 euros.",
      "Offshore auction",
    ],
    [
      "en",
      "The index closed 2% higher on Friday after the central bank kept its rates unchanged.",
      "Markets",
    ],
    [
      "fr",
      "La start-up a levé 85 000 euros auprès de business angels mardi lors d'un premier tour.",
      "Levée de fonds",
    ],
    [
      "fr",
      "Le consortium a remporté mardi l'appel d'offres pour le parc éolien en mer de Dunkerque.",
      "Appel d'offres",
    ],
  ])(
    "GIVEN a verb whose kind the words cannot tell (%s: %s) THEN the event is found, with no label",
    (lang, text, title) => {
      const [event] = ofKind(factsOf(text, lang as "en" | "fr", "2025-07-18", title), "event");
      expect(event?.text.length).toBeGreaterThan(20);
      expect(event?.detail).toBeNull();
    },
  );
});
