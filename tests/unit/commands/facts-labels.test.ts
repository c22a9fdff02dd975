import { describe, expect, it } from "vitest";
import { factsFor, loadLabelledSet } from "../../../bench/facts-quality.js";
import { factLine } from "../../../commands/facts.js";
import { factsWords } from "../../../commands/facts.words.js";
import type { Locale } from "../../../src/domain/locale.js";
import { wordsTranslator } from "../../../src/framework/words.js";

const MONTHS: Record<Locale, string[]> = {
  en: "January February March April May June July August September October November December".split(" "),
  fr: "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(" "),
};

const eventWords = (locale: Locale) =>
  new Set(
    Object.entries(factsWords[locale]).flatMap(([key, text]) => (key.startsWith("event.") ? [text] : [])),
  );

/** The bracket a line ends with, if any: what the bot adds beside the article's words. */
const bracket = (line: string, text: string) => (line === text ? null : line.slice(text.length + 2, -1));

describe("key-fact labels of the 40 labelled articles", () => {
  const articles = loadLabelledSet().map((a) => ({ a, facts: factsFor(a) }));

  it.each(["en", "fr"] as const)(
    "GIVEN the interface in %s THEN every label the bot adds is in that language",
    (locale) => {
      const ctx = { t: wordsTranslator<keyof typeof factsWords.en>([factsWords], locale), locale };
      const other: Locale = locale === "en" ? "fr" : "en";
      const own = eventWords(locale);
      const foreign = [...eventWords(other)].filter((w) => !own.has(w));
      let labels = 0;
      for (const { a, facts } of articles) {
        for (const fact of facts) {
          const label = bracket(factLine(ctx, fact), fact.text);
          if (label === null) continue;
          const where = `${a.id}: ${fact.text} (${label})`;
          if (fact.kind === "event") {
            labels++;
            expect(own.has(label), where).toBe(true);
            expect(foreign, where).not.toContain(label);
          } else if (fact.kind === "date") {
            labels++;
            const months = (l: Locale) =>
              MONTHS[l].filter((m) => label.includes(m) && !MONTHS[locale].includes(m));
            expect(months(other), where).toEqual([]);
            expect(label, where).not.toMatch(/^\d{4}-/); // never a raw ISO value
          } else if (fact.kind === "person") {
            // A role: the article's own words, quoted, not a label of the bot's. (An organisation's
            // other name, "EU (European Union)", is a name, in no interface's language.)
            expect(a.text.includes(label) || a.title.includes(label) || label.includes("; "), where).toBe(
              true,
            );
          }
        }
      }
      expect(labels).toBeGreaterThan(40);
    },
  );

  it("GIVEN an event kind the words cannot tell THEN no label rather than a wrong one", () => {
    const ctx = { t: wordsTranslator<keyof typeof factsWords.en>([factsWords], "fr"), locale: "fr" as const };
    const fact = { kind: "event" as const, text: "a levé 85 000 euros", sentence: "", detail: null };
    expect(factLine(ctx, fact)).toBe("a levé 85 000 euros");
    expect(factLine(ctx, { ...fact, detail: "rise" })).toBe("a levé 85 000 euros (hausse)");
    expect(factLine(ctx, { ...fact, detail: "hausse" })).toBe("a levé 85 000 euros"); // an old, cached label
  });
});
