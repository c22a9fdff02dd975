import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectLanguage, languageCode } from "../../../src/content/detect-language.js";
import { SEED_FILE } from "../../helpers/seed.js";

const SEED = readFileSync(SEED_FILE, "utf8");

describe("GIVEN a short French text", () => {
  it.each([
    "Le prix du bitcoin a augmenté.",
    "Il pleut.",
    "Pourquoi maintenant ?",
    "Qu'en pensent les analystes ?",
    "Le réseau électrique",
    "La BCE maintient ses taux",
    "Hausse du bitcoin",
    "Selon l'opérateur, la demande a augmenté de 4,5 % en juillet.",
    "Les mineurs cherchent une électricité moins chère. Ils s'installent près des barrages.",
  ])("WHEN it is %j THEN it is fr", (text) => {
    expect(detectLanguage(text)).toBe("fr");
  });
});

describe("GIVEN a short English text", () => {
  it.each([
    "The SEC approves a new fund.",
    "It rains.",
    "Why now?",
    "What do analysts think?",
    "The power grid",
    "Miners are looking for cheaper power.",
    "According to the operator, demand rose 4.5% in July.",
    "Bitcoin miners moved north. They want cheap hydro power and cold air.",
  ])("WHEN it is %j THEN it is en", (text) => {
    expect(detectLanguage(text, "fr")).toBe("en");
  });
});

describe("GIVEN a long text", () => {
  const english = Array.from(
    { length: 60 },
    (_, i) =>
      `Sentence ${i} says that the operator expects demand to rise again this winter, while prices stay high for households.`,
  ).join(" ");

  it("WHEN it is the seed article THEN it is fr", () => {
    expect(detectLanguage(SEED)).toBe("fr");
  });

  it("WHEN it is a 600-word English text THEN it is en", () => {
    expect(detectLanguage(english, "fr")).toBe("en");
  });

  // Only a bounded prefix is read, so a long article costs no more than its first 2,000 characters.
  const fill = (text: string, length: number) =>
    text.repeat(Math.ceil(length / text.length)).slice(0, length);
  const englishTail = fill(`${english} `, 100_000);

  it("WHEN its first 2,000 characters are French and the rest English THEN it is fr", () => {
    const french = fill(`${SEED} `, 2_000);
    expect(detectLanguage(french + englishTail)).toBe("fr");
  });

  it("WHEN its first 2,000 characters are French too sparse to decide early, and the rest English THEN it is fr", () => {
    // Headline-style French with few function words: no early verdict, so only the bound on what
    // is read keeps the 100,000 English characters after it from deciding.
    const headlines = fill(
      "Électricité : consommation hivernale record, production hydraulique insuffisante, importations nécessaires, tarifs réglementés inchangés, réseau sous tension. ",
      2_000,
    );
    expect(detectLanguage(headlines)).toBe("fr");
    expect(detectLanguage(headlines + englishTail)).toBe("fr");
    expect(detectLanguage(englishTail)).toBe("en");
  });
});

describe("GIVEN other languages", () => {
  it.each([
    ["es", "El banco central anunció hoy una subida de los tipos de interés para frenar la inflación."],
    ["de", "Die Bundesregierung hat am Dienstag neue Regeln für den Strommarkt beschlossen."],
    ["it", "Il governo italiano ha approvato oggi un nuovo decreto sull'energia per le famiglie."],
    ["nl", "De regering heeft vandaag een nieuw plan voor de energiemarkt gepresenteerd."],
    ["ru", "Правительство объявило сегодня новый план по развитию энергетики в стране."],
  ])("WHEN the text is %s THEN its ISO 639-1 code is returned", (lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});

describe("GIVEN text with no clue", () => {
  it.each(["", "Bitcoin", "BTC, ETF, MiCA, SEC", "2025 — 4,5 %"])(
    "WHEN it is %j THEN the fallback is returned",
    (text) => {
      expect(detectLanguage(text, "fr")).toBe("fr");
      expect(detectLanguage(text)).toBe("en");
    },
  );
});

describe("GIVEN a declared language", () => {
  it.each([
    ["FR", "fr"],
    ["fr-FR", "fr"],
    ["en_GB", "en"],
    [" Français ", "fr"],
    ["English", "en"],
    ["XX", null],
    ["klingon", null],
    ["", null],
  ])("WHEN it is %j THEN its ISO 639-1 code is %s", (text, code) => {
    expect(languageCode(text)).toBe(code);
  });
});
