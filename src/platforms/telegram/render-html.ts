import type { Block, Card, Reply } from "../../domain/reply.js";
import { labelSeparator } from "../../framework/typography.js";

/**
 * Turns the neutral Reply into Telegram HTML (parse_mode "HTML", never MarkdownV2: HTML needs only
 * four characters escaped, so article text can never break the markup).
 *
 * The output is a list of segments rather than one string: each segment is raw text plus the tags
 * that wrap it, so that the splitter can cut raw text first and render each piece whole. A message
 * boundary then never falls inside a tag, an entity (&amp;) or a surrogate pair.
 */

/** One unit of a rendered reply: `wrap(escapeHtml(text))` is its HTML. */
export interface Segment {
  /** Raw (unescaped) text. */
  text: string;
  /** Adds the markup around the escaped text; must return balanced tags. */
  wrap: (escaped: string) => string;
  /** What joins this segment to the one before it in the same message. */
  sep: string;
  /** A heading or title: never left alone at the end of a message. */
  keepWithNext?: boolean;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Escapes text for Telegram HTML: & < > and " (attribute values are double-quoted). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c);
}

/** The HTML of one segment. */
export function segmentHtml(segment: Pick<Segment, "text" | "wrap">): string {
  return segment.wrap(escapeHtml(segment.text));
}

const plain = (s: string) => s;
const bold = (s: string) => `<b>${s}</b>`;
const italic = (s: string) => `<i>${s}</i>`;

/** Only web links become <a href>: a javascript: or tg: URL from an article stays plain text. */
function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  return /^https?:\/\/\S+$/i.test(url.trim()) ? url.trim() : null;
}

export interface RenderOptions {
  /**
   * Prefix each card title with its number ("1. ", "2. ") so the keyboard's "1 · Full text" can say
   * which card a button belongs to. Used when several cards carry buttons.
   */
  numberCards?: boolean;
}

/** Whether card buttons need numbers to be told apart (several cards with buttons). */
export function needsCardNumbers(reply: Reply): boolean {
  return reply.cards.filter((c) => (c.buttons ?? []).length > 0).length > 1;
}

/** Renders a reply to segments, in reading order. */
export function renderSegments(reply: Reply, options: RenderOptions = {}): Segment[] {
  const out: Segment[] = [];
  if (reply.text) out.push({ text: reply.text, wrap: plain, sep: "\n\n" });
  const colon = labelSeparator(reply.locale);
  reply.cards.forEach((card, index) => {
    out.push(...cardSegments(card, options.numberCards ? index + 1 : null, colon));
  });
  if (reply.footer) out.push({ text: reply.footer, wrap: italic, sep: "\n\n" });
  if (out.length === 0) out.push({ text: "…", wrap: plain, sep: "" });
  return out;
}

function cardSegments(card: Card, number: number | null, colon: string): Segment[] {
  const out: Segment[] = [];
  const href = safeHref(card.url);
  const prefix = number === null ? "" : `${number}. `;
  const title = href
    ? (s: string) => `<b>${prefix}<a href="${escapeHtml(href)}">${s}</a></b>`
    : (s: string) => `<b>${prefix}${s}</b>`;
  out.push({ text: card.title, wrap: title, sep: "\n\n", keepWithNext: true });
  (card.fields ?? []).forEach((field, i) => {
    const name = escapeHtml(field.name);
    out.push({ text: field.value, wrap: (s) => `<b>${name}</b>${colon}${s}`, sep: i === 0 ? "\n" : " · " });
  });
  let previous: Block["type"] | "title" = "title";
  for (const block of card.body) {
    out.push(blockSegment(block, previous));
    previous = block.type;
  }
  if (card.footer) out.push({ text: card.footer, wrap: italic, sep: "\n\n" });
  return out;
}

function blockSegment(block: Block, previous: Block["type"] | "title"): Segment {
  switch (block.type) {
    case "heading":
      return { text: block.text, wrap: bold, sep: "\n\n", keepWithNext: true };
    case "bullet": {
      // A list hugs its heading and its own items; after a paragraph it starts a new one.
      const tight = previous === "bullet" || previous === "heading";
      return { text: block.text, wrap: (s) => `• ${s}`, sep: tight ? "\n" : "\n\n" };
    }
    default:
      return { text: block.text, wrap: plain, sep: "\n\n" };
  }
}

/** Undoes our own markup: the plain-text fallback when Telegram rejects the HTML. */
export function htmlToPlain(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(
      /&(lt|gt|quot|amp);/g,
      (_, name: string) => ({ lt: "<", gt: ">", quot: '"', amp: "&" })[name] ?? "",
    );
}
