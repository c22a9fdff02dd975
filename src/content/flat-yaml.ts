/**
 * A fast path for the front matter nearly every article has: one `key: value` per line, values
 * plain words, simply quoted text or a one-line list of words. The full YAML parser was a fifth of
 * a cold load's parsing; this gives the same values for those lines and returns null for anything
 * else (nesting, escapes, numbers, booleans, anchors, comments after values), which then goes to
 * the full parser, errors included.
 */

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?:[ ]+(.*))?$/;
/** Starts a plain scalar that YAML would read as something else (indicator characters). */
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/;
/** YAML 1.2 core schema scalars that are not strings: null, booleans, integers, floats. */
const NOT_A_STRING =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** Whitespace YAML does not treat as such (JavaScript's trim would): no-break spaces, BOM, \v, \f, \r. */
const OTHER_WHITESPACE = /[^\S \t\n]/;

export function parseFlatYaml(text: string): Record<string, unknown> | null {
  if (OTHER_WHITESPACE.test(text)) return null;
  const fields: Record<string, unknown> = {};
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.startsWith("#")) continue;
    const match = KEY_LINE.exec(line.trimEnd());
    if (!match) return null;
    const [, key = "", raw = ""] = match;
    // Keys YAML would read as null or a boolean, or refuse (over 1,024 characters), go to the parser.
    if (Object.hasOwn(fields, key) || key === "__proto__" || NOT_A_STRING.test(key) || key.length > 1024)
      return null;
    const value = raw.startsWith("[") ? flowList(raw) : scalar(raw);
    if (value === null) return null;
    fields[key] = value;
  }
  return fields;
}

/** `[a, b, "c d"]` with scalar items only; null for anything the full parser must see. */
function flowList(raw: string): string[] | null {
  if (!raw.endsWith("]")) return null;
  const inner = raw.slice(1, -1);
  if (/[[\]{}]/.test(inner)) return null;
  if (inner.trim() === "") return [];
  const items: string[] = [];
  for (const part of inner.split(",")) {
    const item = scalar(part.trim());
    if (item === null) return null;
    items.push(item);
  }
  return items;
}

/** A plain or simply quoted scalar that YAML reads as this very string; null otherwise. */
function scalar(raw: string): string | null {
  if (raw === "") return null;
  const quote = raw[0];
  if (quote === '"' || quote === "'") {
    const body = raw.slice(1, -1);
    const simple = raw.length >= 2 && raw.endsWith(quote) && !body.includes(quote) && !body.includes("\\");
    return simple ? body : null;
  }
  if (INDICATOR_START.test(raw) || raw.includes(": ") || raw.includes(" #") || raw.includes("\t"))
    return null;
  if (raw.endsWith(":") || NOT_A_STRING.test(raw)) return null;
  return raw;
}
