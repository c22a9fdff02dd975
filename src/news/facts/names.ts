/**
 * Names in a sentence: runs of capitalised words ("Bureau du Bitcoin d'El Salvador", see spans.ts),
 * each sorted into a person, an organisation or a place by the gazetteers, the words inside the name
 * and the words around it. Rules are tried from the most to the least reliable, in `span`, `single`
 * and `multi`.
 *
 * The rules stay in one class: they share the sentence's state (the tokens already taken by a
 * name) and their order is the algorithm, which reads in one place. Only the two passes that find
 * organisations before any name (an expansion before its acronym in brackets, a lower-case head)
 * live with the organisations' other rules.
 */
import { blankBetween, gap, type SentenceContext, textOf, whereOf } from "./context.js";
import { FIRST_NAME_KEYS, isOrgAcronym, NON_ENTITIES, ORGS, PLACES } from "./gazetteer.js";
import {
  CONNECTORS,
  DEMONYMS,
  DETERMINERS,
  HONORIFICS,
  LAW_WORDS,
  MONTHS,
  NAMED_WITH_NOUN,
  ORG_MARKERS,
  PARTY_WORDS,
  PLACE_MARKERS,
  PLACE_PREFIXES,
  ROLES,
  STOP_CAPS,
  WEEKDAYS,
} from "./lexicon.js";
import {
  extendRight,
  type OrgRegistry,
  orgCueAfter,
  orgCueBefore,
  orgsInBrackets,
  orgsWithLowerCaseHeads,
} from "./organizations.js";
import {
  honorificBefore,
  type PersonRegistry,
  roleAfter,
  roleBefore,
  roleFromCommaPhrase,
} from "./people.js";
import { type PlaceRegistry, placeContextAfter, placeCueBefore } from "./places.js";
import { findSpans, hasMarker, isNameToken, MAX_NAME_TOKENS, nameLike, placeMarked } from "./spans.js";
import type { Token } from "./text.js";

export interface NameRegistries {
  people: PersonRegistry;
  orgs: OrgRegistry;
  places: PlaceRegistry;
}

/** Sentence-level work: spans are found, then each is classified and registered. */
class SentenceNames {
  private readonly consumed: boolean[];

  constructor(
    private readonly ctx: SentenceContext,
    private readonly reg: NameRegistries,
  ) {
    this.consumed = ctx.tokens.map(() => false);
  }

  private text(i: number, j: number): string {
    return textOf(this.ctx, i, j);
  }

  private consume(i: number, j: number): void {
    for (let k = i; k < j; k++) this.consumed[k] = true;
  }

  run(): void {
    // Organisations a bracket or a lower-case head reveals go first: their tokens are then taken.
    orgsInBrackets(this.ctx, this.reg.orgs, this.consumed);
    orgsWithLowerCaseHeads(this.ctx, this.reg.orgs, this.consumed);
    for (const [i, j] of findSpans(this.ctx, this.consumed)) {
      if (this.consumed[i]) continue;
      if (j - i > MAX_NAME_TOKENS) this.gazetteerOnly(i, j);
      else this.span(i, j);
    }
  }

