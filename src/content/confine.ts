/**
 * Keeps the library inside its folder. Every path it reads or watches is checked against the
 * real path of the content folder: a symbolic link (to a file, to a folder, or anywhere in the
 * path) is refused unless links are followed, and even then only when it ends inside the folder.
 * See docs/adr/0050-content-confinement.md.
 */
import { lstat, realpath, type Stats, stat } from "node:fs";
import { join, sep } from "node:path";
import { listContentFiles } from "./list-files.js";

/** The reason shown (log, `validate`) for a link that is not followed. */
export const LINK_REFUSED =
  "it is a symbolic link: links are not followed (CONTENT_FOLLOW_SYMLINKS=true follows those that stay inside the content folder)";
export const LINK_OUTSIDE = "it is a symbolic link to a path outside the content folder";
export const LINK_TO_FOLDER =
  "it is a symbolic link to a folder: folders are never entered through links (what it points to inside the folder is read already)";

/** Where a path relative to the content folder leads, once links are accounted for. */
export type Located =
  | { kind: "missing" }
  | { kind: "refused"; reason: string }
  | { kind: "folder" }
  /** A regular file, FIFO or device; `readPath` has no link in it (the target, for a followed link). */
  | { kind: "entry"; readPath: string; info: Stats };

/**
 * fs.lstat with a callback: about half the main-thread cost of fs/promises' stat, per file (a
 * scan stats every file). lstat: a file swapped for a link since it was listed is not followed.
 */
export const lstatOrNull = (path: string) =>
  new Promise<Stats | null>((resolve) => lstat(path, (error, info) => resolve(error ? null : info)));
const statOrNull = (path: string) =>
  new Promise<Stats | null>((resolve) => stat(path, (error, info) => resolve(error ? null : info)));
const realpathOf = (path: string) =>
  new Promise<string | NodeJS.ErrnoException>((resolve) =>
    realpath.native(path, (error, real) => resolve(error ?? real)),
  );

/** True when `path` is `root` or lies below it (both real paths). */
export function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
}

/**
 * Resolves `rel` under `root` (the folder's real path). Without a link anywhere in the path the
 * real path is the joined one; otherwise the path is refused, or with `follow` accepted only
 * when its real path stays inside `root` and names a file (folders are never entered by link).
 */
export async function locate(root: string, rel: string, follow: boolean): Promise<Located> {
  const abs = join(root, rel);
  const own = await lstatOrNull(abs);
  if (!own) return { kind: "missing" };
  const real = await realpathOf(abs);
  if (typeof real === "string" && real === abs && !own.isSymbolicLink()) {
    return own.isDirectory() ? { kind: "folder" } : { kind: "entry", readPath: abs, info: own };
  }
  // Gone between the two looks: not a link, just a file deleted a moment ago.
  if (typeof real !== "string" && real.code === "ENOENT" && !own.isSymbolicLink()) return { kind: "missing" };
  return follow ? followLink(root, real) : { kind: "refused", reason: LINK_REFUSED };
}

/** The verdict on a link found by a listing at `rel` under `root`. */
export async function locateLink(root: string, rel: string, follow: boolean): Promise<Located> {
  return follow
    ? followLink(root, await realpathOf(join(root, rel)))
    : { kind: "refused", reason: LINK_REFUSED };
}

/** A followed link is accepted only when it ends inside `root`, on something that is not a folder. */
async function followLink(root: string, real: string | NodeJS.ErrnoException): Promise<Located> {
  if (typeof real !== "string") {
    const why = real.code === "ENOENT" ? "it points to nothing" : `it cannot be resolved (${real.code})`;
    return { kind: "refused", reason: `it is a symbolic link, and ${why}` };
  }
  if (!isInside(root, real)) return { kind: "refused", reason: LINK_OUTSIDE };
  const target = await statOrNull(real);
  if (!target) return { kind: "missing" };
  if (target.isDirectory()) return { kind: "refused", reason: LINK_TO_FOLDER };
  return { kind: "entry", readPath: real, info: target };
}

/** The real path of a folder, or null when it does not exist (yet, or any more). */
export async function realFolder(dir: string): Promise<string | null> {
  const real = await realpathOf(dir);
  return typeof real === "string" ? real : null;
}

/** The files of a scan, and where to read each (a followed link is read at its target). */
export interface ConfinedListing {
  files: string[];
  readPath(file: string): string;
}

/**
 * Every file under `root` (a real path), sorted; a link is refused through `onSkip`, naming it,
 * or with `follow` listed under its own name and read at its target inside `root`.
 */
export async function listConfined(
  root: string,
  follow: boolean,
  onSkip: (rel: string, reason: string) => void,
): Promise<ConfinedListing> {
  const links: string[] = [];
  const files = await listContentFiles(root, onSkip, (link) => {
    links.push(link);
  });
  const targets = new Map<string, string>();
  for (const link of links) {
    const found = await locateLink(root, link, follow);
    if (found.kind === "refused") onSkip(link, found.reason);
    if (found.kind !== "entry") continue;
    files.push(link);
    targets.set(link, found.readPath);
  }
  if (targets.size > 0) files.sort();
  // Plain appending where "/" is the separator (files are relative, with forward slashes, never
  // "." or ".."): path.join per file was measurable in a warm start of 10,000.
  const under = sep === "/" ? (file: string) => `${root}/${file}` : (file: string) => join(root, file);
  return { files, readPath: (file) => targets.get(file) ?? under(file) };
}
