/** Test helper: an article from plain text (paragraphs separated by blank lines). */
import type { Fact, FactKind } from "../../../../src/domain/fact.js";
import { extractFacts } from "../../../../src/news/facts/extract-facts.js";

export function factsOf(
  text: string,
  lang: "fr" | "en",
  date: string | null = "2025-07-17",
  title = "",
): Fact[] {
  const sections = text.split(/\n\s*\n/).map((t) => ({ heading: null, text: t }));
  return extractFacts({ title, lang, date, sections });
}

export function ofKind(facts: Fact[], kind: FactKind): Fact[] {
  return facts.filter((f) => f.kind === kind);
}

export function texts(facts: Fact[], kind: FactKind): string[] {
  return ofKind(facts, kind).map((f) => f.text);
}

export function find(facts: Fact[], kind: FactKind, text: string): Fact | undefined {
  return facts.find((f) => f.kind === kind && f.text === text);
}
