import type { Args, OptionSpec } from "./command.js";
import type { CommandRegistry, Invocation } from "./run-command.js";

/** A typed command line, parsed: the invocation plus the bot it was addressed to (/news@MyBot). */
export interface ParsedLine extends Invocation {
  addressedTo: string | null;
}

const COMMAND = /^\/([\p{L}\p{N}_-]{1,32})(?:@([\w]+))?(?=\s|$)/u;
const QUOTES: Record<string, string> = { '"': '"', "“": "”", "«": "»" };

/**
 * Parses "/news bitcoin", "/news@Bot bitcoin", "/schedule post seed in 2h", "/article id part=2".
 * Options are read in declaration order, one token each (quotes group words); the last visible
 * option takes the rest of the line, so "/news l'électricité du pays" searches all of it.
 * `name:value` (or `name=value`) sets a declared option by name (hidden ones included, and by its
 * placeholder in either language, "quand:demain 09:00"): the value runs to the next option name
 * or the end, so "/schedule post article:seed when:tomorrow 09:00" and "cron:0 9 * * 1-5" read
 * whole, as Discord's own form does; a quoted value ("when:\"tomorrow 09:00\"") is the words inside.
 * Returns null when the text is not a command.
 */
export function parseCommandLine(text: string, commands: CommandRegistry): ParsedLine | null {
  const trimmed = text.trim();
  const head = COMMAND.exec(trimmed);
  if (!head?.[1]) return null;
  const name = head[1].toLowerCase();
  const addressedTo = head[2] ?? null;
  let rest = trimmed.slice(head[0].length).trim();
  const command = commands.get(name);
  if (!command) return { command: name, args: {}, addressedTo };

  let subcommand: string | undefined;
  let options: readonly OptionSpec[] = command.options;
  if (command.subcommands) {
    const first = nextToken(rest);
    subcommand = first?.value.toLowerCase();
    rest = first?.rest ?? "";
    options = command.subcommands.find((s) => s.name === subcommand)?.options ?? [];
  }
  return { command: name, subcommand, args: readOptions(options, rest), addressedTo };
}

function readOptions(options: readonly OptionSpec[], line: string): Args {
  const args: Args = {};
  let rest = extractNamed(options, line, args);
  const positional = options.filter((o) => !o.hidden && args[o.name] === undefined);
  positional.forEach((option, index) => {
    if (rest === "") return;
    const isLast = index === positional.length - 1;
    const custom = option.consume?.(rest);
    if (custom) {
      args[option.name] = custom.value;
      rest = custom.rest.trim();
    } else if (isLast && option.type !== "integer") {
      args[option.name] = unquoteWhole(rest);
      rest = "";
    } else {
      const token = nextToken(rest);
      if (!token) return;
      args[option.name] = token.value;
      rest = token.rest;
    }
  });
  return args;
}

/** "name:" or "name=" at the start of a token: the name is checked against the declared options. */
const NAMED = /^([\p{L}_][\p{L}\p{N}_-]*)[=:]/u;

/** Where a named option starts in the line and where its value starts. */
interface NamedAt {
  option: OptionSpec;
  start: number;
  valueStart: number;
}

/**
 * Takes the named options out of the line into `args`; returns what is left for the positional
 * ones: the text before the first name, then what a named value did not take (after a quoted
 * value, or after what a `consume` hook took: "cron:0 9 * * 1-5 bitcoin" leaves "bitcoin").
 */
function extractNamed(options: readonly OptionSpec[], line: string, args: Args): string {
  const byName = new Map<string, OptionSpec>();
  for (const option of options) {
    for (const alias of [option.name, option.placeholder?.en, option.placeholder?.fr]) {
      if (alias) byName.set(alias.toLowerCase(), option);
    }
  }
  const found = findNamed(line, byName);
  if (found.length === 0) return line;
  const left = [line.slice(0, found[0]?.start).trim()];
  found.forEach((named, i) => {
    const end = found[i + 1]?.start ?? line.length;
    const { value, rest } = namedValue(named.option, line.slice(named.valueStart, end).trim());
    args[named.option.name] = value;
    left.push(rest);
  });
  return left.filter((part) => part !== "").join(" ");
}

/** Every `name:` token of a declared option, skipping quoted spans (a quote may hold "when:"). */
function findNamed(line: string, byName: ReadonlyMap<string, OptionSpec>): NamedAt[] {
  const found: NamedAt[] = [];
  let at = 0;
  while (at < line.length) {
    const start = line.slice(at).search(/\S/);
    if (start < 0) break;
    at += start;
    const close = QUOTES[line[at] ?? ""];
    if (close) {
      const end = line.indexOf(close, at + 1);
      if (end > at) {
        at = end + 1;
        continue;
      }
    }
    const token = /^\S+/.exec(line.slice(at))?.[0] ?? "";
    const named = NAMED.exec(token);
    const option = named?.[1] ? byName.get(named[1].toLowerCase()) : undefined;
    if (named && option) {
      const valueStart = at + named[0].length;
      found.push({ option, start: at, valueStart });
      // A quoted value is skipped whole, so a name inside it is words, not an option.
      const quote = QUOTES[line[valueStart] ?? ""];
      const end = quote ? line.indexOf(quote, valueStart + 1) : -1;
      if (end > valueStart) {
        at = end + 1;
        continue;
      }
    }
    at += token.length;
  }
  return found;
}

/** A named option's value: quoted words, what its `consume` hook takes, or all of it. */
function namedValue(option: OptionSpec, text: string): { value: string; rest: string } {
  const close = QUOTES[text[0] ?? ""];
  if (close) {
    const end = text.indexOf(close, 1);
    if (end > 0) return { value: text.slice(1, end), rest: text.slice(end + 1).trim() };
  }
  const custom = option.consume?.(text);
  if (custom) return { value: custom.value, rest: custom.rest.trim() };
  return { value: text, rest: "" };
}

interface Token {
  value: string;
  raw: string;
  rest: string;
}

function nextToken(text: string): Token | null {
  const s = text.trimStart();
  if (s === "") return null;
  const open = s[0] ?? "";
  const close = QUOTES[open];
  if (close) {
    const end = s.indexOf(close, 1);
    if (end > 0) {
      return { value: s.slice(1, end), raw: s.slice(0, end + 1), rest: s.slice(end + 1).trimStart() };
    }
  }
  const match = /^\S+/.exec(s);
  const raw = match?.[0] ?? s;
  return { value: raw, raw, rest: s.slice(raw.length).trimStart() };
}

/** "\"bitcoin mining\"" as a whole last option means the words inside. */
function unquoteWhole(value: string): string {
  const close = QUOTES[value[0] ?? ""];
  if (close && value.length > 1 && value.endsWith(close) && value.indexOf(close, 1) === value.length - 1) {
    return value.slice(1, -1);
  }
  return value;
}
