import type { Migration } from "../database.js";

/**
 * The article index. It is derived data: rebuilt from content/ when missing. File stats let a
 * warm start skip unchanged files; the FTS table shares rowids with `articles`.
 */
export const articlesMigration: Migration = {
  version: 1,
  name: "articles and full-text index",
  up: `
    CREATE TABLE articles (
      rowid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      file TEXT NOT NULL UNIQUE,
      mtime_ms INTEGER NOT NULL,
      size INTEGER NOT NULL,
      hash TEXT NOT NULL,
      title TEXT NOT NULL,
      author TEXT,
      category TEXT,
      tags TEXT NOT NULL,
      lang TEXT NOT NULL,
      date TEXT,
      source TEXT,
      summary TEXT,
      publish_at TEXT,
      sections TEXT NOT NULL,
      warnings TEXT NOT NULL,
      first_seen TEXT NOT NULL
    );
    CREATE VIRTUAL TABLE articles_fts USING fts5(
      title, body, topics,
      content = '',
      contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3'
    );
    CREATE TABLE insights (
      hash TEXT NOT NULL,
      kind TEXT NOT NULL,
      value TEXT NOT NULL,
      PRIMARY KEY (hash, kind)
    ) WITHOUT ROWID;
  `,
};
