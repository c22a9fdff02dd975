import type { Locale } from "../domain/locale.js";
import { typeset } from "./typography.js";

/**
 * Words in every interface language, defined by whoever says them: each command beside its
 * definition, the framework for what all commands share (errors, buttons, fields), the scheduler
 * for its posts, the console for its banner. English is the master: a French book missing a key,
 * or with a key English lacks, is a type error.
 *
 * A template fills `{name}` from its parameters, and picks words by number or value with the ICU
 * forms `{count, plural, one {# article} other {# articles}}` (plural categories from
 * Intl.PluralRules: French "one" covers 0 and 1) and `{field, select, hour {heure} other {#}}`;
 * `#` is the number or value. A key may have a variant for one platform, written `key@telegram`,
 * which wins there ("chat" rather than "channel").
 */
export interface WordBook<K extends string> {
  readonly en: Readonly<Record<K, string>>;
  readonly fr: Readonly<Record<K, string>>;
}

export type Params = Record<string, string | number>;

/** Turns a key into words; the key type is what the caller's books define. */
export type Translate<K extends string> = (key: K, params?: Params) => string;

/** Where words are said, for `key@platform` variants. */
export type WordPlace = "console" | "discord" | "telegram";

/** Defines a book; French gets its typography here, once (src/framework/typography.ts). */
export function defineWords<E extends Record<string, string>>(book: {
  en: E;
  fr: { readonly [P in keyof E]: string };
}): WordBook<Extract<keyof E, string>> {
  const fr: Record<string, string> = {};
  for (const [key, text] of Object.entries(book.fr)) fr[key] = typeset("fr", text);
  return { en: book.en, fr } as unknown as WordBook<Extract<keyof E, string>>;
}

/** Several books as one (a command's own words plus those it shares with others). */
export function mergeWords<A extends string, B extends string>(
  a: WordBook<A>,
  b: WordBook<B>,
): WordBook<A | B> {
  return { en: { ...a.en, ...b.en }, fr: { ...a.fr, ...b.fr } } as WordBook<A | B>;
}

/** The template of `key` in the first book that has it, preferring the platform's variant. */
export function findWords(
  books: readonly WordBook<string>[],
  locale: Locale,
  key: string,
  place?: WordPlace,
): string | undefined {
  for (const book of books) {
    const words = book[locale];
    const found = (place !== undefined ? words[`${key}@${place}`] : undefined) ?? words[key];
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A translator over books, tried in order; a key none has comes out as itself, visibly. */
export function wordsTranslator<K extends string>(
  books: readonly WordBook<string>[],
  locale: Locale,
  place?: WordPlace,
): Translate<K> {
  return (key, params = {}) => fillTemplate(findWords(books, locale, key, place) ?? key, params, locale);
}

/** Fills a template: `{name}`, `{n, plural, …}`, `{v, select, …}`. Unknown placeholders stay visible. */
export function fillTemplate(template: string, params: Params, locale: Locale): string {
  let out = "";
  let at = 0;
  while (at < template.length) {
    const open = template.indexOf("{", at);
    const close = open < 0 ? -1 : matchingBrace(template, open);
    if (close < 0) return out + template.slice(at);
    out += template.slice(at, open) + placeholder(template.slice(open + 1, close), params, locale);
    at = close + 1;
  }
  return out;
}

function placeholder(inner: string, params: Params, locale: Locale): string {
  const form = /^\s*(\w+)\s*,\s*(plural|select)\s*,/.exec(inner);
  if (!form?.[1]) {
    const name = inner.trim();
    return name in params ? String(params[name]) : `{${inner}}`;
  }
  const value = params[form[1]];
  if (value === undefined) return `{${inner}}`;
  const cases = readCases(inner.slice(form[0].length));
  let chosen: string | undefined;
  let shown = String(value);
  if (form[2] === "plural") {
    const n = Number(value);
    shown = numberFormat(locale).format(n);
    chosen = cases.get(`=${n}`) ?? cases.get(pluralRules(locale).select(n));
  } else {
    chosen = cases.get(String(value));
  }
  chosen ??= cases.get("other") ?? "";
  return fillTemplate(chosen.replaceAll("#", shown), params, locale);
}

/** "one {…} other {…}" as a map from selector to its words. */
function readCases(text: string): Map<string, string> {
  const cases = new Map<string, string>();
  const selector = /\s*([=\w-]+)\s*\{/y;
  let at = 0;
  for (;;) {
    selector.lastIndex = at;
    const match = selector.exec(text);
    if (!match?.[1]) break;
    const open = selector.lastIndex - 1;
    const close = matchingBrace(text, open);
    if (close < 0) break;
    cases.set(match[1], text.slice(open + 1, close));
    at = close + 1;
  }
  return cases;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth += 1;
    else if (text[i] === "}") {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

// Building Intl objects is costly: one of each per language.
const plurals = new Map<Locale, Intl.PluralRules>();
const numbers = new Map<Locale, Intl.NumberFormat>();

function pluralRules(locale: Locale): Intl.PluralRules {
  let rules = plurals.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    plurals.set(locale, rules);
  }
  return rules;
}

function numberFormat(locale: Locale): Intl.NumberFormat {
  let format = numbers.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numbers.set(locale, format);
  }
  return format;
}

/**
 * What is wrong with a template, or null: unbalanced braces, or a plural or select without its
 * "other" case. The books are checked by a test, so a typo fails the build rather than a reply.
 */
export function templateProblem(template: string): string | null {
  let depth = 0;
  for (const char of template) {
    if (char === "{") depth += 1;
    else if (char === "}") depth -= 1;
    if (depth < 0) return "a } without its {";
  }
  if (depth !== 0) return "a { without its }";
  for (const match of template.matchAll(/\{\s*\w+\s*,\s*(?:plural|select)\s*,/g)) {
    const close = matchingBrace(template, match.index);
    const cases = readCases(template.slice(match.index + match[0].length, close));
    if (!cases.has("other")) return `"${match[0]}" has no "other" case`;
  }
  return null;
}
