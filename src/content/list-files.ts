import type { Dirent } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";

/**
 * Every file under `dir`, as paths relative to it with forward slashes, sorted so that the
 * first of two files claiming one id is always the same one. Hidden files and folders
 * (".git", editor swap files) are not content. Symbolic links are never followed here: they
 * go to `onLink`, for the library to refuse or check (src/content/confine.ts), so a walk never
 * leaves `dir` (pass its real path).
 */
export async function listContentFiles(
  dir: string,
  onUnreadable: (rel: string, reason: string) => void = () => {},
  onLink: (rel: string) => void = () => {},
): Promise<string[]> {
  const out: string[] = [];
  // Each folder carries its relative path: path.join and path.relative per file were a tenth of
  // a warm start at 10,000 files. Names from readdir hold no separator, so appending is exact.
  const walk = async (current: string, prefix: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch (error) {
      // One unreadable sub-folder (permissions, deleted mid-scan) must not stop the whole library;
      // the top folder itself missing still fails loudly.
      if (current === dir) throw error;
      onUnreadable(
        prefix.slice(0, -1),
        `folder cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`,
      );
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const rel = prefix + entry.name;
      if (entry.isDirectory()) await walk(join(current, entry.name), `${rel}/`);
      else if (entry.isFile()) out.push(rel);
      else if (entry.isSymbolicLink()) onLink(rel);
    }
  };
  await walk(dir, "");
  return out.sort();
}

/** True for paths inside a hidden folder or naming a hidden file. */
export function isHiddenPath(rel: string): boolean {
  return rel.split("/").some((part) => part.startsWith("."));
}