  private span(i0: number, j: number): void {
    const { ctx } = this;
    const { tokens } = ctx;
    let i = i0;
    if (ctx.titleCase) {
      this.gazetteerOnly(i, j);
      return;
    }
    let honorific = false;
    while (i < j) {
      const t = tokens[i] as Token;
      if (PLACES.matchAt(ctx.text, tokens, i, j) > 0 || ORGS.matchAt(ctx.text, tokens, i, j) > 0) break;
      if (HONORIFICS.has(t.key) && i + 1 < j) honorific = true;
      else if (
        !(
          ctx.lex.stopwords.has(t.text.toLowerCase()) ||
          (DEMONYMS.has(t.key) && !hasMarker(this.ctx, i + 1, j)) ||
          !t.cap ||
          (ROLES.has(t.key) && t.acronym) ||
          (i === 0 && STOP_CAPS.has(t.key))
        )
      )
        break;
      i++;
    }
    if (i >= j) return;
    // Known names may go on with lower-case words: "Médecins sans frontières".
    const knownOrg = ORGS.matchAt(ctx.text, tokens, i);
    if (knownOrg > j - i && !this.consumed.slice(i, i + knownOrg).some(Boolean)) {
      j = i + knownOrg;
      this.consume(i, j);
    }
    const skip = NON_ENTITIES.matchAt(ctx.text, tokens, i, j);
    if (skip === j - i) return;
    if (skip > 0) i += skip;
    const known = Math.max(PLACES.matchAt(ctx.text, tokens, i, j), ORGS.matchAt(ctx.text, tokens, i, j));
    // A title inside the run: "Thai Prime Minister Paetongtarn Shinawatra", "Los Angeles Mayor Karen Bass".
    for (let r = j - 2; r >= i + known; r--) {
      const t = tokens[r] as Token;
      if (t.cap && ROLES.has(t.key) && nameLike(this.ctx, r + 1, j)) {
        if (r > i) this.span(i, r);
        const lead = roleBefore(ctx, i);
        const role = this.text(i, r + 1);
        this.person(r + 1, j, lead !== null && !role.includes(lead) ? `${lead} ${role}` : role);
        return;
      }
    }
    // A first name inside the run starts a person: "l'Intérieur Gérard Collomb", "(AFP) Nicolas Joel",
    // "son collègue de l'Assemblée Thierry Solère".
    if (known < j - i && !FIRST_NAME_KEYS.has((tokens[i] as Token).key)) {
      // Only after what cannot start a name: a known name, an acronym, an organisation's head or a
      // portfolio ("de l'Intérieur"); "Chief executive Maziar Mike Doustdar" stays whole.
      const lead = tokens[i] as Token;
      const prev = tokens[i - 1];
      const splittable =
        known > 0 ||
        lead.acronym ||
        ORG_MARKERS.has(lead.key) ||
        (prev !== undefined && !prev.cap && CONNECTORS.has(prev.key));
      for (let k = i + Math.max(known, 1); splittable && k < j - 1; k++) {
        if (
          FIRST_NAME_KEYS.has((tokens[k] as Token).key) &&
          nameLike(this.ctx, k, j) &&
          !placeMarked(this.ctx, i, k)
        ) {
          this.span(i, k);
          this.person(k, j, null);
          return;
        }
      }
    }
    // A French head alone ("Fonds") goes on with its adjectives: "Fonds monétaire international".
    if (j - i === 1 && ctx.lex.lang === "fr" && ORG_MARKERS.has((tokens[i] as Token).key)) {
      const end = extendRight(ctx, j, ctx.lex.stopwords);
      if (end > j) {
        this.org(i, end, true);
        return;
      }
    }
    if (j - i === 1) {
      if ((tokens[i] as Token).text.length > 1) this.single(i, honorific);
    } else this.multi(i, j, honorific);
  }

  private gazetteerOnly(i: number, j: number): void {
    const { ctx, reg } = this;
    for (let k = i; k < j; k++) {
      const p = PLACES.matchAt(ctx.text, ctx.tokens, k, j);
      const o = ORGS.matchAt(ctx.text, ctx.tokens, k, j);
      const at = whereOf(ctx, (ctx.tokens[k] as Token).start);
      if (p > 0) reg.places.add(this.text(k, k + p), at);
      else if (o > 0) reg.orgs.add(this.text(k, k + o), null, at, false);
      else if (isOrgAcronym(ctx.tokens[k] as Token)) reg.orgs.addAcronym((ctx.tokens[k] as Token).text, at);
      k += Math.max(p, o, 1) - 1;
    }
  }

  private person(i: number, j: number, role: string | null): void {
    const { ctx, reg } = this;
    const name = this.text(i, j);
    const roles = [role, roleBefore(ctx, i), roleFromCommaPhrase(ctx, i), roleAfter(ctx, j)];
    const where = whereOf(ctx, (ctx.tokens[i] as Token).start);
    if (j - i === 1 && reg.people.mention((ctx.tokens[i] as Token).key, null)) {
      for (const r of roles) if (r !== null) reg.people.mention((ctx.tokens[i] as Token).key, r);
      return;
    }
    reg.people.add(name, null, where);
    for (const r of roles) if (r !== null) reg.people.add(name, r, where);
  }

