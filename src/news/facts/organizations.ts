/**
 * Organisations: names with a marker ("Pakistan Crypto Council", "Banque centrale européenne",
 * "Apple Inc"), known names and acronyms ("FMI", "Oracle"), names a cue introduces ("la société
 * Bâtirhône", "broadband provider Fibrelink"). An acronym is linked to its expansion when the text
 * gives it in brackets, when its letters are the expansion's initials, or from the lexicon; the fact
 * then reads "Fonds monétaire international" with the detail "FMI".
 */

import { spend } from "../work-meter.js";
import {
  before,
  blankBetween,
  gap,
  MAX_FACTS_PER_KIND,
  type SentenceContext,
  textOf,
  type Where,
  whereOf,
} from "./context.js";
import { knownExpansion } from "./gazetteer.js";
import {
  ADJECTIVE_ENDING,
  CONNECTORS,
  DEMONYMS,
  LAW_WORDS,
  LOWER_ORG_HEADS,
  ORG_COMPLEMENTS,
  ORG_CUES,
} from "./lexicon.js";
import { MAX_NAME_TOKENS } from "./spans.js";
import { fold, type Token } from "./text.js";

interface Org {
  name: string;
  key: string;
  acronym: string | null;
  /** The acronym folded (a lookup key), or null. */
  acronymKey: string | null;
  where: Where;
  /** Set when the name was learned from the text (a cue or marker), not from the gazetteer. */
  learned: boolean;
}

function setAcronym(org: Org, acronym: string | null): void {
  org.acronym = acronym;
  org.acronymKey = acronym === null ? null : fold(acronym);
}

const FR_INDEFINITE = new Set(["le", "la", "l'", "un", "une"]);
const EN_INDEFINITE = new Set(["a", "an", "the"]);
const SKIP_IN_INITIALS = new Set([...CONNECTORS, "et", "and", "&", "pour", "sur", "aux", "au", "en"]);

