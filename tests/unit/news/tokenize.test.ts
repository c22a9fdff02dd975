import { describe, expect, it } from "vitest";
import { hasStemmer, stemmerFor } from "../../../src/news/stem.js";
import { stopwordsFor } from "../../../src/news/stopwords.js";
import { contentStems, scanWords, tokenize } from "../../../src/news/tokenize.js";

describe("tokenize", () => {
  it("GIVEN French with elisions, hyphens and accents THEN lowercased Unicode words", () => {
    expect(tokenize("L’État d'urgence à Saint-Étienne : 4,5 % en 2019 !")).toEqual([
      "l",
      "état",
      "d",
      "urgence",
      "à",
      "saint",
      "étienne",
      "4",
      "5",
      "en",
      "2019",
    ]);
  });

  it("GIVEN non-Latin scripts and astral characters THEN they are words too", () => {
    expect(tokenize("Москва 東京 𝐀b")).toEqual(["москва", "東京", "𝐀b"]);
  });

  it("GIVEN a text THEN scanWords reports the same spans as the Unicode regex", () => {
    const text = "Ça coûte 3€ — «vraiment» ? Ελλάδα, naïve façon, œuvre²";
    const spans: string[] = [];
    scanWords(text, (a, b) => spans.push(text.slice(a, b)));
    expect(spans).toEqual([...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0]));
  });
});

describe("stemming and stopwords", () => {
  it("GIVEN French inflections THEN Snowball conflates them", () => {
    const stem = stemmerFor("fr");
    expect(stem("présidents")).toBe(stem("président"));
    expect(stem("manifestations")).toBe(stem("manifestation"));
    expect(stem("américaines")).toBe(stem("américain"));
  });

  it("GIVEN English inflections THEN Snowball conflates them", () => {
    const stem = stemmerFor("en");
    expect(stem("running")).toBe("run");
    expect(stem("elections")).toBe(stem("election"));
  });

  it("GIVEN a language Snowball lacks THEN words are left as they are", () => {
    expect(hasStemmer("ja")).toBe(false);
    expect(hasStemmer("de")).toBe(true);
    expect(stemmerFor("ja")("テキスト")).toBe("テキスト");
  });

  it("GIVEN news words THEN the curated lists keep them while dropping function words", () => {
    const fr = stopwordsFor("fr");
    const en = stopwordsFor("en");
    expect(fr.has("le")).toBe(true);
    expect(fr.has("état")).toBe(false);
    expect(en.has("the")).toBe(true);
    expect(en.has("million")).toBe(false);
    expect(en.has("microsoft")).toBe(false);
    expect(stopwordsFor("de").has("und")).toBe(true);
    expect(stopwordsFor("xx").size).toBe(0);
  });

  it("GIVEN a sentence THEN contentStems drops stopwords and one-letter words", () => {
    expect(contentStems("Les présidents ont déclaré l'état d'urgence en 2019.", "fr")).toEqual([
      "président",
      "déclar",
      "état",
      "urgenc",
      "2019",
    ]);
    expect(contentStems("The presidents were running to the stations", "en")).toEqual([
      "presid",
      "run",
      "station",
    ]);
  });
});
