import { Parser } from "htmlparser2";
import { type Line, run, type Style } from "./terminal.js";

/**
 * Telegram's HTML (parse_mode "HTML": b, i, u, s, a, code, pre, blockquote, tg-spoiler) as
 * styled lines, the way the Telegram app shows it: tags become styles, entities are decoded,
 * a link keeps its address after the text. Unknown tags keep their text, as Telegram does not
 * (it refuses them), because the emulator's strictness already reports those.
 */
export function telegramLines(html: string, parseMode: string | undefined): Line[] {
  if (parseMode?.toUpperCase() !== "HTML") return html.split("\n").map((l) => (l ? [run(l)] : []));
  const lines: Line[] = [[]];
  const stack: { tag: string; style: Style; href?: string; text: string }[] = [];
  const current = (): Style => Object.assign({}, ...stack.map((s) => s.style));
  const quoted = () => stack.some((s) => s.tag === "blockquote");
  const write = (text: string, style: Style) => {
    text.split("\n").forEach((part, i) => {
      if (i > 0) lines.push(quoted() ? [run("▎ ", { dim: true })] : []);
      if (part !== "") lines.at(-1)?.push(run(part, style));
    });
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const style = TAG_STYLES[name] ?? (attributes.class === "tg-spoiler" ? { dim: true } : {});
        stack.push({ tag: name, style, href: name === "a" ? attributes.href : undefined, text: "" });
        if (name === "blockquote") {
          if ((lines.at(-1)?.length ?? 0) > 0) lines.push([]);
          lines.at(-1)?.push(run("▎ ", { dim: true }));
        }
      },
      ontext(text) {
        for (const open of stack) open.text += text;
        write(text, current());
      },
      onclosetag(name) {
        const index = stack.map((s) => s.tag).lastIndexOf(name);
        if (index < 0) return;
        const [closed] = stack.splice(index);
        // The address after the text, unless the text is the address.
        if (closed?.href && closed.href !== closed.text.trim()) write(` <${closed.href}>`, { dim: true });
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return lines;
}

const TAG_STYLES: Record<string, Style> = {
  b: { bold: true },
  strong: { bold: true },
  i: { italic: true },
  em: { italic: true },
  u: { underline: true },
  ins: { underline: true },
  s: { strike: true },
  strike: { strike: true },
  del: { strike: true },
  a: { underline: true },
  code: { code: true },
  pre: { code: true },
  "tg-spoiler": { dim: true },
  blockquote: { italic: true },
};
