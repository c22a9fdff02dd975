import { describe, expect, it } from "vitest";
import type { Section } from "../../../src/domain/article.js";
import { splitSentences } from "../../../src/news/sentences.js";
import { summarize, summarizeArticle } from "../../../src/news/summarize.js";

const EN_TITLE = "Lyon approves a new tram line to the eastern suburbs";
const EN = `Is this the end of traffic jams in Lyon?
The Lyon metropolitan council approved on Monday a new tram line linking the Part-Dieu station to the eastern suburbs, at a cost of 450 million euros.
"We have waited for this for twenty years," said one resident.
The line, called T10, will carry 60,000 passengers a day when it opens in 2027, according to the council.
Works will start next spring and will close several streets for eighteen months.
Opponents on the council said the budget was underestimated and voted against the project.
Click here to subscribe to our newsletter and read more stories like this one every morning.`;

const FR_TITLE = "Lyon : feu vert pour une nouvelle ligne de tramway";
const FR = `Faut-il encore croire aux promesses des élus sur les transports en commun ?
« On n'y croyait plus », soupire une habitante.
Le conseil de la métropole de Lyon a approuvé lundi une nouvelle ligne de tramway reliant la gare de la Part-Dieu à l'est de l'agglomération, pour un coût de 450 millions d'euros.
La ligne T10 transportera 60.000 voyageurs par jour à son ouverture en 2027, selon la métropole.
Les travaux commenceront au printemps et fermeront plusieurs rues pendant dix-huit mois.
Le conseil de la métropole de Lyon a approuvé lundi une nouvelle ligne de tramway reliant la gare de la Part-Dieu à l'est de l'agglomération, pour 450 millions d'euros.
Les opposants estiment que le budget est sous-évalué et ont voté contre le projet.`;

const LEAD_FR = "Le conseil de la métropole de Lyon a approuvé lundi une nouvelle ligne de tramway";

/** Each output sentence must be a sentence of the input, in increasing input order. */
function expectInArticleOrder(out: string[], text: string, lang: string): void {
  const all = splitSentences(text, lang);
  const positions = out.map((s) => all.indexOf(s));
  expect(positions.every((p) => p >= 0)).toBe(true);
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
}

describe("summarize", () => {
  it("GIVEN an English article with a teaser question THEN one sentence is the informative one, not the question", () => {
    const out = summarize({ title: EN_TITLE, text: EN, lang: "en" }, 1);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^The Lyon metropolitan council approved/);
  });

  it("GIVEN a French article opening with a question and a quote THEN the lead is skipped for the news", () => {
    const out = summarize({ title: FR_TITLE, text: FR, lang: "fr" }, 1);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(new RegExp(`^${LEAD_FR}`));
  });

  it.each([
    ["en", EN_TITLE, EN],
    ["fr", FR_TITLE, FR],
  ])(
    "GIVEN count 3 (%s) THEN exactly 3 input sentences, in article order, no question, no boilerplate",
    (lang, title, text) => {
      const out = summarize({ title, text, lang }, 3);
      expect(out).toHaveLength(3);
      expectInArticleOrder(out, text, lang);
      expect(out.some((s) => s.trim().endsWith("?"))).toBe(false);
      expect(out.some((s) => /newsletter/i.test(s))).toBe(false);
    },
  );

  it("GIVEN two near-duplicate sentences THEN they are never both chosen", () => {
    for (const count of [2, 3, 4]) {
      const out = summarize({ title: FR_TITLE, text: FR, lang: "fr" }, count);
      expect(out.filter((s) => s.startsWith(LEAD_FR))).toHaveLength(1);
    }
  });

  it("GIVEN a plain text with heading lines THEN headings are never chosen", () => {
    const text = `Lyon tram line T10 approved
The Lyon metropolitan council approved on Monday a new tram line to the eastern suburbs, at a cost of 450 million euros.
# Lyon tram line T10 budget and timeline
The line will carry 60,000 passengers a day when it opens in 2027, according to the council.
Works will start next spring and will close several streets for eighteen months.`;
    const out = summarize({ title: "Lyon tram line T10 approved", text, lang: "en" }, 3);
    expect(out).toHaveLength(3);
    expect(out.some((s) => s.includes("Lyon tram line T10 approved") || s.startsWith("#"))).toBe(false);
  });

  it("GIVEN very short inputs THEN what there is comes back", () => {
    expect(summarize({ title: "", text: "Une seule phrase ici.", lang: "fr" }, 3)).toEqual([
      "Une seule phrase ici.",
    ]);
    expect(summarize({ title: "", text: "", lang: "fr" }, 2)).toEqual([]);
    expect(summarize({ title: "", text: FR, lang: "fr" }, 0)).toEqual([]);
  });

  it("GIVEN scraped script text THEN it is never chosen", () => {
    const text =
      "Le gouvernement a annoncé mardi un plan de 2 milliards d'euros pour rénover les écoles de la région parisienne. " +
      "window.pvp_7cce7bb9ab8f525a563dcdcc0f6cbaa5 = new Pvp('dm', { id: 'x7abc', autoplay: true, mute: true, target: 'player' });";
    const out = summarize({ title: "", text, lang: "fr" }, 1);
    expect(out).toEqual([
      "Le gouvernement a annoncé mardi un plan de 2 milliards d'euros pour rénover les écoles de la région parisienne.",
    ]);
  });

  it("GIVEN a language without a stemmer THEN it still summarises", () => {
    const text = "これは最初の文です。これは二番目の文です。";
    expect(summarize({ title: "", text, lang: "ja" }, 1)).toHaveLength(1);
  });
});

describe("summarizeArticle", () => {
  const sections: Section[] = [
    { heading: null, text: FR.split("\n").slice(0, 3).join("\n") },
    {
      heading: "Lyon : une nouvelle ligne de tramway à 450 millions d'euros pour la métropole",
      text: FR.split("\n").slice(3).join("\n\n"),
    },
  ];

  it("GIVEN a front-matter summary THEN it wins, split and truncated to the count", () => {
    const summary = "Feu vert au tram T10. Il coûtera 450 millions d'euros. Ouverture en 2027.";
    expect(summarizeArticle({ title: FR_TITLE, lang: "fr", summary, sections }, 2)).toEqual([
      "Feu vert au tram T10.",
      "Il coûtera 450 millions d'euros.",
    ]);
  });

  it("GIVEN an empty front-matter summary THEN the sections are summarised", () => {
    const out = summarizeArticle({ title: FR_TITLE, lang: "fr", summary: "  ", sections }, 1);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(new RegExp(`^${LEAD_FR}`));
  });

  it("GIVEN a keyword-rich heading THEN it is never chosen", () => {
    for (const count of [1, 2, 3, 5]) {
      const out = summarizeArticle({ title: FR_TITLE, lang: "fr", summary: null, sections }, count);
      expect(out).toHaveLength(count);
      expect(out.some((s) => s.includes("une nouvelle ligne de tramway à 450 millions"))).toBe(false);
    }
  });
});
