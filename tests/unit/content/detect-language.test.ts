import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectLanguage, languageCode } from "../../../src/news/detect-language.js";

const SEED = readFileSync(join(import.meta.dirname, "../../../content/000_df19e6179d96e4ae.txt"), "utf8");

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

  it("WHEN it is a 600-word text THEN detection takes under 0.2 ms of CPU on average", () => {
    for (let i = 0; i < 200; i++) detectLanguage(SEED);
    const runs = 2_000;
    // CPU time, not wall time: a busy CI machine must not fail this test.
    const started = process.cpuUsage();
    for (let i = 0; i < runs; i++) {
      detectLanguage(SEED);
      detectLanguage(english);
    }
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000 / (2 * runs)).toBeLessThan(0.2);
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
