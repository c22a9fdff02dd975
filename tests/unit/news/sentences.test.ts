import { describe, expect, it } from "vitest";
import { splitParagraphs, splitSentences } from "../../../src/news/sentences.js";

describe("splitParagraphs", () => {
  it("GIVEN blank lines and single line breaks THEN each non-empty line is a paragraph", () => {
    expect(splitParagraphs("Un.\n\nDeux.\nTrois.\r\n\r\n  \nQuatre.")).toEqual([
      "Un.",
      "Deux.",
      "Trois.",
      "Quatre.",
    ]);
  });
});

describe("splitSentences: French", () => {
  it("GIVEN titles M., Mme, MM., Dr., Pr. THEN no break after them", () => {
    expect(
      splitSentences(
        "M. Dupont et Mme Martin sont arrivés. MM. Durand et Leroy aussi. Le Dr. House a vu le Pr. Raoult.",
        "fr",
      ),
    ).toEqual([
      "M. Dupont et Mme Martin sont arrivés.",
      "MM. Durand et Leroy aussi.",
      "Le Dr. House a vu le Pr. Raoult.",
    ]);
  });

  it("GIVEN month abbreviations and av. J.-C. THEN they stay inside the sentence", () => {
    expect(
      splitSentences(
        "Le 5 janv. 2020 et le 3 févr. 2021, on a vu. Né en 52 av. J.-C. Les Romains sont venus.",
        "fr",
      ),
    ).toEqual([
      "Le 5 janv. 2020 et le 3 févr. 2021, on a vu.",
      "Né en 52 av. J.-C.",
      "Les Romains sont venus.",
    ]);
  });

  it("GIVEN decimals, thousands and domains THEN no break inside numbers or names", () => {
    expect(
      splitSentences(
        "Il y a 3.5 millions, soit 4,5 % et 1.234.567 euros. Voir example.com et Node.js ici.",
        "fr",
      ),
    ).toEqual(["Il y a 3.5 millions, soit 4,5 % et 1.234.567 euros.", "Voir example.com et Node.js ici."]);
  });

  it("GIVEN a sentence ending inside « » THEN the closing quote stays with it", () => {
    expect(
      splitSentences("Il a dit « non. » Puis il est parti. Il a dit « non. » puis il a ri.", "fr"),
    ).toEqual(["Il a dit « non. »", "Puis il est parti.", "Il a dit « non. » puis il a ri."]);
  });

  it("GIVEN glued sentences THEN they are split", () => {
    expect(
      splitSentences(
        "Plusieurs médias américains.Au lendemain de Noël, des inquiétudes.Accord trouvé.",
        "fr",
      ),
    ).toEqual(["Plusieurs médias américains.", "Au lendemain de Noël, des inquiétudes.", "Accord trouvé."]);
  });

  it("GIVEN ellipses, (...) and French spacing before ? and ! THEN breaks are right", () => {
    expect(
      splitSentences(
        "Cette séquence (...) normalise tout. Vraiment ? Oui ! Il hésite... puis part... Rien.",
        "fr",
      ),
    ).toEqual([
      "Cette séquence (...) normalise tout.",
      "Vraiment ?",
      "Oui !",
      "Il hésite... puis part...",
      "Rien.",
    ]);
  });

  it("GIVEN p. ex. THEN no break", () => {
    expect(splitSentences("Voir p. 12, p. ex. Le Monde. Fin.", "fr")).toEqual([
      "Voir p. 12, p. ex. Le Monde.",
      "Fin.",
    ]);
  });

  it("GIVEN two paragraphs without final period THEN no sentence spans the break", () => {
    expect(splitSentences("Premier paragraphe sans point\n\nSecond. Troisième", "fr")).toEqual([
      "Premier paragraphe sans point",
      "Second.",
      "Troisième",
    ]);
  });
});

describe("splitSentences: English", () => {
  it("GIVEN U.S., U.K., e.g., i.e., etc. and Mr. THEN breaks only at real ends", () => {
    expect(
      splitSentences(
        "The U.S. and the U.K. agreed, e.g. on trade, i.e. tariffs. The deal is done. Mr. Smith agreed.",
        "en",
      ),
    ).toEqual([
      "The U.S. and the U.K. agreed, e.g. on trade, i.e. tariffs.",
      "The deal is done.",
      "Mr. Smith agreed.",
    ]);
  });

  it("GIVEN initials and company suffixes THEN they survive, yet a suffix can end a sentence", () => {
    expect(
      splitSentences(
        "J. K. Rowling wrote it. Apple Inc. announced a phone. He works at Acme Corp. The firm grew. King Jr. was there.",
        "en",
      ),
    ).toEqual([
      "J. K. Rowling wrote it.",
      "Apple Inc. announced a phone.",
      "He works at Acme Corp.",
      "The firm grew.",
      "King Jr. was there.",
    ]);
  });

  it("GIVEN straight and curly quotes THEN the closing quote stays with its sentence", () => {
    expect(
      splitSentences('He said "no." Then he left. She asked: “Why?” He smiled. "Fine," she said.', "en"),
    ).toEqual(['He said "no."', "Then he left.", "She asked: “Why?”", "He smiled.", '"Fine," she said.']);
  });

  it("GIVEN No., vs., Mrs., Ms., Ltd. and an email THEN no false breaks", () => {
    expect(
      splitSentences(
        "No. 5 beat Mrs. Lee vs. Ms. Park at Foo Ltd. in May. Write to jane.doe@example.com today. Done.",
        "en",
      ),
    ).toEqual([
      "No. 5 beat Mrs. Lee vs. Ms. Park at Foo Ltd. in May.",
      "Write to jane.doe@example.com today.",
      "Done.",
    ]);
  });

  it("GIVEN a sentence ending with a number THEN the next one starts", () => {
    expect(splitSentences("Sales rose in 2019. In 2020 they fell. It cost $3.50. Ok!", "en")).toEqual([
      "Sales rose in 2019.",
      "In 2020 they fell.",
      "It cost $3.50.",
      "Ok!",
    ]);
  });
});

describe("splitSentences: scraped text and other scripts", () => {
  it("GIVEN a heading glued to the next sentence without punctuation THEN they are split, brand names kept", () => {
    expect(
      splitSentences(
        "Les ministres sont venus sur placeQuelques instants après, son iPhone et eBay sous macOS.",
        "fr",
      ),
    ).toEqual([
      "Les ministres sont venus sur place",
      "Quelques instants après, son iPhone et eBay sous macOS.",
    ]);
  });

  it("GIVEN a period glued after a closing quote THEN it is a break", () => {
    expect(splitSentences("comme je l'ai lu\".Sven Lelandais va plus loin.", "fr")).toEqual([
      "comme je l'ai lu\".",
      "Sven Lelandais va plus loin.",
    ]);
  });

  it("GIVEN CJK full stops THEN each ends a sentence without a following space", () => {
    expect(splitSentences("これは最初の文です。「二番目です！」三番目？", "ja")).toEqual([
      "これは最初の文です。",
      "「二番目です！」",
      "三番目？",
    ]);
  });
});
