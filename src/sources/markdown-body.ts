/**
 * Blocks to the Markdown body of an article file, written so that Newsdesk's own parser
 * (src/content/parse-front-matter.ts) reads back the same words: every heading becomes a `##`
 * section, paragraphs are one line each, lists and quotes keep their markers, code is fenced.
 * Characters the parser would take as markup are escaped with a backslash it removes again:
 * `*` and `_` (emphasis), "](" (links), a leading `#`, `-`, `+` or "1." (headings, lists,
 * rules), "<!--" (comments). Left as they are, because the parser has no escape for them:
 * backticks (a pair loses its backticks), a leading ">" and inline tags like "<b>".
 */
import type { Block } from "./article-blocks.js";

/** Characters after a backslash that the parser unescapes. */
const UNESCAPED_AFTER_BACKSLASH = /\\(?=[\\`*_{}[\]()#+\-.!])/g;

export function renderBody(blocks: readonly Block[]): string {
  const parts: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case "heading":
        parts.push(`## ${inline(block.text).replace(/#+$/, (m) => `\\${m.split("").join("\\")}`)}`);
        break;
      case "paragraph":
        parts.push(lineStart(inline(block.text)));
        break;
      case "list":
        parts.push(
          block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : "-"} ${inline(item)}`).join("\n"),
        );
        break;
      case "quote":
        parts.push(block.paragraphs.map((p) => `> ${inline(p)}`).join("\n>\n"));
        break;
      case "code":
        parts.push(code(block.text));
        break;
    }
  }
  return `${parts.filter((p) => p.trim() !== "").join("\n\n")}\n`;
}

function inline(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(UNESCAPED_AFTER_BACKSLASH, "\\\\")
    .replace(/[*_]/g, "\\$&")
    .replace(/\]\(/g, "]\\(")
    .replace(/<!--/g, "<!-\\-");
}

/** Escapes what would make a paragraph line a heading, a list item, a rule or a fence. */
function lineStart(line: string): string {
  if (/^[#+-]/.test(line)) return `\\${line}`;
  if (/^```/.test(line)) return `\\${line}`;
  const numbered = /^(\d{1,9})([.)])(\s|$)/.exec(line);
  if (numbered) return `${numbered[1]}\\${line.slice((numbered[1] ?? "").length)}`;
  return line;
}

/** A fenced block, with a fence its text does not contain; else escaped paragraphs. */
function code(text: string): string {
  const lines = text.split("\n");
  const fence = ["```", "~~~"].find((f) => !lines.some((l) => l.trim().startsWith(f)));
  if (fence === undefined || text.includes("<!--")) {
    return lines
      .filter((l) => l.trim() !== "")
      .map((l) => lineStart(inline(l)))
      .join("\n\n");
  }
  return `${fence}\n${text}\n${fence}`;
}
