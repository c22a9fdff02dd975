/** Letters that Unicode decomposition leaves whole but that readers expect spelled out in a slug. */
const LIGATURES: Readonly<Record<string, string>> = {
  œ: "oe",
  æ: "ae",
  ß: "ss",
  ø: "o",
  đ: "d",
  ł: "l",
  þ: "th",
};

/**
 * The article id: a stable slug of the file's base name without its extension, so an article
 * keeps its id when it is moved between sub-folders. Lowercase, accents folded, anything but
 * [a-z0-9_-] becomes "-", runs of "-" collapse and the ends are trimmed.
 * "Dossiers/Énergie Été 2025.md" -> "energie-ete-2025". May return "" for a name with no
 * letter or digit at all; the reader skips such a file.
 */
export function articleIdFromPath(relPath: string): string {
  const base = relPath.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return slugify(dot > 0 ? base.slice(0, dot) : base);
}

/** The folding an id gets (see articleIdFromPath), for a name without folder or extension. */
export function slugify(stem: string): string {
  return stem
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[œæßøđłþ]/g, (c) => LIGATURES[c] ?? c)
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "");
}
