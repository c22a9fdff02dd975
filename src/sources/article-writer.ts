/**
 * The ArticleWriter that writes files into the content folder: the name from the draft
 * (`<folder>/<date>-<slug>.md`), a free one when that id is taken (by a file in the folder, by
 * an id the caller knows from the library, or by a file that appeared meanwhile), and the
 * atomic, no-clobber write of write-article.ts.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { ArticleWriter } from "./import-once.js";
import { articleFileName, renderArticle, writeArticleFile } from "./write-article.js";

export interface FileWriterOptions {
  now?: () => number;
  /** Ids the library already holds anywhere in the content folder (article ids are global). */
  isTaken?: (id: string) => boolean;
}

export function fileArticleWriter(contentDir: string, options: FileWriterOptions = {}): ArticleWriter {
  const now = options.now ?? Date.now;
  const claimed = new Set<string>();
  return {
    async write(draft, folder, hooks = {}) {
      const text = renderArticle(draft);
      const taken = (id: string) =>
        claimed.has(id) ||
        options.isTaken?.(id) === true ||
        existsSync(join(contentDir, folder, `${id}.md`)) ||
        existsSync(join(contentDir, folder, `${id}.txt`));
      // A name can be taken between the check and the link: then the next one is tried.
      for (let attempt = 0; attempt < 20; attempt++) {
        const rel = articleFileName(draft, folder, now(), taken);
        const id = rel.slice(rel.lastIndexOf("/") + 1, -".md".length);
        claimed.add(id);
        await hooks.beforeLink?.(id);
        if (await writeArticleFile(contentDir, rel, text)) return rel;
      }
      throw new Error(`no free file name for "${draft.title}" in ${folder}`);
    },
  };
}
