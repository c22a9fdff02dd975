import type { Article, ArticleMeta, TopicCount } from "../domain/article.js";
import type { ArticleIndex, IndexedMeta } from "../domain/article-index.js";
import type { Clock } from "../domain/clock.js";
import type { LibraryPort } from "../domain/library.js";
import { resolveArticle } from "./article-lookup.js";

/** What the catalogue keeps of an article in memory: its metadata and where it came from. */
export type CatalogueEntry = IndexedMeta;

/** A file's stamp as last loaded, to tell a real change from a read or a metadata touch. */
export interface LoadedFile {
  id: string;
  mtimeMs: number;
  size: number;
}

/**
 * The catalogue: every served article's metadata in memory (for lists, topics and ranking
 * filters) and the questions the commands ask. Full texts stay in SQLite and are read on demand,
 * so a large archive does not fill the heap. The loader (./library-scan.ts) keeps it in step with
 * the index; nothing else writes to it.
 */
export class Catalogue implements LibraryPort {
  private readonly byId = new Map<string, CatalogueEntry>();
  private readonly byRowid = new Map<number, CatalogueEntry>();
  private readonly byFile = new Map<string, LoadedFile>();
  private newestFirst: CatalogueEntry[] | null = null;

  constructor(
    private readonly index: ArticleIndex,
    private readonly clock: Clock,
  ) {}

  /** Forgets everything and keeps `rows` (the index's rows unless given: a scan that changed nothing). */
  replaceAll(rows?: CatalogueEntry[]): void {
    this.byId.clear();
    this.byRowid.clear();
    this.byFile.clear();
    for (const entry of rows ?? this.index.metas()) this.remember(entry);
    this.newestFirst = null;
  }

  remember(entry: CatalogueEntry): void {
    this.byId.set(entry.id, entry);
    this.byRowid.set(entry.rowid, entry);
    this.byFile.set(entry.file, { id: entry.id, mtimeMs: entry.mtimeMs, size: entry.size });
    this.newestFirst = null;
  }

  forget(file: string): void {
    const known = this.byFile.get(file);
    if (!known) return;
    const entry = this.byId.get(known.id);
    if (entry) this.byRowid.delete(entry.rowid);
    this.byId.delete(known.id);
    this.byFile.delete(file);
    this.newestFirst = null;
  }

  /** The file as last loaded, if it is served. */
  loaded(file: string): LoadedFile | undefined {
    return this.byFile.get(file);
  }

  /** The entry for an id, visible or not. */
  entry(id: string): CatalogueEntry | undefined {
    return this.byId.get(id);
  }

  /** Embargoed articles (publish_at in the future) are hidden from every answer. */
  isVisible(meta: Pick<ArticleMeta, "publishAt">): boolean {
    return meta.publishAt === null || Date.parse(meta.publishAt) <= this.clock.now().getTime();
  }

  private readonly visibleRowid = (rowid: number): boolean => {
    const entry = this.byRowid.get(rowid);
    return entry !== undefined && this.isVisible(entry);
  };

  count(): number {
    return this.byId.size;
  }

  search(query: string, limit: number): ArticleMeta[] {
    return this.byRowids(this.index.search(query, limit, this.visibleRowid)).map(publicMeta);
  }

  latest(limit: number): ArticleMeta[] {
    this.newestFirst ??= [...this.byId.values()].sort(newestFirst);
    const out: ArticleMeta[] = [];
    for (const entry of this.newestFirst) {
      if (out.length >= limit) break;
      if (this.isVisible(entry)) out.push(publicMeta(entry));
    }
    return out;
  }

  get(id: string): Article | null {
    const entry = this.byId.get(id);
    if (!entry || !this.isVisible(entry)) return null;
    return this.index.get(id);
  }

  /** Also used for hidden articles by the scheduler, which must see embargoed ones. */
  getMeta(id: string): ArticleMeta | null {
    const entry = this.byId.get(id);
    return entry ? publicMeta(entry) : null;
  }

  resolve(idOrQuery: string): ReturnType<LibraryPort["resolve"]> {
    return resolveArticle(idOrQuery, {
      get: (id) => this.get(id),
      search: (query, limit) => this.search(query, limit),
      visible: () => [...this.byId.values()].filter((entry) => this.isVisible(entry)),
    });
  }

  topics(): { categories: TopicCount[]; tags: TopicCount[] } {
    const categories = new Map<string, number>();
    const tags = new Map<string, number>();
    for (const entry of this.byId.values()) {
      if (!this.isVisible(entry)) continue;
      if (entry.category) categories.set(entry.category, (categories.get(entry.category) ?? 0) + 1);
      for (const tag of new Set(entry.tags)) tags.set(tag, (tags.get(tag) ?? 0) + 1);
    }
    const sorted = (m: Map<string, number>) =>
      [...m]
        .map(([name, count]) => ({ name, count }))
        .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    return { categories: sorted(categories), tags: sorted(tags) };
  }

  suggest(prefix: string, limit: number): { id: string; title: string }[] {
    const metas = prefix.trim() === "" ? this.latest(limit) : this.prefixMatches(prefix, limit);
    return metas.map((m) => ({ id: m.id, title: m.title }));
  }

  private prefixMatches(prefix: string, limit: number): ArticleMeta[] {
    const byTitle = this.byRowids(this.index.suggest(prefix, limit, this.visibleRowid));
    if (byTitle.length >= limit) return byTitle.map(publicMeta);
    const seen = new Set(byTitle.map((m) => m.id));
    const more = this.search(prefix, limit).filter((m) => !seen.has(m.id));
    return [...byTitle.map(publicMeta), ...more].slice(0, limit);
  }

  private byRowids(rowids: number[]): CatalogueEntry[] {
    return rowids.map((rowid) => this.byRowid.get(rowid)).filter((m): m is CatalogueEntry => m !== undefined);
  }
}

function publicMeta(entry: CatalogueEntry): ArticleMeta {
  const { rowid: _rowid, firstSeen: _firstSeen, mtimeMs: _mtimeMs, size: _size, ...rest } = entry;
  return rest;
}

/** Newest date first; undated articles last, newest-seen first among them. */
function newestFirst(a: CatalogueEntry, b: CatalogueEntry): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.firstSeen < b.firstSeen ? 1 : a.firstSeen > b.firstSeen ? -1 : a.id.localeCompare(b.id);
}
