/**
 * People: names with the role the text gives them. Roles come from a title before the name
 * ("President Nayib Bukele", "le président Bukele", "Northwind chief executive Priya Raman"), a noun
 * phrase and a comma before it ("le président d'El Salvador, Nayib Bukele"), or an apposition after it
 * ("Bilal Bin Saqib, PDG du Pakistan Crypto Council, ..."). A surname alone ("Bukele") is the person
 * named in full elsewhere in the article.
 */
import { before, blankBetween, gap, type SentenceContext, type Where } from "./context.js";
import { DEMONYMS, DETERMINERS, HONORIFICS, ROLE_MODIFIERS, ROLES } from "./lexicon.js";
import { fold, type Token } from "./text.js";

interface Person {
  name: string;
  keys: string[];
  roles: string[];
  where: Where;
}

const LEADING_DETERMINER = /^(?:(?:le|la|les|the|a|an|un|une|son|sa|ses|leur|its|his|her)\s+|l['’])/iu;

function cleanRole(role: string): string {
  return role
    .replace(LEADING_DETERMINER, "")
    .replace(/[\s,;:.]+$/u, "")
    .trim();
}

function isRoleWord(t: Token): boolean {
  return ROLES.has(t.key) || ROLES.has(t.key.replace(/s$/, ""));
}

/** An honorific right before the name: "M. Dupont", "Dr Smith", "Mme Martin". */
export function honorificBefore(ctx: SentenceContext, i: number): boolean {
  const t = ctx.tokens[i - 1];
  return t !== undefined && HONORIFICS.has(t.key) && /^\.?[\s\u00a0]+$/.test(gap(ctx, i - 1, i));
}

/** A title or role written right before the name, without a comma ("l'actrice Cate Blanchett"). */
export function roleBefore(ctx: SentenceContext, i: number): string | null {
  const { tokens } = ctx;
  let k = i - 1;
  let first = -1;
  let sawRole = false;
  while (k >= 0 && i - k <= 6 && blankBetween(ctx, k, k + 1)) {
    const t = tokens[k] as Token;
    const role = isRoleWord(t);
    const lowerModifier = !t.cap && (ROLE_MODIFIERS.has(t.key) || DEMONYMS.has(t.key));
    if (role) sawRole = true;
    if (role || lowerModifier) {
      first = k;
      k--;
      continue;
    }
    // Capitalised words before a role name its organisation or country: "Los Angeles Mayor".
    if ((t.cap || t.acronym) && sawRole && !DETERMINERS.has(t.key)) {
      first = k;
      k--;
      continue;
    }
    break;
  }
  if (!sawRole || first < 0) return null;
  // The word right before the name must belong to the role ("le président américain Donald Trump").
  const last = tokens[i - 1] as Token;
  if (!isRoleWord(last) && !ROLE_MODIFIERS.has(last.key) && !DEMONYMS.has(last.key)) return null;
  // Leading capitalised words without a role after them are not part of it.
  while (
    first < i - 1 &&
    !isRoleWord(tokens[first] as Token) &&
    (tokens[first] as Token).cap &&
    !sawRoleAfterCaps(tokens, first, i)
  )
    first++;
  return cleanRole(ctx.text.slice((tokens[first] as Token).start, last.end));
}

function sawRoleAfterCaps(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isRoleWord(tokens[k] as Token)) return true;
  return false;
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
  const first = tokens[k] as Token;
  const last = tokens[i - 1] as Token;
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
  return cleanRole(text.slice(next.start, (tokens[end] as Token).end));
}

/** All the people of an article, one entry per person. */
export class PersonRegistry {
  private readonly people: Person[] = [];

  /** The person a single word names, when a full name ending (or containing) it was seen. */
  bySurname(key: string): Person | undefined {
    return this.people.find((p) => p.keys.length > 1 && p.keys.slice(1).includes(key));
  }

  add(name: string, role: string | null, where: Where): void {
    const keys = name.split(/\s+/).map(fold);
    const key = keys.join(" ");
    let person = this.people.find((p) => p.keys.join(" ") === key);
    if (person === undefined && keys.length === 1) person = this.bySurname(key);
    if (person === undefined) {
      person = { name, keys, roles: [], where };
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
    person.roles = person.roles.filter((r) => !f.includes(fold(r)));
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
