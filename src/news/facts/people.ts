/**
 * People: names with the role the text gives them. Roles come from a title before the name
 * ("President Nayib Bukele", "le président Bukele", "Northwind chief executive Priya Raman"), a noun
 * phrase and a comma before it ("le président d'El Salvador, Nayib Bukele"), or an apposition after it
 * ("Bilal Bin Saqib, PDG du Pakistan Crypto Council, ..."). A surname alone ("Bukele") is the person
 * named in full elsewhere in the article.
 */

import { spend } from "../work-meter.js";
import {
  before,
  blankBetween,
  gap,
  MAX_FACTS_PER_KIND,
  type SentenceContext,
  type Where,
} from "./context.js";
import { ORGS, PLACES } from "./gazetteer.js";
import { CONNECTORS, DEMONYMS, DETERMINERS, HONORIFICS, ROLE_MODIFIERS, ROLES } from "./lexicon.js";
import { fold, type Token, trimEndOf } from "./text.js";

interface Person {
  name: string;
  /** Folded words of the name, and those words joined by spaces. */
  keys: string[];
  key: string;
  roles: string[];
  where: Where;
}

/** Verbs that turn what follows a comma into a clause of its own. */
const CLAUSE_VERBS = new Set(
  (
    "a ont est sont etait etaient sera seront devrait devraient doit doivent va vont peut peuvent pourrait " +
    "avait avaient fait estime affirme explique indique declare annonce is are was were has have had will " +
    "would said says told can could should did does"
  ).split(" "),
);
const LEADING_DETERMINER = /^(?:(?:le|la|les|the|a|an|un|une|son|sa|ses|leur|its|his|her)\s+|l['’])/iu;

const ROLE_END_JUNK = /[\s,;:.]/;

function cleanRole(role: string): string {
  return trimEndOf(role.replace(LEADING_DETERMINER, ""), ROLE_END_JUNK).trim();
}

function isRoleWord(t: Token): boolean {
  return ROLES.has(t.key) || ROLES.has(t.key.replace(/s$/, ""));
}

/** An honorific right before the name: "M. Dupont", "Dr Smith", "Mme Martin". */
export function honorificBefore(ctx: SentenceContext, i: number): boolean {
  const t = ctx.tokens[i - 1];
  return t !== undefined && HONORIFICS.has(t.key) && /^\.?[\s\u00a0]+$/.test(gap(ctx, i - 1, i));
}

/**
 * A title or role written right before the name, without a comma: "l'actrice Cate Blanchett",
 * "Los Angeles Mayor Karen Bass", "le président américain Donald Trump", "le ministre de
 * l'Intérieur Gérard Collomb".
 */
export function roleBefore(ctx: SentenceContext, i: number): string | null {
  const { tokens } = ctx;
  // Walk back over role words, their modifiers, capitalised names (an organisation or a country
  // before the role, a portfolio after it) and the connectors between them.
  let first = i;
  for (let k = i - 1; k >= 0 && i - k <= 7 && blankBetween(ctx, k, k + 1); k--) {
    const t = tokens[k] as Token;
    const fits =
      isRoleWord(t) ||
      (!t.cap && (ROLE_MODIFIERS.has(t.key) || DEMONYMS.has(t.key) || CONNECTORS.has(t.key))) ||
      ((t.cap || t.acronym) && !DETERMINERS.has(t.key));
    if (!fits) break;
    first = k;
  }
  let lastRole = -1;
  for (let k = first; k < i; k++) if (isRoleWord(tokens[k] as Token)) lastRole = k;
  if (lastRole < 0) return null;
  // After the last role word: modifiers ("président américain") or a portfolio ("ministre de
  // l'Intérieur"), which starts with a connector; a bare capital would be part of the name.
  const tail = tokens.slice(lastRole + 1, i);
  if (tail.length > 0 && tail[0]?.cap) return null;
  // "le ministre de l'Industrie": the name right after a connector is the portfolio, not a person.
  const last = tokens[i - 1] as Token;
  if (!last.cap && CONNECTORS.has(last.key)) return null;
  // Before it: capitalised names and modifiers, without connectors at the very start.
  while (first < lastRole && !(tokens[first] as Token).cap && CONNECTORS.has((tokens[first] as Token).key))
    first++;
  return cleanRole(ctx.text.slice((tokens[first] as Token).start, last.end));
}

/** A noun phrase with a role, then a comma, then the name: "le pionnier du Bitcoin, Michael Saylor". */
export function roleFromCommaPhrase(ctx: SentenceContext, i: number): string | null {
  if (i < 2 || !/^,[\s\u00a0]+$/.test(gap(ctx, i - 1, i))) return null;
  const { tokens } = ctx;
  let k = i - 1;
  while (k > 0 && i - k < 12) {
    const g = gap(ctx, k - 1, k);
    if (/[,;:()«»"“”]/.test(g)) break;
    const prev = tokens[k - 1] as Token;
    if (DETERMINERS.has(prev.key) && !prev.cap) break;
    if (DETERMINERS.has(prev.key) && k - 1 === 0) break;
    if (prev.possessive && prev.cap) {
      k--;
      break;
    }
    k--;
  }
  const head = tokens.slice(k, Math.min(k + 3, i));
  if (!head.some(isRoleWord)) return null;
  // "les ministres Édouard Philippe, Gérald Darmanin": the phrase ends with a name, this is a list.
  const last = tokens[i - 1] as Token;
  const beforeLast = tokens[i - 2] as Token;
  if (
    last.cap &&
    beforeLast.cap &&
    blankBetween(ctx, i - 2, i - 1) &&
    PLACES.matchAt(ctx.text, tokens, i - 2) !== 2 &&
    ORGS.matchAt(ctx.text, tokens, i - 2) !== 2 &&
    !isRoleWord(beforeLast)
  )
    return null;
  const first = tokens[k] as Token;
  return cleanRole(ctx.text.slice(first.start, last.end));
}

/** An apposition after the name: "Bilal Bin Saqib, PDG du Pakistan Crypto Council et ..., a ...". */
export function roleAfter(ctx: SentenceContext, j: number): string | null {
  const { tokens, text } = ctx;
  const lastName = tokens[j - 1];
  const next = tokens[j];
  if (lastName === undefined || next === undefined || !/^,[\s\u00a0]+$/.test(gap(ctx, j - 1, j))) return null;
  let k = j;
  if (DETERMINERS.has((tokens[k] as Token).key)) k++;
  let hasRole = false;
  for (let m = k; m < Math.min(k + 4, tokens.length); m++) {
    const t = tokens[m] as Token;
    if (m > k && /[,;:()]/.test(gap(ctx, m - 1, m))) break;
    if (isRoleWord(t)) {
      hasRole = true;
      break;
    }
    if (!(t.cap || t.possessive || ROLE_MODIFIERS.has(t.key) || DEMONYMS.has(t.key))) break;
  }
  if (!hasRole) return null;
  let end = j;
  while (end + 1 < tokens.length && end - j < 24 && !/[,;()—]|\.\s/.test(gap(ctx, end, end + 1))) end++;
  // "..., le député de Seine-et-Marne devrait être fixé": a verb makes it a clause, not an apposition.
  for (let m = j; m <= end; m++) if (CLAUSE_VERBS.has((tokens[m] as Token).key)) return null;
  return cleanRole(text.slice(next.start, (tokens[end] as Token).end));
}

/** Roles kept per person: enough for "président ...; ancien ministre ...". */
const MAX_ROLES = 8;

/**
 * All the people of an article, one entry per person: the first MAX_FACTS_PER_KIND named, so that
 * the lookups below, which scan the list, stay bounded.
 */
export class PersonRegistry {
  private readonly people: Person[] = [];

  /** The person a single word names, when a full name ending (or containing) it was seen. */
  bySurname(key: string): Person | undefined {
    spend(this.people.length);
    for (const p of this.people) for (let k = 1; k < p.keys.length; k++) if (p.keys[k] === key) return p;
    return undefined;
  }

  add(name: string, role: string | null, where: Where): void {
    const keys = name.split(/\s+/).map(fold);
    const key = keys.join(" ");
    spend(this.people.length);
    let person = this.people.find((p) => p.key === key);
    if (person === undefined && keys.length === 1) person = this.bySurname(key);
    if (person === undefined) {
      if (this.people.length >= MAX_FACTS_PER_KIND) return;
      person = { name, keys, key, roles: [], where };
      this.people.push(person);
    }
    if (role !== null && role.length > 0) this.addRole(person, role);
  }

  /** A surname alone: its role goes to the person it names. Returns whether it named someone. */
  mention(key: string, role: string | null): boolean {
    const person = this.bySurname(key);
    if (person === undefined) return false;
    if (role !== null) this.addRole(person, role);
    return true;
  }

  private addRole(person: Person, role: string): void {
    const f = fold(role);
    if (person.roles.some((r) => fold(r).includes(f))) return;
    const kept = person.roles.filter((r) => !f.includes(fold(r)));
    if (kept.length >= MAX_ROLES) return;
    person.roles = kept;
    person.roles.push(role);
  }

  /** Single names met before the full name ("le président Bukele" ... "Nayib Bukele") join it. */
  finish(): Person[] {
    const out: Person[] = [];
    for (const p of this.people) {
      if (p.keys.length === 1) {
        const full = this.bySurname(p.keys[0] as string);
        if (full !== undefined) {
          for (const r of p.roles) this.addRole(full, r);
          continue;
        }
      }
      out.push(p);
    }
    return out.sort((a, b) => (before(a.where, b.where) ? -1 : 1));
  }
}