  private org(i: number, j: number, learned: boolean): void {
    const { ctx, reg } = this;
    const end = ctx.lex.lang === "fr" && learned ? extendRight(ctx, j, ctx.lex.stopwords) : j;
    const bracket = this.bracketAfter(end);
    reg.orgs.add(
      this.text(i, end),
      bracket?.text ?? null,
      whereOf(ctx, (ctx.tokens[i] as Token).start),
      learned,
    );
    if (bracket !== null) this.consume(end, bracket.end);
  }

  /** "(SPD)" or "(Cal Fire)" right after a name. */
  private bracketAfter(j: number): { text: string; end: number } | null {
    const { ctx } = this;
    if (j >= ctx.tokens.length || !/\($/.test(gap(ctx, j - 1, j))) return null;
    let k = j;
    while (
      k < ctx.tokens.length &&
      isNameToken(ctx.tokens[k] as Token) &&
      (k === j || blankBetween(ctx, k - 1, k))
    )
      k++;
    if (k === j || !/^\)/.test(ctx.text.slice((ctx.tokens[k - 1] as Token).end))) return null;
    return { text: this.text(j, k), end: k };
  }

  private place(i: number, j: number): void {
    const { ctx } = this;
    // French names a square or a chapel with its noun ("place Saint-Pierre", "chapelle Sixtine")
    // unless the name stands on its own ("la cathédrale Notre-Dame de Paris", "la butte Montmartre").
    const noun = ctx.tokens[i - 1];
    const withNoun =
      noun !== undefined &&
      !noun.cap &&
      NAMED_WITH_NOUN.has(noun.key) &&
      blankBetween(ctx, i - 1, i) &&
      PLACES.matchAt(ctx.text, ctx.tokens, i, j) !== j - i;
    const from = withNoun ? i - 1 : i;
    this.reg.places.add(this.text(from, j), whereOf(ctx, (ctx.tokens[from] as Token).start));
  }

  private single(i: number, honorific: boolean): void {
    const { ctx, reg } = this;
    const t = ctx.tokens[i] as Token;
    const at = whereOf(ctx, t.start);
    // "U.S. Federal Trade Commission": a dotted country before a name is an adjective.
    const next = ctx.tokens[i + 1];
    if (t.text.includes(".") && next?.cap && /^\.?\s+$/.test(gap(ctx, i, i + 1))) return;
    // "Paris-Marseille", "Paris-Bordeaux": two places joined by a hyphen.
    const parts = t.text.split("-");
    if (parts.length === 2 && parts.every((p) => PLACES.has(p))) {
      for (const p of parts) reg.places.add(p, whereOf(ctx, t.start + t.text.indexOf(p)));
      return;
    }
    // "in May": a month is neither a place nor a person, whatever the preposition.
    if (MONTHS.has(t.key) || WEEKDAYS.has(t.key)) return;
    if (PARTY_WORDS.has(t.key)) {
      reg.orgs.add(t.text, null, at, true);
      return;
    }
    if (
      PLACES.matchAt(ctx.text, ctx.tokens, i, i + 1) === 1 &&
      !(ctx.lex.lang === "fr" && t.key === "mars")
    ) {
      this.place(i, i + 1);
    } else if (ORGS.matchAt(ctx.text, ctx.tokens, i, i + 1) === 1) reg.orgs.add(t.text, null, at, false);
    else if (isOrgAcronym(t)) {
      const bracket = this.bracketAfter(i + 1);
      if (bracket !== null) this.consume(i + 1, bracket.end);
      reg.orgs.addAcronym(t.text, at);
    } else if (reg.people.bySurname(t.key) !== undefined) this.person(i, i + 1, null);
    else if (reg.orgs.find(t.key) !== undefined || reg.orgs.byFirstWord(t.key) !== undefined) return;
    else if (
      honorific ||
      honorificBefore(ctx, i) ||
      roleBefore(ctx, i) !== null ||
      roleFromCommaPhrase(ctx, i) !== null
    )
      this.person(i, i + 1, null);
    else if (orgCueBefore(ctx, i) || orgCueAfter(ctx, i + 1)) this.org(i, i + 1, true);
    else if (placeCueBefore(ctx, i) || placeContextAfter(ctx, i + 1)) this.place(i, i + 1);
    else if (roleAfter(ctx, i + 1) !== null && i > 0) this.person(i, i + 1, null);
  }

