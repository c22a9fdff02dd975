import type { Action, Block, Button } from "../domain/reply.js";
import type { Translate } from "./messages.js";

/**
 * Splits blocks into pages of at most `budget` characters of text, on block (paragraph)
 * boundaries. A heading stays with the paragraph after it. A single paragraph longer than the
 * budget is cut at a sentence end, else a space, never inside a surrogate pair.
 */
export function paginate(blocks: readonly Block[], budget: number): Block[][] {
  const pages: Block[][] = [];
  let page: Block[] = [];
  let size = 0;
  const flush = () => {
    if (page.length > 0) pages.push(page);
    page = [];
    size = 0;
  };
  const pieces = blocks.flatMap((b) =>
    b.text.length > budget ? splitLong(b.text, budget).map((text) => ({ ...b, text })) : [b],
  );
  for (let i = 0; i < pieces.length; i++) {
    const block = pieces[i] as Block;
    const next = pieces[i + 1];
    // Keep a heading with the paragraph that follows it.
    const need =
      block.type === "heading" && next ? block.text.length + 2 + next.text.length : block.text.length;
    if (size > 0 && size + 2 + Math.min(need, budget) > budget) flush();
    page.push(block);
    size += (size > 0 ? 2 : 0) + block.text.length;
  }
  flush();
  return pages;
}

/** Cuts text into chunks of at most `budget` characters at natural boundaries. */
export function splitLong(text: string, budget: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > budget) {
    const window = rest.slice(0, budget);
    let cut = Math.max(window.lastIndexOf(". "), window.lastIndexOf("! "), window.lastIndexOf("? "));
    cut = cut > budget / 2 ? cut + 1 : window.lastIndexOf(" ");
    if (cut <= 0) cut = budget;
    // Never split a surrogate pair (an emoji, say) in two.
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    out.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) out.push(rest);
  return out;
}

/** The most pages a list command offers: 100 results is more than anyone pages through in a chat. */
export const MAX_PAGES = 20;

/**
 * Page `page` (from 1) of a list whose items come from `fetch(limit)` (a search or the newest
 * articles, best first): one more than needed is asked for, to know whether a next page exists
 * without counting them all.
 */
export function pageOf<T>(
  fetch: (limit: number) => T[],
  page: number,
  size: number,
): { items: T[]; more: boolean } {
  const found = fetch(page * size + 1);
  return {
    items: found.slice((page - 1) * size, page * size),
    more: found.length > page * size && page < MAX_PAGES,
  };
}

/**
 * "Previous" and "Next" under a page of a list; `at(page)` is the action that shows a page. The
 * next one is marked, so the console's /more presses it. Each page is a new message: a page button
 * may sit under a channel post (a digest's "more") that must not be rewritten for everyone.
 */
export function pageButtons(
  t: Translate,
  page: number,
  more: boolean,
  at: (page: number) => Action,
): Button[] {
  const buttons: Button[] = [];
  if (page > 1) buttons.push({ label: t("button.previous"), action: at(page - 1) });
  if (more) buttons.push({ label: t("button.next"), action: at(page + 1), next: true });
  return buttons;
}
