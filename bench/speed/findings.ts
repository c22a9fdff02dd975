/**
 * What the profiles showed and what is proposed, for the README's speed section. Words only: the
 * figures are in the tables ("Proposed ..." rows are the variants, measured in the same run).
 */
export const FINDINGS = `### What limits the figures, and the proposed fixes

Applied in src/ during this work (commits 6abf0ac, bf852ae, eecaf4d, 5c35c7d): chunked, batched loading;
one watch per folder; stopword-free queries; one date format per locale; Telegram pacing on answer times.
Still proposals: the warm-start and reload changes to the library, the bm25 window, the Discord pacing,
and the index without body prefixes (the "Proposed" rows). Figures of the 100,000 tier dated before
02:19 on 2026-11-27 are from the code before those commits.

Profiles: \`node --cpu-prof --cpu-prof-dir=bench/out/profiles --import tsx bench/speed/load-probe.ts --content bench/corpus/10000 --db bench/out/p.sqlite --cold\`
(add \`--variant library\` for the proposal; under tsx each run writes two profiles, the larger is the main thread),
the same with \`query-entry.ts\` and \`hot-reload-entry.ts\`. Each proposal is a copy of the file it changes, in
\`bench/speed/variant-*.ts\` or \`bench/fanout/variant-*.ts\`, so it is measured without touching the file.

- **Cold start** (\`src/content/library.ts\`, \`src/store/article-index.ts\`). Every file is its own transaction:
  FTS5 writes a segment and SQLite commits 10,000 times, and the commit was 37% of the profile. Files are also
  stat-ed and read one \`await\` at a time. Proposal: stat and read 64 files at once and write each chunk in one
  transaction (\`ArticleIndex.batch\`); \`upsert\` must then join the open transaction rather than nest one,
  because better-sqlite3 nests with a SAVEPOINT and FTS5 flushes its segment at every savepoint. Further: the
  \`prefix = '2 3'\` index covers the body too and doubles the index work, yet only title autocomplete uses
  it (row "no body prefix index"; the index shrinks from 1.18 to 0.88 GB at 100,000, and a 2-letter title
  autocomplete goes from 14-23 ms to 41-53 ms there); that change needs a migration. What remains is CPU: the parsers take about
  0.45 ms an article (YAML front matter and Markdown inline parsing lead) and FTS5 about 0.4 ms, which is
  above the 0.5 ms an article that 5 s for 10,000 allows on one core. Parsing on a worker thread did not
  help on this shared 2-core machine (no idle core); on an idle one it would overlap the two halves.
- **Warm start**: 10,000 (100,000) sequential \`stat\` awaits, two reads of every row (\`stamps()\`, then
  \`metas()\`), then the watcher. Proposal: stat 64 at a time with the callback API, read the rows once and
  keep them as memory when nothing changed; with the folder watch below, 100,000 articles are ready in ~4 s.
- **Watcher and hot reload**: Node 20's \`fs.watch(dir, { recursive: true })\` on Linux is emulated in
  JavaScript: it walks the tree, adds one inotify watch per file (10,000 at 10,000 articles, against a
  per-user \`fs.inotify.max_user_watches\` that is 8,192 on many systems: ENOSPC), and re-reads the folder on
  events, which is most of a hot reload's time (readdir and path joins in the profile). Proposal: one
  non-recursive \`fs.watch\` per folder on Linux (new folders added as they appear), the recursive one elsewhere;
  and a reload no longer copies every id into a new Map (O(articles) per change: ~70 ms at 100,000).
- **/news**: \`formatDate\` (now in \`src/framework/present-article.ts\`) builds a new \`Intl.DateTimeFormat\` for every card (7% of the handler's
  profile; one per locale is enough). At 100,000 articles FTS5 computes bm25 for every match before sorting,
  and "the" or "bitcoin" match 40,000: proposal in \`ArticleIndex.ranked\`, rank by bm25 among the newest 1,000
  matches (a rowid range, one extra cheap query) when there are more; and drop French and English stopwords
  from a query that has other words (\`src/news/search-query.ts\`): "le", "de", "the" match every article of
  their language and rank nothing.
- **Memory**: the code alone (Node, tsx and its loader thread, discord.js, telegraf, the stopword and language
  data) is ~150 MB before any article (row "RSS of the code alone"), 80 MB of it Node with tsx. Running
  compiled JavaScript and importing only the platforms in use would leave the 250 MB budget to the data.
- **Fan-out**: both platforms pace on the time a request *starts*, in bursts (30 at once on Telegram, 50 on
  Discord). The first requests of a burst reach the server later than the last ones of the next burst, so a
  server that enforces "at most 30 in any second" on arrival refuses some (429), and every 429 costs a chat a
  full second. Proposal (\`src/platforms/telegram/throttle.ts\`): count a request against the window from the
  time its answer arrives (it reached the server before that) with those in flight counted too, and spread
  starts evenly (1000/30 ms apart, a little slack for late timers); for Discord the same throttle at
  50/s around each \`channel.send\` (discord.js's own global limiter counts in fixed windows). Note: the
  scheduler sends with 4 delivery workers; at a real network round trip of ~150 ms that caps a fan-out near
  27 messages/s, under Telegram's 30.
`;