  private multi(i: number, j: number, honorific: boolean): void {
    const { ctx } = this;
    const { tokens } = ctx;
    const n = j - i;
    // "JE NE VAIS PAS": shouting, not a name (known names were matched before).
    if (tokens.slice(i, j).every((t) => t.acronym) && ORGS.matchAt(ctx.text, tokens, i, j) === 0) return;
    if (PLACES.matchAt(ctx.text, tokens, i, j) === n) {
      this.place(i, j);
      return;
    }
    const name = nameLike(this.ctx, i, j);
    if (ORGS.matchAt(ctx.text, tokens, i, j) > 0) {
      this.org(i, j, false);
      return;
    }
    // "Digital Markets Act (DMA)", "loi Climat": laws and treaties are not organisations.
    if (LAW_WORDS.has((tokens[j - 1] as Token).key) || LAW_WORDS.has((tokens[i] as Token).key)) {
      const bracket = this.bracketAfter(j);
      if (bracket !== null) this.consume(j, bracket.end);
      return;
    }
    // "Stade Toulousain", "Stade Rennais": a club; "Stade de France": a place.
    const second = tokens[i + 1];
    if ((tokens[i] as Token).key === "stade" && second?.cap && /(?:ais|ain|ois|ien|in)$/.test(second.key)) {
      this.org(i, j, true);
      return;
    }
    if (
      hasMarker(this.ctx, i, j) &&
      !(FIRST_NAME_KEYS.has((tokens[i] as Token).key) && !hasMarker(this.ctx, i, i + 1))
    ) {
      this.org(i, j, true);
      return;
    }
    if (isOrgAcronym(tokens[i] as Token)) {
      this.org(i, j, true);
      return;
    }
    if (!name && tokens.slice(i, j).every((t) => /[sx]$/.test(t.key))) {
      this.org(i, j, true);
      return;
    }
    if (PLACE_PREFIXES.has((tokens[i] as Token).key)) {
      this.place(i, j);
      return;
    }
    const bracket = this.bracketAfter(j);
    if (bracket !== null && (tokens[bracket.end - 1] as Token).acronym) {
      this.org(i, j, true);
      return;
    }
    for (let k = i; k < j; k++)
      if (PLACE_MARKERS.has((tokens[k] as Token).key)) {
        this.place(i, j);
        return;
      }
    if (
      name &&
      (honorific ||
        honorificBefore(ctx, i) ||
        roleBefore(ctx, i) !== null ||
        roleFromCommaPhrase(ctx, i) !== null ||
        roleAfter(ctx, j) !== null)
    ) {
      this.person(i, j, null);
      return;
    }
    if (orgCueBefore(ctx, i) || orgCueAfter(ctx, j)) {
      this.org(i, j, true);
      return;
    }
    // "à Manuel Valls": a first name wins over a place preposition.
    if (name && FIRST_NAME_KEYS.has((tokens[i] as Token).key)) {
      this.person(i, j, null);
      return;
    }
    if (placeCueBefore(ctx, i) || placeContextAfter(ctx, j)) {
      this.place(i, j);
      return;
    }
    if (name && FIRST_NAME_KEYS.has((tokens[i] as Token).key)) {
      this.person(i, j, null);
      return;
    }
    // Known names inside an unknown run ("Festival de Cannes", "Rendre Amazon"): keep those only.
    let inner = false;
    for (let k = i; k < j; k++) {
      const p = PLACES.matchAt(ctx.text, tokens, k, j);
      const o = p > 0 ? 0 : ORGS.matchAt(ctx.text, tokens, k, j);
      if (p > 0) this.place(k, k + p);
      else if (o > 0)
        this.reg.orgs.add(this.text(k, k + o), null, whereOf(ctx, (tokens[k] as Token).start), false);
      if (p + o > 0) {
        inner = true;
        k += p + o - 1;
      }
    }
    // Last resort: a run that looks like a name, unless an article stands before it ("the App Store").
    const before = tokens[i - 1];
    if (!inner && name && !(before !== undefined && DETERMINERS.has(before.key) && !before.cap))
      this.person(i, j, null);
  }
}

/** Find and register the people, organisations and places of one sentence. */
export function findNames(ctx: SentenceContext, reg: NameRegistries): void {
  new SentenceNames(ctx, reg).run();
}
