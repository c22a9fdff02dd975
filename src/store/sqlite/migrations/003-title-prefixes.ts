import type { Migration } from "../database.js";

/**
 * Prefix indexes for titles only. Version 1 indexed 2- and 3-letter prefixes of every body word
 * too, for title autocomplete alone: that tripled the words FTS5 writes and was a third of a cold
 * load. Autocomplete now reads a small title index; the body index keeps whole words.
 *
 * automerge 16 (default 4): FTS5 writes a segment per transaction and merges a level, a little
 * after each write, once it holds this many; merging less often cut a cold load's FTS time by a
 * quarter, while queries over the deeper levels measured no slower at 10,000 articles.
 * crisismerge 64 (default 16): at that many segments a level is merged all at once, inside one
 * write. Left at 16 it met automerge's threshold and one hot reload in twenty stalled 1.1 s at
 * 100,000 articles; at 64 the incremental merges keep levels below it.
 *
 * Both indexes are rebuilt by the next load: every row's stamp is reset so each file is parsed
 * again. The rows themselves stay, so ids and first-seen dates survive and no article is announced
 * as new. The insights cache is emptied: the article hash it is keyed by changed in the same
 * release (fields in a fixed order), so its old rows could never be read again.
 */
export const titlePrefixesMigration: Migration = {
  version: 3,
  name: "prefix index on titles only",
  up: `
    DROP TABLE articles_fts;
    CREATE VIRTUAL TABLE articles_fts USING fts5(
      title, body, topics,
      content = '',
      contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 16);
    INSERT INTO articles_fts (articles_fts, rank) VALUES ('crisismerge', 64);
    CREATE VIRTUAL TABLE titles_fts USING fts5(
      title,
      content = '',
      contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3'
    );
    UPDATE articles SET mtime_ms = -1;
    DELETE FROM insights;
  `,
};
