/**
 * A source's folder must stay inside the content folder (ADR 0111): the sources file checks the
 * path as written (no absolute path, no `..`), and this checks the disk at each poll, since a
 * folder on the way may be a symbolic link made later. The part that exists must be exactly where
 * its name says, with no link on the way: the library would not load files reached through one.
 */
import { realpath } from "node:fs/promises";
import { dirname, join, relative } from "node:path";

export async function insideFolder(
  contentDir: string,
  folder: string,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  let root: string;
  try {
    root = await realpath(contentDir);
  } catch {
    return { ok: false, reason: `the content folder ${contentDir} cannot be found` };
  }
  const wanted = join(root, folder);
  if (relative(root, wanted).startsWith("..")) {
    return { ok: false, reason: `folder "${folder}" is outside the content folder` };
  }
  for (let probe = wanted; probe.length >= root.length; probe = dirname(probe)) {
    let real: string;
    try {
      real = await realpath(probe);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
      return { ok: false, reason: `folder "${folder}" cannot be checked: ${(error as Error).message}` };
    }
    if (real === probe) return { ok: true };
    return { ok: false, reason: `folder "${folder}" goes through a symbolic link; write to a real folder` };
  }
  return { ok: true };
}
