import type { Article, Section } from "../../domain/article.js";
import { articleBody } from "../../domain/article.js";
import type { ArticleIndex, FileStamp, IndexedMeta } from "../../domain/article-index.js";
import type { InsightCache } from "../../domain/insights.js";
import type { KeywordFilter, KeywordMatcher } from "../../domain/keyword-filter.js";
import type { Db } from "./database.js";
import { buildFilterQueries, buildFtsQuery, buildPrefixQuery } from "./search-query.js";

interface Row {
  rowid: number;
  id: string;
  file: string;
  mtime_ms: number;
  size: number;
  hash: string;
  title: string;
  author: string | null;
  category: string | null;
  tags: string;
  lang: string;
  date: string | null;
  source: string | null;
  summary: string | null;
  publish_at: string | null;
  first_seen: string;
}

const META_COLUMNS =
  "rowid, id, file, mtime_ms, size, hash, title, author, category, tags, lang, date, source, summary, publish_at, first_seen";

/**
 * Above this many matches, bm25 ranks only the newest this many (by rowid: the order articles
 * entered the index). FTS5 computes bm25 for every match before it sorts, so a word in 40,000
 * articles cost 126 ms p99 at 100,000 (bench); the window costs one cheap rowid-order query. 500:
 * for a word that common, the best matches among the newest 500 are what a news reader wants, and
 * it halves the ranking time of 1,000 (the slowest /news queries at 10,000: 5.5 to 2.2-3.5 ms).
 */
export const RANK_WINDOW = 500;

/** Title hits count ten times a body hit, topics five times (bm25 column weights). */
const RANK = "bm25(articles_fts, 10.0, 1.0, 5.0)";

/**
 * The SQLite side of the library: article rows plus the FTS5 index, kept in step in one
 * transaction per change. Full texts live here, not in memory.
 */
export class SqliteArticleIndex implements ArticleIndex, InsightCache, KeywordMatcher {
  private readonly stmts;

  constructor(private readonly db: Db) {
    this.stmts = {
      metas: db.prepare(`SELECT ${META_COLUMNS} FROM articles`),
      byId: db.prepare(`SELECT ${META_COLUMNS}, sections FROM articles WHERE id = ?`),
      rowidOf: db.prepare("SELECT rowid, first_seen FROM articles WHERE id = ?"),
      byFile: db.prepare("SELECT rowid, id FROM articles WHERE file = ?"),
      insert:
        db.prepare(`INSERT INTO articles (id, file, mtime_ms, size, hash, title, author, category, tags, lang,
        date, source, summary, publish_at, sections, warnings, first_seen)
        VALUES (@id, @file, @mtimeMs, @size, @hash, @title, @author, @category, @tags, @lang,
        @date, @source, @summary, @publishAt, @sections, @warnings, @firstSeen)`),
      update:
        db.prepare(`UPDATE articles SET id = @id, file = @file, mtime_ms = @mtimeMs, size = @size, hash = @hash,
        title = @title, author = @author, category = @category, tags = @tags, lang = @lang, date = @date,
        source = @source, summary = @summary, publish_at = @publishAt, sections = @sections, warnings = @warnings
        WHERE rowid = @rowid`),
      touch: db.prepare("UPDATE articles SET mtime_ms = ?, size = ? WHERE file = ?"),
      deleteRow: db.prepare("DELETE FROM articles WHERE rowid = ?"),
      ftsInsert: db.prepare("INSERT INTO articles_fts (rowid, title, body, topics) VALUES (?, ?, ?, ?)"),
      ftsDelete: db.prepare("DELETE FROM articles_fts WHERE rowid = ?"),
      count: db.prepare("SELECT count(*) FROM articles").pluck(),
      titleInsert: db.prepare("INSERT INTO titles_fts (rowid, title) VALUES (?, ?)"),
      titleDelete: db.prepare("DELETE FROM titles_fts WHERE rowid = ?"),
      articles: rankStatements(db, "articles_fts", RANK),
      titles: rankStatements(db, "titles_fts", "rank"),
      insight: db.prepare("SELECT value FROM insights WHERE hash = ? AND kind = ?").pluck(),
      storeInsight: db.prepare("INSERT OR REPLACE INTO insights (hash, kind, value) VALUES (?, ?, ?)"),
      matchRow: db.prepare("SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?").pluck(),
    };
  }

  count(): number {
    return Number(this.stmts.count.get());
  }

  metas(): IndexedMeta[] {
    return (this.stmts.metas.all() as Row[]).map(toMeta);
  }

  get(id: string): Article | null {
    const row = this.stmts.byId.get(id) as (Row & { sections: string }) | undefined;
    if (!row) return null;
    const { rowid: _r, firstSeen: _f, mtimeMs: _m, size: _s, hash: _h, ...meta } = toMeta(row);
    return { ...meta, sections: JSON.parse(row.sections) as Section[] };
  }

  /**
   * Inserts or replaces the article parsed from `stamp.file`. Returns whether the id is new
   * to the index (so the library can announce it) and its rowid.
   */
  upsert(
    article: Article,
    stamp: FileStamp,
    warnings: string[],
    now: Date,
  ): { created: boolean; rowid: number } {
    return this.atomically(() => {
      // A file renamed inside content/ keeps no stale row behind under its old id.
      const previousForFile = this.stmts.byFile.get(stamp.file) as { rowid: number; id: string } | undefined;
      if (previousForFile && previousForFile.id !== article.id) this.removeRow(previousForFile.rowid);
      const existing = this.stmts.rowidOf.get(article.id) as { rowid: number } | undefined;
      const params = {
        id: article.id,
        file: stamp.file,
        mtimeMs: Math.trunc(stamp.mtimeMs),
        size: stamp.size,
        hash: stamp.hash,
        title: article.title,
        author: article.author,
        category: article.category,
        tags: JSON.stringify(article.tags),
        lang: article.lang,
        date: article.date,
        source: article.source,
        summary: article.summary,
        publishAt: article.publishAt,
        sections: JSON.stringify(article.sections),
        warnings: JSON.stringify(warnings),
      };
      let rowid: number;
      if (existing) {
        rowid = existing.rowid;
        this.stmts.update.run({ ...params, rowid });
        this.stmts.ftsDelete.run(rowid);
        this.stmts.titleDelete.run(rowid);
      } else {
        rowid = Number(this.stmts.insert.run({ ...params, firstSeen: now.toISOString() }).lastInsertRowid);
      }
      this.stmts.ftsInsert.run(rowid, article.title, articleBody(article), topicsText(article));
      this.stmts.titleInsert.run(rowid, article.title);
      return { created: !existing, rowid };
    });
  }

