import { box, type Line, run, type Style, textLines } from "./terminal.js";

/**
 * A Discord message body (content, embeds, buttons) as the client shows it: the content as
 * markdown, each embed in a box with its colour (title and link, description, fields, footer),
 * then the buttons, numbered for `:press`.
 */

// biome-ignore lint/suspicious/noExplicitAny: recorded JSON from the stand-in
type Json = any;

/** The buttons of a body, in reading order (row by row). */
export function discordButtons(body: Json): { label: string; customId: string; row: number }[] {
  return ((body?.components ?? []) as Json[]).flatMap((row: Json, index: number) =>
    ((row?.components ?? []) as Json[])
      .filter((b: Json) => b?.type === 2 && typeof b.custom_id === "string")
      .map((b: Json) => ({
        label: String(b.label ?? b.emoji?.name ?? "?"),
        customId: b.custom_id,
        row: index,
      })),
  );
}

/** The content and the embeds of a body as lines, boxed at `width`. */
export function discordLines(body: Json, width: number): Line[] {
  const out: Line[] = [];
  if (typeof body?.content === "string" && body.content !== "") out.push(...markdownLines(body.content));
  for (const embed of (body?.embeds ?? []) as Json[]) {
    const head: Line[] = [];
    if (embed.author?.name) head.push([run(String(embed.author.name), { dim: true })]);
    if (embed.title) head.push(...markdownLines(String(embed.title), { bold: true }));
    if (embed.url) head.push([run(String(embed.url), { dim: true })]);
    const description = embed.description ? markdownLines(String(embed.description)) : [];
    const fields: Line[] = ((embed.fields ?? []) as Json[]).flatMap((field: Json) => {
      const name = markdownLines(String(field.name), { bold: true });
      const value = markdownLines(String(field.value));
      // An inline field reads as "name: value" on one line, as the client lays inline fields out in a row.
      if (field.inline && name.length === 1 && value.length === 1)
        return [[...(name[0] ?? []), run(": "), ...(value[0] ?? [])]];
      return [...name, ...value];
    });
    const footer = embed.footer?.text ? textLines(String(embed.footer.text), { dim: true }) : [];
    const color = typeof embed.color === "number" ? embed.color : undefined;
    out.push(...box([head, description, fields, footer], width, color));
  }
  return out;
}

const MARKERS: [string, keyof Style][] = [
  ["**", "bold"],
  ["__", "underline"],
  ["~~", "strike"],
  ["||", "dim"],
  ["*", "italic"],
  ["_", "italic"],
];
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const MASKED_LINK = /^\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/;
const URL = /^https?:\/\/\S+/;

/**
 * Discord markdown as styled lines: escapes, bold, italics, underline, strike, spoilers, inline
 * code, masked links, headings (#), subtext (-#) and quotes (>). A marker with no partner later
 * in the text stays a character, as it does in the client; URLs are never read as markdown.
 */
export function markdownLines(text: string, base: Style = {}): Line[] {
  const lines: Line[] = [];
  const open = new Set<string>();
  let line: Line = [];
  let buffer = "";
  let lineStyle: Style = {};
  const style = (): Style => {
    const s: Style = { ...base, ...lineStyle };
    for (const [marker, key] of MARKERS) if (open.has(marker)) (s as Record<string, boolean>)[key] = true;
    return s;
  };
  const flush = (extra: Style = {}) => {
    if (buffer !== "") line.push(run(buffer, { ...style(), ...extra }));
    buffer = "";
  };
  const startLine = (at: number): number => {
    const head = /^(#{1,3} |-# |> )/.exec(text.slice(at))?.[1];
    lineStyle = head?.startsWith("#") ? { bold: true } : head === "-# " ? { dim: true } : {};
    if (head === "> ") line.push(run("▎ ", { dim: true }));
    return at + (head?.length ?? 0);
  };
  let i = startLine(0);
  while (i < text.length) {
    const rest = text.slice(i);
    const c = text[i] ?? "";
    if (c === "\n") {
      flush();
      lines.push(line);
      line = [];
      i = startLine(i + 1);
      continue;
    }
    if (c === "\\" && ASCII_PUNCTUATION.test(text[i + 1] ?? "")) {
      buffer += text[i + 1];
      i += 2;
      continue;
    }
    const url = URL.exec(rest)?.[0];
    if (url) {
      buffer += url;
      i += url.length;
      continue;
    }
    const link = MASKED_LINK.exec(rest);
    if (link) {
      flush();
      buffer = link[1] ?? "";
      flush({ underline: true });
      buffer = ` <${link[2]}>`;
      flush({ dim: true });
      i += link[0].length;
      continue;
    }
    if (c === "`") {
      const close = text.indexOf("`", i + 1);
      if (close > i + 1) {
        flush();
        buffer = text.slice(i + 1, close);
        flush({ code: true });
        i = close + 1;
        continue;
      }
    }
    const marker = MARKERS.find(([m]) => rest.startsWith(m))?.[0];
    if (marker && (open.has(marker) || text.indexOf(marker, i + marker.length) > i + marker.length)) {
      flush();
      if (open.has(marker)) open.delete(marker);
      else open.add(marker);
      i += marker.length;
      continue;
    }
    buffer += c;
    i += 1;
  }
  flush();
  lines.push(line);
  return lines;
}
