/**
 * Styled text for the try tool's terminal: a line is a list of runs (text + style), so wrapping
 * and boxes work on visible characters and every printed line carries its own complete styling
 * (nested styles never cancel each other, a wrapped line never leaks a colour into a border).
 * On a terminal the runs become ANSI escapes; elsewhere (a pipe, a test, NO_COLOR) plain text.
 */

export interface Style {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  dim?: boolean;
  code?: boolean;
  /** A 24-bit colour for the text (Discord's embed colour on a box border). */
  rgb?: number;
}

export interface Run {
  text: string;
  style: Style;
}

export type Line = Run[];

export interface Terminal {
  /** Escapes allowed (a TTY without NO_COLOR). */
  ansi: boolean;
  /** Columns to wrap at (Infinity: never wrap). */
  width: number;
}

/**
 * The terminal of a stream: on a TTY styled and wrapped at its width; elsewhere (a pipe, a file,
 * a test) plain text wrapped at COLUMNS, or 100 when that is not set.
 */
export function terminalOf(
  stream: { isTTY?: boolean; columns?: number },
  env: { NO_COLOR?: string; COLUMNS?: string },
): Terminal {
  const tty = stream.isTTY === true;
  const columns = tty ? stream.columns : Number(env.COLUMNS) || 100;
  return { ansi: tty && (env.NO_COLOR ?? "") === "", width: Math.max(30, columns ?? 80) };
}

export const run = (text: string, style: Style = {}): Run => ({ text, style });

/** How many columns a string takes (code points; wide characters are rare in news text). */
export function columns(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export const lineWidth = (line: Line): number => line.reduce((sum, r) => sum + columns(r.text), 0);

/** One printed line: every run opens its full style and the line ends reset. */
export function serialize(line: Line, term: Terminal): string {
  if (!term.ansi) return line.map((r) => r.text).join("");
  let out = "";
  let open = "";
  for (const { text, style } of line) {
    const codes = sgr(style).join(";");
    // Runs of one style (text cut at entities, words of a wrap) share one escape.
    if (codes !== open) out += `${open ? "\x1b[0m" : ""}${codes ? `\x1b[0;${codes}m` : ""}`;
    open = codes;
    out += text;
  }
  return open ? `${out}\x1b[0m` : out;
}

function sgr(style: Style): string[] {
  const codes: string[] = [];
  if (style.bold) codes.push("1");
  if (style.dim) codes.push("2");
  if (style.italic) codes.push("3");
  if (style.underline) codes.push("4");
  if (style.strike) codes.push("9");
  if (style.code) codes.push("36");
  if (style.rgb !== undefined) {
    codes.push(`38;2;${(style.rgb >> 16) & 255};${(style.rgb >> 8) & 255};${style.rgb & 255}`);
  }
  return codes;
}

/** A bullet or a numbered item: its continuation lines hang under the text, not the marker. */
const HANGING = /^(\s*(?:[•◦▪-]|\d+[.)])\s+|\s+)/;

/**
 * Word-wraps one line to `width` columns. Spaces between words are kept (one run each), spaces at
 * a break are dropped, a word longer than the line is cut, and a bullet's text hangs under itself.
 */
export function wrap(line: Line, width: number): Line[] {
  if (!Number.isFinite(width) || lineWidth(line) <= width) return [line];
  const plain = line.map((r) => r.text).join("");
  const hang = Math.min(columns(HANGING.exec(plain)?.[1] ?? ""), Math.floor(width / 2));
  const words = splitWords(line);
  const out: Line[] = [];
  let current: Line = [];
  let used = 0;
  const breakLine = () => {
    while (current.length > 0 && /^\s+$/.test(current.at(-1)?.text ?? "")) current.pop();
    out.push(current);
    current = hang > 0 ? [run(" ".repeat(hang))] : [];
    used = hang;
  };
  for (const word of words) {
    const space = word.every((r) => /^\s+$/.test(r.text));
    const size = lineWidth(word);
    if (space) {
      if (used > hang || out.length === 0) {
        current.push(...word);
        used += size;
      }
      continue;
    }
    if (used + size > width && used > hang) breakLine();
    if (size <= width - used) {
      current.push(...word);
      used += size;
      continue;
    }
    // Longer than a whole line: cut it where the line ends.
    for (const piece of word) {
      let rest = Array.from(piece.text);
      while (rest.length > 0) {
        if (used >= width) breakLine();
        const take = rest.slice(0, width - used);
        current.push(run(take.join(""), piece.style));
        used += take.length;
        rest = rest.slice(take.length);
      }
    }
  }
  if (current.length > 0 && !(current.length === 1 && hang > 0 && used === hang)) breakLine();
  return out;
}

/** Words (runs not separated by spaces, possibly of several styles) and the spaces between them. */
function splitWords(line: Line): Line[] {
  const words: Line[] = [];
  let word: Line = [];
  for (const r of line) {
    for (const part of r.text.split(/(\s+)/)) {
      if (part === "") continue;
      if (/^\s+$/.test(part)) {
        if (word.length > 0) words.push(word);
        words.push([run(part, r.style)]);
        word = [];
      } else {
        word.push(run(part, r.style));
      }
    }
  }
  if (word.length > 0) words.push(word);
  return words;
}

/** Wraps every line and indents it by `indent` spaces (the width counts the indent). */
export function layout(lines: Line[], width: number, indent = 0): Line[] {
  const pad = indent > 0 ? [run(" ".repeat(indent))] : [];
  return lines.flatMap((line) => wrap(line, width - indent).map((l) => [...pad, ...l]));
}

/**
 * A box around lines, as wide as its widest line up to `width`, its border in `rgb` (an embed's
 * colour). Sections are separated by a rule; empty sections are left out.
 */
export function box(sections: Line[][], width: number, rgb?: number): Line[] {
  const border: Style = rgb === undefined ? { dim: true } : { rgb };
  const inner = Math.max(
    1,
    Math.min(width - 4, Math.max(0, ...sections.flat().map((l) => lineWidth(l)))) || 1,
  );
  const kept = sections.map((s) => s.flatMap((l) => wrap(l, inner))).filter((s) => s.length > 0);
  const edge = (left: string, fill: string, right: string): Line => [
    run(`${left}${fill.repeat(inner + 2)}${right}`, border),
  ];
  const out: Line[] = [edge("╭", "─", "╮")];
  kept.forEach((section, i) => {
    if (i > 0) out.push(edge("├", "─", "┤"));
    for (const l of section) {
      out.push([
        run("│ ", border),
        ...l,
        run(" ".repeat(Math.max(0, inner - lineWidth(l)))),
        run(" │", border),
      ]);
    }
  });
  out.push(edge("╰", "─", "╯"));
  return out;
}

/** Text that may hold newlines, as lines of one style. */
export function textLines(text: string, style: Style = {}): Line[] {
  return text.split("\n").map((l) => (l === "" ? [] : [run(l, style)]));
}