  /**
   * Runs many changes in one transaction: a cold load writes thousands of articles, and a commit
   * (with its FTS5 segment) per article was over a third of the load time.
   */
  batch<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  /**
   * Its own transaction, or part of the caller's batch. Not a nested transaction: better-sqlite3
   * nests with a SAVEPOINT, and FTS5 flushes a segment at every savepoint.
   */
  private atomically<T>(work: () => T): T {
    return this.db.inTransaction ? work() : this.db.transaction(work)();
  }

  /** Records a new mtime for a file whose content hash did not change (a touch, a copy). */
  touch(file: string, mtimeMs: number, size: number): void {
    this.stmts.touch.run(Math.trunc(mtimeMs), size, file);
  }

  /** Removes the article stored for a file; returns its id, or null if there was none. */
  removeFile(file: string): string | null {
    const row = this.stmts.byFile.get(file) as { rowid: number; id: string } | undefined;
    if (!row) return null;
    this.atomically(() => this.removeRow(row.rowid));
    return row.id;
  }

  private removeRow(rowid: number): void {
    this.stmts.deleteRow.run(rowid);
    this.stmts.ftsDelete.run(rowid);
    this.stmts.titleDelete.run(rowid);
  }

  /**
   * Ranked rowids for a user query: all terms first, any term as a fallback. `visible` filters
   * out what must not be shown (embargoed articles); ranking stays bm25's.
   */
  search(text: string, limit: number, visible: (rowid: number) => boolean): number[] {
    const query = buildFtsQuery(text);
    if (!query) return [];
    const strict = this.ranked(this.stmts.articles, query.all, limit, visible);
    if (strict.length > 0 || query.terms.length === 1) return strict;
    return this.ranked(this.stmts.articles, query.any, limit, visible);
  }

  /** Rowids of titles with words starting like the typed text (autocomplete). */
  suggest(text: string, limit: number, visible: (rowid: number) => boolean): number[] {
    const query = buildPrefixQuery(text);
    if (!query) return [];
    return this.ranked(this.stmts.titles, query, limit, visible);
  }

  /** Over-fetches so that filtering out hidden articles still leaves `limit` results. */
  private ranked(
    stmts: RankStatements,
    match: string,
    limit: number,
    visible: (rowid: number) => boolean,
  ): number[] {
    const from = stmts.windowStart.get(match, RANK_WINDOW - 1) as number | undefined;
    const rows =
      from === undefined
        ? stmts.ranked.all(match, limit * 4 + 20)
        : stmts.rankedFrom.all(match, from, limit * 4 + 20);
    return rows.map(Number).filter(visible).slice(0, limit);
  }

  /** The article holds every included word or phrase and none of the excluded ones (ADR 0113). */
  matches(articleId: string, filter: KeywordFilter): boolean {
    const found = this.stmts.rowidOf.get(articleId) as { rowid: number } | undefined;
    if (!found) return false;
    // As a BigInt: FTS5 ignored `rowid = ?` bound from a JS number (better-sqlite3 12, SQLite
    // 3.53) and matched any row; an integer binding makes it a real rowid constraint.
    const rowid = BigInt(found.rowid);
    const queries = buildFilterQueries(filter);
    if (queries.include !== null && this.stmts.matchRow.get(queries.include, rowid) === undefined)
      return false;
    return queries.exclude === null || this.stmts.matchRow.get(queries.exclude, rowid) === undefined;
  }

  cachedInsight(hash: string, kind: string): string | null {
    const value = this.stmts.insight.get(hash, kind);
    return typeof value === "string" ? value : null;
  }

  storeInsight(hash: string, kind: string, value: string): void {
    this.stmts.storeInsight.run(hash, kind, value);
  }
}

type RankStatements = ReturnType<typeof rankStatements>;

/** The ranked match of one FTS table, with the newest-RANK_WINDOW window for common words. */
function rankStatements(db: Db, table: string, rank: string) {
  return {
    ranked: db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY ${rank} LIMIT ?`).pluck(),
    /** The rowid of the RANK_WINDOW-th newest match (none: fewer matches than that). */
    windowStart: db
      .prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?`)
      .pluck(),
    rankedFrom: db
      .prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? AND rowid >= ? ORDER BY ${rank} LIMIT ?`)
      .pluck(),
  };
}

function topicsText(article: Article): string {
  return [article.category ?? "", ...article.tags].join(" ");
}

function toMeta(row: Row): IndexedMeta {
  return {
    rowid: row.rowid,
    mtimeMs: row.mtime_ms,
    size: row.size,
    id: row.id,
    file: row.file,
    title: row.title,
    author: row.author,
    category: row.category,
    tags: JSON.parse(row.tags) as string[],
    lang: row.lang,
    date: row.date,
    source: row.source,
    summary: row.summary,
    publishAt: row.publish_at,
    firstSeen: row.first_seen,
    hash: row.hash,
  };
}
