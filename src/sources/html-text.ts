/**
 * Small HTML-to-text helpers for feed fields: titles that carry markup, and a quick plain-text
 * view of a description to judge whether it is a teaser. Block elements become line breaks,
 * script and style are dropped, entities decoded (htmlparser2 in HTML mode).
 */
import { Parser } from "htmlparser2";

const BLOCKS = new Set([
  "p",
  "div",
  "br",
  "li",
  "ul",
  "ol",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "pre",
  "tr",
  "table",
  "section",
  "article",
  "header",
  "footer",
  "figure",
  "figcaption",
  "hr",
  "dd",
  "dt",
]);
const SKIPPED = new Set(["script", "style", "noscript", "template"]);

/** Plain text of an HTML fragment: blocks on their own lines, runs of spaces collapsed. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(/[ \t\r\f\v\u00a0]+/g, " ").trim();
  let out = "";
  let skipping = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED.has(name)) skipping++;
        else if (BLOCKS.has(name)) out += "\n";
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) skipping = Math.max(0, skipping - 1);
        else if (BLOCKS.has(name)) out += "\n";
      },
      ontext(text) {
        if (skipping === 0) out += text;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return out
    .split("\n")
    .map((line) => line.replace(/[ \t\r\f\v\u00a0]+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}

/** One line of plain text: for titles and names that arrive with markup. */
export function htmlToLine(html: string): string {
  return htmlToText(html)
    .replace(/\s*\n\s*/g, " ")
    .trim();
}

/** Escapes text for inclusion in HTML. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/** Plain text as HTML paragraphs (JSON Feed's content_text, Atom's type="text"). */
export function textToHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
}

/** Words in a text, for "is this a teaser" decisions. */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}
