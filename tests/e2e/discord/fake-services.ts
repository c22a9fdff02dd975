import { readdirSync, readFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import type { Article } from "../../../src/content/article.js";
import type { Services } from "../../../src/framework/command.js";
import type { ArticleMeta, LibraryPort, Logger } from "../../../src/framework/ports.js";
import { systemClock } from "../../../src/framework/ports.js";

/**
 * A small in-memory library over a content folder, for tests that must not depend on the real
 * index (unit tests of the adapter). It reads the first line of .txt files as the title and the
 * front matter of .md files, which is all the adapter's tests need.
 */
export function fakeServices(dirs: readonly string[], log: Logger): Services {
  const articles = dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith(".txt") || f.endsWith(".md"))
      .map((f) => readArticle(join(dir, f))),
  );
  return {
    library: new FakeLibrary(articles),
    insights: {
      summary: (article, sentences) =>
        (article.sections[0]?.text ?? "").split(/(?<=\.)\s+/).slice(0, sentences),
      facts: () => [],
    },
    clock: systemClock,
    log,
  };
}

function readArticle(path: string): Article {
  const raw = readFileSync(path, "utf8");
  const id = basename(path, extname(path));
  let title: string;
  let body: string;
  if (raw.startsWith("---")) {
    const end = raw.indexOf("\n---", 3);
    const front = raw.slice(3, end);
    const quoted = /^title: (.*)$/m.exec(front)?.[1]?.trim() ?? "";
    title = quoted.startsWith('"') ? JSON.parse(quoted) : quoted.replace(/^'(.*)'$/, "$1");
    body = raw.slice(end + 4).trim();
  } else {
    const [first = "", ...rest] = raw.split("\n");
    title = first.trim();
    body = rest.join("\n").trim();
  }
  return {
    id,
    title,
    author: null,
    category: null,
    tags: [],
    lang: "en",
    date: null,
    sections: [{ heading: null, text: body }],
    source: null,
    file: basename(path),
    summary: null,
    publishAt: null,
  };
}

class FakeLibrary implements LibraryPort {
  constructor(private readonly articles: Article[]) {}

  search(query: string, limit: number): ArticleMeta[] {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return this.articles
      .filter((a) => {
        const text = `${a.title} ${a.sections.map((s) => s.text).join(" ")}`.toLowerCase();
        return words.every((w) => text.includes(w));
      })
      .slice(0, limit)
      .map(meta);
  }
  latest(limit: number): ArticleMeta[] {
    return this.articles.slice(0, limit).map(meta);
  }
  get(id: string): Article | null {
    return this.articles.find((a) => a.id === id) ?? null;
  }
  resolve(idOrQuery: string): Article | null {
    const hit = this.search(idOrQuery, 1)[0];
    return this.get(idOrQuery) ?? (hit ? this.get(hit.id) : null);
  }
  topics() {
    return { categories: [], tags: [] };
  }
  suggest(prefix: string, limit: number): { id: string; title: string }[] {
    const p = prefix.toLowerCase();
    return this.articles
      .filter((a) => a.title.toLowerCase().includes(p))
      .slice(0, limit)
      .map((a) => ({ id: a.id, title: a.title }));
  }
  count(): number {
    return this.articles.length;
  }
}

function meta(article: Article): ArticleMeta {
  const { sections: _sections, ...rest } = article;
  return rest;
}
