/**
 * The article title from the page's <title>, as Readability decides it, with one change that
 * newer Readability releases than the packaged 0.6.0 made: the en dash and the em dash count as
 * separators ("Evolve: Shared Mutable History — evolve extension for Mercurial"). Site names
 * after a separator go ("Title | Site" -> "Title") unless that leaves too short a title; a
 * "Section: Title" prefix goes unless a heading repeats the whole title. Readability prefers
 * the page's metadata title (JSON-LD, og:title) over this when it has one.
 */

/** The few DOM members the rule reads. */
export interface TitleDocument {
  title: string;
  querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }>;
}

const SEPARATOR = / [|\-–—\\/>»] /;
const SEPARATORS = / [|\-–—\\/>»] /g;
const HIERARCHICAL = / [\\/>»] /;

function wordCount(text: string): number {
  return text.split(/\s+/).length;
}

export function articleTitle(doc: TitleDocument): string {
  const original = (doc.title ?? "").trim();
  let title = original;
  let hierarchical = false;
  if (SEPARATOR.test(title)) {
    hierarchical = HIERARCHICAL.test(title);
    const all = Array.from(original.matchAll(SEPARATORS));
    title = original.slice(0, all[all.length - 1]?.index ?? original.length);
    if (wordCount(title) < 3) title = original.replace(/^[^|\-–—\\/>»]*[|\-–—\\/>»]/, "");
  } else if (title.includes(": ")) {
    const headings = Array.from(doc.querySelectorAll("h1, h2"));
    if (!headings.some((h) => (h.textContent ?? "").trim() === title)) {
      title = original.slice(original.lastIndexOf(":") + 1);
      if (wordCount(title) < 3) title = original.slice(original.indexOf(":") + 1);
      else if (wordCount(original.slice(0, original.indexOf(":"))) > 5) title = original;
    }
  } else if (title.length > 150 || title.length < 15) {
    const h1s = doc.querySelectorAll("h1");
    if (h1s.length === 1) title = (h1s[0]?.textContent ?? "").trim();
  }
  title = title.trim().replace(/\s{2,}/g, " ");
  const words = wordCount(title);
  if (words <= 4 && (!hierarchical || words !== wordCount(original.replace(/[|\-–—\\/>»]+/g, "")) - 1)) {
    title = original;
  }
  return title;
}
