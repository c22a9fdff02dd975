import { afterAll, describe, expect, it } from "vitest";
import { type Core, createCore } from "../../../src/core.js";
import { fileArticleWriter } from "../../../src/sources/article-writer.js";
import type { ArticleDraft } from "../../../src/sources/write-article.js";
import { recordingLogger } from "../../helpers/recording-logger.js";
import { markdownArticle, tempContent } from "../../helpers/temp-content.js";
import { waitFor } from "../../helpers/wait-for.js";

/**
 * The library never loads half an imported file: the writer's text goes to a hidden temporary
 * file, then appears whole under its name (ADR 0074). Large articles written while the real
 * library watches the folder are each seen, at every change it reports, with their last words.
 */

const content = tempContent("newsdesk-atomic-");
let core: Core | undefined;
afterAll(async () => {
  await core?.close();
  content.remove();
});

const ARTICLES = 24;
/** About 400 KB of text: many writes' worth for a file system, as an extracted long read can be. */
const PARAGRAPHS = 600;

function draft(n: number): ArticleDraft {
  const paragraph = (i: number) => ({
    kind: "paragraph" as const,
    text: `Paragraph ${i} of article ${n}: ${"the storm moved north along the coast and the rain did not stop ".repeat(10)}`,
  });
  return {
    title: `Long read number ${n}`,
    author: null,
    date: "2025-07-17T08:00:00Z",
    category: "weather",
    tags: [],
    lang: "en",
    source: `https://news.example/long-${n}`,
    feed: "https://news.example/feed",
    guid: `long-${n}`,
    blocks: [
      ...Array.from({ length: PARAGRAPHS }, (_, i) => paragraph(i)),
      { kind: "paragraph", text: `The end of article ${n}.` },
    ],
    fallbackReason: null,
  };
}

describe("imported files under the watcher", () => {
  it("GIVEN large articles written while the library watches THEN every load sees a whole file", async () => {
    // A library that holds something: the first load of an empty one is a baseline, said silently.
    content.write("seed.md", markdownArticle({ title: "Seed", body: "Already there." }));
    const rec = recordingLogger();
    core = await createCore({
      contentDir: content.dir,
      databasePath: ":memory:",
      defaultLocale: "en",
      log: rec.log,
      watch: true,
    });
    const library = core.library;
    const halves: string[] = [];
    let loads = 0;
    library.onChange((change) => {
      if (change.type === "removed") return;
      loads++;
      const article = library.get(change.id);
      const text = article?.sections.map((s) => s.text).join("\n") ?? "";
      if (!/The end of article \d+\.$/.test(text.trim()))
        halves.push(`${change.id} (${text.length} characters)`);
    });
    const writer = fileArticleWriter(content.dir, { isTaken: (id) => library.getMeta(id) !== null });
    const written = await Promise.all(
      Array.from({ length: ARTICLES }, (_, n) => writer.write(draft(n), "bulk")),
    );

    await waitFor(() => library.count() === ARTICLES + 1, { what: "every article loaded" });
    await library.settle();
    expect(new Set(written).size).toBe(ARTICLES);
    expect(loads).toBeGreaterThanOrEqual(ARTICLES);
    expect(halves).toEqual([]);
    expect(library.skipped.size).toBe(0);
    expect(rec.lines.filter((l) => l.level === "warn" || l.level === "error")).toEqual([]);
  });
});
