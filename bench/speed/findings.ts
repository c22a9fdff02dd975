/**
 * What the profiles showed and what is proposed, for the README's speed section. Words only: the
 * figures are in the tables ("Proposed ..." rows are the variants, measured in the same runs).
 */
export const FINDINGS = `### What limits the figures, and the proposed fixes

Applied in src/ during this work (commits 6abf0ac, bf852ae, eecaf4d, 5c35c7d), so already in the
"current" rows: chunked and batched loading, one watch per folder, stopword-free queries, one date
format per locale, Telegram pacing on answer times. Still proposals, measured on copies in bench/
("Proposed" rows): the warm-start and reload changes to the library, bm25 over the newest 1,000 matches,
Discord pacing, and the index without body prefixes.

Profiles: \`node --cpu-prof --cpu-prof-dir=bench/out/profiles --import tsx bench/speed/load-probe.ts --content
bench/corpus/10000 --db bench/out/p.sqlite --cold\` (\`--variant library\` for the proposal; under tsx each run
writes two profiles, the larger is the main thread); the same with \`query-entry.ts\` and \`hot-reload-entry.ts\`.

- **Cold start.** Before: one transaction per file (FTS5 wrote a segment and SQLite committed 10,000 times,
  37% of the profile) and one \`await\` per stat and read. Batching (applied) halved it. What remains is CPU:
  the parsers take ~0.45 ms an article (YAML front matter and Markdown inline parsing lead) and FTS5 ~0.4 ms,
  against the 0.5 ms an article that 5 s for 10,000 allows on one core. The \`prefix = '2 3'\` option indexes
  body prefixes too, for title autocomplete only: without it (migration 003, row "no body prefix index") the
  index is 25% smaller (1.18 to 0.88 GB at 100,000) and the load ~20% faster; a 2-letter title autocomplete
  then takes 41-53 ms instead of 14-23 ms at 100,000. Parsing on a worker thread was slower here (the shared
  2-core machine had no idle core); on an idle machine it would overlap parsing with the SQLite writes.
- **Warm start.** Two full reads of the rows (\`stamps()\`, then \`metas()\`) and the promise \`stat\`: proposal,
  read the rows once and keep them as memory when nothing changed, and stat with the callback API.
- **Watcher and hot reload.** Node 20's recursive \`fs.watch\` on Linux adds one inotify watch per file
  (ENOSPC past \`fs.inotify.max_user_watches\`, often 8,192) and re-reads the folder on events: replaced by one
  watch per folder (applied). A reload still copies every id into a new Map (O(articles): ~100 ms at
  100,000); proposal, read the owners from memory.
- **/news.** FTS5 computes bm25 for every match before it sorts: "the" or "bitcoin" match 40,000 articles at
  100,000. Proposal in \`ArticleIndex.ranked\`: when a query matches more than 1,000 articles, rank the newest
  1,000 of them (a rowid range found by one cheap rowid-order query). Newest means the order articles entered
  the index.
- **Memory.** The code alone (Node, tsx and its loader thread, discord.js, telegraf, stopword and language data)
  is ~145 MB before any article (Node alone 41 MB, with tsx 80 MB); batching raised the cold peak (a chunk's
  texts and FTS5's pending terms). Running compiled JavaScript and importing only the platforms in use would
  leave the 250 MB budget to the data.
- **Fan-out.** Pacing on start times, in bursts of 30 (Telegram) or 50 (discord.js's fixed 1-second global
  window), lets a burst's first requests reach the server after the next burst's last ones, so a server
  enforcing "at most N in any second" on arrival answers 429, and each 429 holds a chat a second. Telegram
  now paces on answer times with sends in flight counted and starts spread evenly (applied). Proposal for
  Discord: the same throttle (moved to src/framework/) at 50/s around each \`channel.send\`. Note: the
  scheduler delivers with 4 workers; at a real round trip of ~150 ms that caps a fan-out near 27 messages/s,
  under Telegram's 30 (not measured here: the emulator answers in a few ms).
`;