/** Initials of a name's content words, folded: "Fonds monétaire international" -> "fmi". */
export function initials(name: string): string {
  return name
    .split(/[\s\u00a0'’-]+/u)
    .filter((w) => w.length > 0 && !SKIP_IN_INITIALS.has(fold(w)))
    .map((w) => fold(w)[0] ?? "")
    .join("");
}

/**
 * The expansion written before "(ACR)": the shortest run of tokens ending at `paren` whose content
 * words' initials spell the acronym ("Institut national de la statistique et des études économiques
 * (Insee)"). Returns the index of its first token, or -1.
 */
export function expansionStart(ctx: SentenceContext, acronymAt: number): number {
  const acr = fold((ctx.tokens[acronymAt] as Token).text).replace(/[^a-z]/g, "");
  const limit = Math.max(0, acronymAt - acr.length * 3 - 2);
  let letters = "";
  for (let s = acronymAt - 1; s >= limit; s--) {
    const t = ctx.tokens[s] as Token;
    if (s < acronymAt - 1 && /[,;:()]/.test(gap(ctx, s, s + 1))) return -1;
    if (!SKIP_IN_INITIALS.has(t.key)) letters = (t.key[0] ?? "") + letters;
    if (letters === acr && (t.cap || t.acronym)) return s;
    if (letters.length > acr.length) return -1;
  }
  return -1;
}

/** French names go on after their head: "Fonds monétaire international", "Cour des comptes". */
export function extendRight(ctx: SentenceContext, j: number, lowerStopwords: ReadonlySet<string>): number {
  const { tokens } = ctx;
  let end = j;
  // A name's words at the most: "tribunal tribunal ..." would otherwise extend over the sentence
  // from each of its words.
  while (end < tokens.length && end - j < MAX_NAME_TOKENS && blankBetween(ctx, end - 1, end)) {
    const t = tokens[end] as Token;
    if (!t.cap && !t.numeric && ADJECTIVE_ENDING.test(t.key) && !lowerStopwords.has(t.text.toLowerCase())) {
      end++;
      continue;
    }
    if (CONNECTORS.has(t.key) && !t.cap) {
      let k = end + 1;
      if (k < tokens.length && (tokens[k] as Token).key.match(/^(?:la|l')$/) && blankBetween(ctx, k - 1, k))
        k++;
      const u = tokens[k];
      if (u !== undefined && blankBetween(ctx, k - 1, k) && (u.cap || ORG_COMPLEMENTS.has(u.key))) {
        end = k + 1;
        while (
          end < tokens.length &&
          end - j < MAX_NAME_TOKENS &&
          (tokens[end] as Token).cap &&
          blankBetween(ctx, end - 1, end)
        )
          end++;
        continue;
      }
    }
    break;
  }
  return end;
}

/**
 * "Institut national de la statistique et des études économiques (Insee)": an expansion before its
 * acronym in brackets names an organisation. Its tokens are marked in `consumed`, so that the
 * sentence's names (names.ts) do not read them again; a law's ("Digital Markets Act (DMA)") too.
 */
export function orgsInBrackets(ctx: SentenceContext, orgs: OrgRegistry, consumed: boolean[]): void {
  const { tokens } = ctx;
  for (let a = 1; a < tokens.length; a++) {
    const t = tokens[a] as Token;
    if (!(t.acronym || (t.cap && t.text.length <= 6)) || !/\($/.test(gap(ctx, a - 1, a))) continue;
    if (!/^\)/.test(ctx.text.slice(t.end))) continue;
    const s = expansionStart(ctx, a);
    if (s < 0) continue;
    if (!LAW_WORDS.has((tokens[a - 1] as Token).key)) {
      orgs.add(textOf(ctx, s, a), t.text, whereOf(ctx, (tokens[s] as Token).start), true);
    }
    consumed.fill(true, s, a + 1);
  }
}

/**
 * "tribunal correctionnel de Lyon", "cour d'appel de Lyon", "ministère des Finances": a lower-case
 * head going on to a capitalised word names an organisation. Its tokens are marked in `consumed`.
 */
export function orgsWithLowerCaseHeads(ctx: SentenceContext, orgs: OrgRegistry, consumed: boolean[]): void {
  const { tokens } = ctx;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.cap || consumed[i] || !LOWER_ORG_HEADS.has(t.key)) continue;
    const end = extendRight(ctx, i + 1, ctx.lex.stopwords);
    if (end <= i + 1 || !tokens.slice(i + 1, end).some((u) => u.cap)) continue;
    orgs.add(textOf(ctx, i, end), null, whereOf(ctx, t.start), true);
    consumed.fill(true, i, end);
  }
}

/**
 * A cue noun shortly before the name: "la société Bâtirhône", "Norwegian start-up Nordvolt Cells",
 * "l'association de consommateurs UFC-Que Choisir". Only adjectives may stand between ("the maker of
 * Wegovy" names a product, not a company).
 */
export function orgCueBefore(ctx: SentenceContext, i: number): boolean {
  const { tokens } = ctx;
  const prev = tokens[i - 1];
  if (prev?.key === "at") {
    const who = tokens[i - 2];
    return (
      who !== undefined &&
      /(?:analysts|economists|researchers|engineers|strategists|scientists)$/.test(who.key)
    );
  }
  for (let k = i - 1; k >= 0 && i - k <= 4; k--) {
    const t = tokens[k] as Token;
    if (!blankBetween(ctx, k, k + 1)) return false;
    if (ORG_CUES.has(t.key) && !t.cap) return true;
    // "association de consommateurs": a noun complement right after the cue.
    const cue = tokens[k - 2];
    if (
      k >= 2 &&
      /^(?:de|d')$/.test((tokens[k - 1] as Token).key) &&
      cue !== undefined &&
      ORG_CUES.has(cue.key) &&
      k === i - 1
    )
      return true;
    const adjective = !t.cap && (DEMONYMS.has(t.key) || ADJECTIVE_ENDING.test(t.key) || t.key.includes("-"));
    if (!adjective) return false;
  }
  return false;
}

/** A cue in an apposition after the name: "Northwind Security, a cloud security company". */
export function orgCueAfter(ctx: SentenceContext, j: number): boolean {
  if (!/^,[\s\u00a0]+$/.test(gap(ctx, j - 1, j))) return false;
  const first = ctx.tokens[j];
  const determiners = ctx.lex.lang === "fr" ? FR_INDEFINITE : EN_INDEFINITE;
  if (first === undefined || !determiners.has(first.key)) return false;
  for (let k = j + 1; k < ctx.tokens.length && k - j <= 5; k++) {
    if (/[,;:()]/.test(gap(ctx, k - 1, k))) return false;
    if (ORG_CUES.has((ctx.tokens[k] as Token).key)) return true;
  }
  return false;
}

/**
 * All the organisations of an article: the first MAX_FACTS_PER_KIND named, so that the lookups
 * below, which scan the list, stay bounded.
 */
export class OrgRegistry {
  private readonly orgs: Org[] = [];

  constructor(private readonly lang: string) {}

  /** A name's key: folded, without a leading article ("Les Républicains" is "Républicains"). */
  private static keyOf(name: string): string {
    return fold(name).replace(/^(?:les|le|la|l'|the)\s*/, "");
  }

  find(key: string): Org | undefined {
    spend(this.orgs.length);
    return this.orgs.find((o) => o.key === key || o.acronymKey === key);
  }

  /** A single word that is the start of a longer name learned from the text ("Northwind"). */
  byFirstWord(key: string): Org | undefined {
    spend(this.orgs.length);
    const prefix = `${key} `;
    return this.orgs.find((o) => o.learned && o.key.startsWith(prefix));
  }

  add(name: string, acronym: string | null, where: Where, learned: boolean): void {
    const key = OrgRegistry.keyOf(name);
    const existing = this.find(key);
    if (existing !== undefined) {
      if (acronym !== null && existing.acronym === null) setAcronym(existing, acronym);
      return;
    }
    // The acronym was met first ("La BCE abaisse...", then "Banque centrale européenne (BCE)").
    const bare = acronym === null ? undefined : this.orgs.find((o) => o.key === OrgRegistry.keyOf(acronym));
    if (bare !== undefined) {
      Object.assign(bare, { name, key, where, learned });
      setAcronym(bare, acronym);
      return;
    }
    if (this.orgs.length >= MAX_FACTS_PER_KIND) return;
    const org: Org = { name, key, acronym: null, acronymKey: null, where, learned };
    setAcronym(org, acronym);
    this.orgs.push(org);
  }

  /** An acronym alone: kept as its own entry until `finish` links it to an expansion. */
  addAcronym(acronym: string, where: Where): void {
    const key = fold(acronym);
    spend(this.orgs.length);
    if (this.orgs.some((o) => o.acronymKey === key)) return;
    this.add(acronym, null, where, false);
  }

  /** Link acronyms to expansions, merge "Northwind" into "Northwind Security", order by appearance. */
  finish(): { name: string; detail: string | null; where: Where }[] {
    const orgs = this.orgs;
    spend(orgs.length * orgs.length);
    // Each name's initials once, not once per pair.
    const initialsOf = new Map(orgs.filter((o) => o.name.includes(" ")).map((o) => [o, initials(o.name)]));
    for (const a of [...orgs]) {
      if (!/^\S+$/.test(a.name) || !/\p{Lu}.*\p{Lu}/u.test(a.name)) continue;
      const acr = fold(a.name).replace(/[^a-z]/g, "");
      const full = orgs.find((o) => o !== a && o.acronym === null && initialsOf.get(o) === acr);
      if (full !== undefined) {
        setAcronym(full, a.name);
        orgs.splice(orgs.indexOf(a), 1);
      }
    }
    // "CDU" is the "CDU/CSU" bloc.
    for (const a of [...orgs]) {
      const whole = orgs.find((o) => o !== a && o.name.includes("/") && o.name.split("/").includes(a.name));
      if (whole !== undefined) orgs.splice(orgs.indexOf(a), 1);
    }
    for (const a of [...orgs]) {
      if (a.name.includes(" ") || !orgs.includes(a)) continue;
      const longer = orgs.find((o) => o !== a && o.learned && o.key.startsWith(`${a.key} `));
      if (longer !== undefined && a.learned) orgs.splice(orgs.indexOf(a), 1);
    }
    return orgs
      .sort((x, y) => (before(x.where, y.where) ? -1 : 1))
      .map((o) => {
        if (o.acronym !== null) return { name: o.name, detail: o.acronym, where: o.where };
        const expansion = /^\S+$/.test(o.name) ? knownExpansion(o.name, this.lang) : null;
        return { name: o.name, detail: expansion, where: o.where };
      });
  }
}
