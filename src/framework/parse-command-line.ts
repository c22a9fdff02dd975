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
 * `name=value` (or `name:value`) sets any declared option by name, hidden ones included.
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

/** Pulls `name=value` tokens for declared option names out of the line. */
function extractNamed(options: readonly OptionSpec[], line: string, args: Args): string {
  const names = new Map(options.map((o) => [o.name.toLowerCase(), o.name]));
  const kept: string[] = [];
  let rest = line;
  for (;;) {
    const token = nextToken(rest);
    if (!token) break;
    const named = /^([a-z_]+)[=:](.+)$/i.exec(token.raw);
    const key = named?.[1] ? names.get(named[1].toLowerCase()) : undefined;
    if (key && named?.[2] !== undefined) args[key] = stripQuotes(named[2]);
    else kept.push(token.raw);
    rest = token.rest;
  }
  return kept.join(" ");
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

function stripQuotes(value: string): string {
  const close = QUOTES[value[0] ?? ""];
  return close && value.length > 1 && value.endsWith(close) ? value.slice(1, -1) : value;
}

/** "\"bitcoin mining\"" as a whole last option means the words inside. */
function unquoteWhole(value: string): string {
  const close = QUOTES[value[0] ?? ""];
  if (close && value.length > 1 && value.endsWith(close) && value.indexOf(close, 1) === value.length - 1) {
    return value.slice(1, -1);
  }
  return value;
}
