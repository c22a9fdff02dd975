import { LIMITS } from "./limits.js";
import { type Segment, segmentHtml } from "./render-html.js";

/**
 * Packs rendered segments into messages of at most `limit` characters of HTML. Segments are never
 * cut when they fit; one that does not fit alone is cut in its raw text (at a paragraph, line,
 * sentence or word boundary, never inside a surrogate pair) and each piece is rendered whole, so a
 * message never ends inside a tag or an entity. A heading is carried over to the next message
 * rather than left dangling at the end of one.
 */
export function splitMessage(segments: readonly Segment[], limit: number = LIMITS.message): string[] {
  const pieces = segments.flatMap((segment) => fitSegment(segment, limit));
  const messages: string[] = [];
  let current: Piece[] = [];
  const length = (list: Piece[]) => joinPieces(list).length;

  for (const piece of pieces) {
    if (current.length > 0 && length([...current, piece]) > limit) {
      const carried: Piece[] = [];
      while (current.length > 1 && current.at(-1)?.keepWithNext) carried.unshift(current.pop() as Piece);
      messages.push(joinPieces(current));
      current = carried;
      if (current.length > 0 && length([...current, piece]) > limit) {
        messages.push(joinPieces(current));
        current = [];
      }
    }
    current.push(piece);
  }
  if (current.length > 0) messages.push(joinPieces(current));
  return messages.filter((m) => m.trim() !== "");
}

interface Piece {
  html: string;
  sep: string;
  keepWithNext: boolean;
}

function joinPieces(pieces: readonly Piece[]): string {
  return pieces.map((p, i) => (i === 0 ? p.html : p.sep + p.html)).join("");
}

/** The segment as one piece, or cut into pieces that each render within the limit. */
function fitSegment(segment: Segment, limit: number): Piece[] {
  const html = segmentHtml(segment);
  const keepWithNext = segment.keepWithNext ?? false;
  if (html.length <= limit) return [{ html, sep: segment.sep, keepWithNext }];
  const overhead = segment.wrap("").length;
  if (overhead >= limit) throw new Error(`markup alone exceeds ${limit} characters`);
  return cutToFit(segment.text, segment, limit, limit - overhead).map((text, i) => ({
    html: segmentHtml({ text, wrap: segment.wrap }),
    sep: i === 0 ? segment.sep : "\n",
    keepWithNext: false,
  }));
}

/** Cuts raw text so each piece, escaped and wrapped, fits; escaping can grow text up to 6×. */
function cutToFit(text: string, segment: Segment, limit: number, budget: number): string[] {
  const out: string[] = [];
  for (const piece of cutText(text, budget)) {
    const size = segmentHtml({ text: piece, wrap: segment.wrap }).length;
    if (size <= limit) {
      out.push(piece);
    } else {
      const smaller = Math.max(1, Math.floor((budget * limit) / size) - 1);
      out.push(...cutToFit(piece, segment, limit, Math.min(smaller, budget - 1)));
    }
  }
  return out;
}

/**
 * Cuts text into chunks of at most `budget` UTF-16 units, preferring (in order) a blank line, a line
 * break, a sentence end, a space; a chunk is never empty and never splits a surrogate pair.
 */
export function cutText(text: string, budget: number): string[] {
  if (budget < 2) budget = 2; // room for one surrogate pair
  const out: string[] = [];
  let rest = text;
  while (rest.length > budget) {
    let cut = bestCut(rest.slice(0, budget + 1), budget);
    if (isHighSurrogate(rest.charCodeAt(cut - 1))) cut -= 1;
    if (cut <= 0) cut = isHighSurrogate(rest.charCodeAt(0)) ? 2 : 1;
    const head = rest.slice(0, cut).trimEnd();
    if (head !== "") out.push(head);
    rest = rest.slice(cut).trimStart();
  }
  if (rest.trim() !== "") out.push(rest);
  return out;
}

/** Where to cut `window` (budget + 1 characters, so a separator right at the budget counts). */
function bestCut(window: string, budget: number): number {
  const floor = Math.floor(budget / 2);
  const candidates: [RegExp, number][] = [
    [/\n\s*\n/g, 0],
    [/\n/g, 0],
    [/[.!?…»"”)]\s/g, 1],
    [/\s/g, 0],
  ];
  for (const [pattern, offset] of candidates) {
    let best = -1;
    for (const match of window.matchAll(pattern)) {
      const at = match.index + offset;
      if (at > 0 && at <= budget) best = at;
    }
    if (best >= floor) return best;
  }
  return budget;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
