/**
 * Key facts of an article: who, which organisations and places, what happened, when, and how much,
 * each with the sentence it came from. Rule-based, French and English, sentence by sentence; see
 * the modules beside this one for each kind. Facts are deduplicated (one per entity, a person with
 * their richest role) and ordered by kind (FACT_KINDS), then by first appearance.
 */
import type { Article } from "../../domain/article.js";
import type { Fact, FactKind } from "../../domain/fact.js";
import { FACT_KINDS } from "../../domain/fact.js";
import { analysedPart, analysedSentences, MAX_SENTENCE_CHARS } from "../sentences.js";
import { before, MAX_FACTS_PER_KIND, type SentenceContext, type Where } from "./context.js";
import { findDates, publicationDate, referenceDate } from "./dates.js";
import { findEvent } from "./events.js";
import { lexiconFor, WEEKDAYS } from "./lexicon.js";
import { findNames } from "./names.js";
import { OrgRegistry } from "./organizations.js";
import { PersonRegistry } from "./people.js";
import { PlaceRegistry } from "./places.js";
import { findQuantities, type QuantityContext } from "./quantities.js";
import { fold, tokenize } from "./text.js";

interface Found {
  kind: FactKind;
  text: string;
  detail: string | null;
  where: Where;
}

/** Dates and quantities are one fact per value: the first mention keeps its words and sentence. */
function keepFirst(
  into: Map<string, Found>,
  kind: "date" | "quantity",
  m: { text: string; detail: string; start: number },
  index: number,
  sentence: string,
): void {
  if (!into.has(m.detail) && into.size < MAX_FACTS_PER_KIND)
    into.set(m.detail, { kind, text: m.text, detail: m.detail, where: { index, start: m.start, sentence } });
}

/** English headlines in Title Case ("Pakistan And El Salvador Discuss Bitcoin"). */
function isTitleCase(title: string, lang: string): boolean {
  if (lang === "fr") return false;
  const words = title.split(/\s+/).filter((w) => w.length > 3);
  if (words.length < 3) return false;
  return words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length >= 0.6;
}

/**
 * Whether a name taken for a person is an organisation found in the article: the same name
 * ("Harbor Lane"), a part of its name, or its name with more words ("Harbor Lane Research", which
 * then becomes the organisation's name, the shorter one its alias). Organisations are never
 * listed under People.
 */
function isOrganization(person: Found, organizations: Found[]): boolean {
  const words = fold(person.text).split(/\s+/);
  for (const org of organizations) {
    const names = [org.text, org.detail]
      .filter((n): n is string => n !== null)
      .map((n) => fold(n).split(/\s+/));
    for (const name of names) {
      const shorter = Math.min(name.length, words.length);
      if (!words.slice(0, shorter).every((w, i) => w === name[i])) continue;
      if (words.length > name.length && name === names[0]) {
        org.detail ??= org.text;
        org.text = person.text;
        if (before(person.where, org.where)) org.where = person.where;
      }
      return true;
    }
  }
  return false;
}

/** Extract the key facts of an article (see the module comment). */
export function extractFacts(article: Pick<Article, "title" | "sections" | "lang" | "date">): Fact[] {
  const lex = lexiconFor(article.lang);
  const ref = referenceDate(article.date);
  // The title, then the analysed sentences (at most MAX_ANALYSED_CHARS of text, sentences.ts).
  const texts = [analysedPart(article.title.trim(), MAX_SENTENCE_CHARS)];
  for (const s of analysedSentences(article.sections, article.lang)) texts.push(s);

  const people = new PersonRegistry();
  const orgs = new OrgRegistry(lex.lang);
  const places = new PlaceRegistry();
  const registries = { people, orgs, places };
  const dated = new Map<string, Found>();
  const measured = new Map<string, Found>();
  const quantityContext: QuantityContext = { crown: null };
  const contexts: SentenceContext[] = [];

  // A weekday named again means the day named first ("Thursday's inflows" after "on Thursday"),
  // whatever the tense of its clause: the article has one Thursday in mind.
  const weekdays = new Map<string, string>();
  texts.forEach((text, index) => {
    if (text.length === 0) return;
    const ctx: SentenceContext = {
      index,
      text,
      tokens: tokenize(text),
      lex,
      titleCase: index === 0 && isTitleCase(text, lex.lang),
    };
    contexts.push(ctx);
    const dates = findDates(text, lex, ref, ctx.tokens);
    for (const d of dates) {
      const day = fold(d.text);
      if (WEEKDAYS.has(day)) {
        const first = weekdays.get(day);
        if (first === undefined) weekdays.set(day, d.detail);
        else d.detail = first;
      }
      keepFirst(dated, "date", d, index, text);
    }
    const claimed = dates.map((d): [number, number] => [d.start, d.end]);
    for (const q of findQuantities(text, lex.lang, claimed, quantityContext))
      keepFirst(measured, "quantity", q, index, text);
    findNames(ctx, registries);
  });

  const found: Found[] = [];
  const organizations: Found[] = orgs
    .finish()
    .map((o) => ({ kind: "organization", text: o.name, detail: o.detail, where: o.where }));
  for (const p of people.finish()) {
    const person: Found = {
      kind: "person",
      text: p.name,
      detail: p.roles.join("; ") || null,
      where: p.where,
    };
    if (!isOrganization(person, organizations)) found.push(person);
  }
  found.push(...organizations);
  for (const p of places.list()) found.push({ kind: "place", text: p.name, detail: null, where: p.where });
  found.push(...dated.values(), ...measured.values());

  if (article.date !== null) {
    const published = publicationDate(article.date, lex.lang);
    if (published !== null && !dated.has(published.detail)) {
      found.push({
        kind: "date",
        text: published.text,
        detail: published.detail,
        where: { index: -1, start: 0, sentence: published.sentence },
      });
    }
  }

  const titleKeys = new Set(
    (contexts[0]?.tokens ?? [])
      .filter((t) => t.key.length >= 4 && !lex.stopwords.has(t.key))
      .map((t) => t.key.slice(0, 5)),
  );
  const event = findEvent(contexts, titleKeys);
  if (event !== null) {
    found.push({
      kind: "event",
      text: event.text,
      detail: event.detail || null,
      where: { index: event.index, start: 0, sentence: event.sentence },
    });
  }

  const rank = new Map(FACT_KINDS.map((k, i) => [k, i]));
  found.sort(
    (a, b) =>
      (rank.get(a.kind) ?? 0) - (rank.get(b.kind) ?? 0) ||
      (before(a.where, b.where) ? -1 : before(b.where, a.where) ? 1 : 0),
  );
  // The first MAX_FACTS_PER_KIND of each kind (the publication date may make one more).
  const kept = new Map<FactKind, number>();
  return found
    .filter((f) => {
      const n = (kept.get(f.kind) ?? 0) + 1;
      kept.set(f.kind, n);
      return n <= MAX_FACTS_PER_KIND;
    })
    .map((f) => ({ kind: f.kind, text: f.text, detail: f.detail, sentence: f.where.sentence }));
}
