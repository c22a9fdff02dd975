/**
 * Wraps text for a terminal `width` columns wide: lines break between words, never inside one
 * (a word longer than the line, a URL say, is left whole on a line of its own, so it stays
 * clickable), and a wrapped bullet ("  • …") or numbered line continues under its text.
 */
export function wrapText(text: string, width: number): string {
  if (!Number.isFinite(width) || width < 20) return text;
  return text
    .split("\n")
    .map((line) => wrapLine(line, width))
    .join("\n");
}

function wrapLine(line: string, width: number): string {
  if (columns(line) <= width) return line;
  const indent = /^\s*(?:[•\-*]\s+|\d+[.)]\s+)?/.exec(line)?.[0] ?? "";
  const hanging = " ".repeat(columns(indent));
  const words = line
    .slice(indent.length)
    .split(/ +/)
    .filter((w) => w !== "");
  const out: string[] = [];
  let current = indent;
  let currentWidth = columns(indent);
  let empty = true;
  for (const word of words) {
    const size = columns(word);
    if (!empty && currentWidth + 1 + size > width) {
      out.push(current);
      current = hanging + word;
      currentWidth = hanging.length + size;
    } else {
      current += (empty ? "" : " ") + word;
      currentWidth += (empty ? 0 : 1) + size;
    }
    empty = false;
  }
  out.push(current);
  return out.join("\n");
}

/** Terminal columns of a string: combining marks take none, wide (CJK, emoji) characters two. */
export function columns(text: string): number {
  let n = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (/\p{M}/u.test(char) || code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f)) continue;
    n += isWide(code) ? 2 : 1;
  }
  return n;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}
