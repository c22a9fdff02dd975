/**
 * Reads a slash command typed the way a Discord user fills it in — `/news query:bitcoin`,
 * `/schedule post article:000_df19e6179d96e4ae when:tomorrow 09:00` — against the commands the
 * bot registered at the stand-in, and checks it as the Discord client does before it sends
 * anything: the command and subcommand exist, every required option is there, integers are
 * integers within their bounds, a value with choices is one of them (ADR 0091).
 *
 * An option's value runs to the next `name:` of an option of that command (so `09:00` and the
 * spaces of a cron stay in the value), or to the end; a value in quotes ("..." or '...') is taken
 * as written, `name:` inside it included. Text before the first option fills the first option not
 * given, as the client puts the cursor in it.
 */

/** A registered chat-input command, as the bot PUT it (the parts read here). */
export interface RegisteredCommand {
  name: string;
  options?: RegisteredOption[];
}

export interface RegisteredOption {
  type: number;
  name: string;
  required?: boolean;
  autocomplete?: boolean;
  min_value?: number;
  max_value?: number;
  max_length?: number;
  choices?: { name: string; value: string | number }[];
  options?: RegisteredOption[];
}

export interface ParsedLine {
  name: string;
  subcommand?: string;
  options: Record<string, string | number>;
  /** For autocomplete: the option being typed (the last one given). */
  focused?: string;
}

const SUBCOMMAND = 1;
const INTEGER = 4;
const NUMBER = 10;

/** The line as an interaction, or what the Discord client would say instead of sending it. */
export function parseDiscordLine(
  line: string,
  commands: readonly RegisteredCommand[],
  mode: { autocomplete?: boolean } = {},
): ParsedLine | { error: string } {
  const head = /^\/([^\s:]+)\s*(.*)$/s.exec(line.trim());
  if (!head) return { error: "A slash command starts with /, e.g. /news query:bitcoin" };
  const [, name = "", afterName = ""] = head;
  const command = commands.find((c) => c.name === name.toLowerCase());
  if (!command) {
    return { error: `No command /${name}. Commands: ${commands.map((c) => `/${c.name}`).join(" ")}` };
  }
  let rest = afterName;
  let subcommand: string | undefined;
  let specs = command.options ?? [];
  const subcommands = specs.filter((o) => o.type === SUBCOMMAND);
  if (subcommands.length > 0) {
    const [word = "", tail = ""] = rest.split(/\s+(.*)/s);
    const leaf = subcommands.find((s) => s.name === word.toLowerCase());
    if (!leaf) {
      const known = subcommands.map((s) => s.name).join(", ");
      return { error: `/${command.name} needs one of: ${known}${word ? ` (not "${word}")` : ""}` };
    }
    subcommand = leaf.name;
    specs = leaf.options ?? [];
    rest = tail;
  }
  const where = `/${command.name}${subcommand ? ` ${subcommand}` : ""}`;
  const split = splitOptions(
    rest,
    specs.map((s) => s.name),
  );
  if ("error" in split) return { error: `${where}: ${split.error}` };
  const given = split.given;
  if (split.bare !== "") {
    const first = specs.find((s) => !given.has(s.name));
    if (!first) return { error: `${where}: "${split.bare}" is not an option value; write name:value` };
    given.set(first.name, split.bare);
  }
  const options: Record<string, string | number> = {};
  for (const spec of specs) {
    const value = given.get(spec.name);
    // "query:" with nothing after it is an option left empty: the client does not send it.
    if (value === undefined || (value === "" && !mode.autocomplete)) {
      if (spec.required && !mode.autocomplete) return { error: `${where}: ${spec.name} is required` };
      continue;
    }
    if (mode.autocomplete) {
      options[spec.name] = value;
      continue;
    }
    const checked = checkValue(spec, value);
    if (typeof checked === "object") return { error: `${where}: ${checked.error}` };
    options[spec.name] = checked;
  }
  const parsed: ParsedLine = { name: command.name, options };
  if (subcommand) parsed.subcommand = subcommand;
  if (mode.autocomplete) {
    const focused = [...given.keys()].at(-1) ?? specs.find((s) => s.autocomplete)?.name;
    if (focused) {
      parsed.focused = focused;
      options[focused] ??= "";
    }
  }
  return parsed;
}

/** The values as the client sends them: integers as numbers, within bounds and choices. */
function checkValue(spec: RegisteredOption, value: string): string | number | { error: string } {
  let typed: string | number = value;
  if (spec.type === INTEGER || spec.type === NUMBER) {
    const pattern = spec.type === INTEGER ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/;
    if (!pattern.test(value))
      return { error: `${spec.name} must be a ${spec.type === INTEGER ? "whole " : ""}number` };
    typed = Number(value);
    if (spec.min_value !== undefined && typed < spec.min_value)
      return { error: `${spec.name} must be at least ${spec.min_value}` };
    if (spec.max_value !== undefined && typed > spec.max_value)
      return { error: `${spec.name} must be at most ${spec.max_value}` };
  } else if (spec.max_length !== undefined && value.length > spec.max_length) {
    return { error: `${spec.name} takes at most ${spec.max_length} characters` };
  }
  if (spec.choices && !spec.choices.some((c) => c.value === typed)) {
    return { error: `${spec.name} must be one of: ${spec.choices.map((c) => c.value).join(", ")}` };
  }
  return typed;
}

/**
 * Splits `text` into the text before any option and `name:value` pairs, for these option names
 * only. Quotes are honoured where a value starts with one and the same quote ends it.
 */
export function splitOptions(
  text: string,
  names: readonly string[],
): { bare: string; given: Map<string, string> } | { error: string } {
  const given = new Map<string, string>();
  if (names.length === 0) return { bare: text.trim(), given };
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&")).join("|");
  const marker = new RegExp(`(?:^|\\s)(${escaped})[:=]`, "gi");
  const nextMarker = (from: number) => {
    marker.lastIndex = from;
    return marker.exec(text);
  };
  let found = nextMarker(0);
  const bare = text.slice(0, found ? found.index : text.length).trim();
  while (found) {
    const name = (found[1] ?? "").toLowerCase();
    const afterMarker = found.index + found[0].length;
    let start = afterMarker;
    while (text[start] === " ") start++;
    const quote = text[start];
    let value: string | undefined;
    let end = start;
    if (quote === '"' || quote === "'") {
      const close = text.indexOf(quote, start + 1);
      if (close > start && (close + 1 === text.length || /\s/.test(text[close + 1] ?? ""))) {
        value = text.slice(start + 1, close);
        end = close + 1;
      }
    }
    // From just after "name:", so that "article: when:…" leaves article empty.
    const next = nextMarker(value === undefined ? afterMarker : end);
    if (value === undefined) value = text.slice(start, next ? next.index : text.length).trim();
    else if (next && text.slice(end, next.index).trim() !== "") {
      return { error: `text after the quoted value of ${name}: "${text.slice(end, next.index).trim()}"` };
    } else if (!next && text.slice(end).trim() !== "") {
      return { error: `text after the quoted value of ${name}: "${text.slice(end).trim()}"` };
    }
    if (given.has(name)) return { error: `${name} is given twice` };
    given.set(name, value);
    found = next;
  }
  return { bare, given };
}
