/**
 * What the profiles showed and what was changed, for the README's speed section. Words only: the
 * figures are in the tables; the goal table puts the figures before these fixes beside the new ones.
 */
export const FINDINGS = `### What limited the figures, and what was changed

Profiles: \`node --cpu-prof --cpu-prof-dir=bench/out/profiles --import tsx bench/speed/load-probe.ts --content
bench/corpus/10000 --db bench/out/p.sqlite --cold\` (under tsx each thread writes two profiles; the largest is the
main thread, the next the parse worker); the same with \`query-entry.ts\` and \`hot-reload-entry.ts\`. Every change
below is in src/ and in the figures above; "before" is the goal table's column (bench/results.json at 89a2ffc).

- **Cold start.** Before (16.5 s profiled at 10,000): SQLite 8.0 s (FTS5 tokenising and, at each commit,
  flushing and merging segments), parsing 4.8 s on the same thread (YAML 1.0 s, inline Markdown 1.2 s, the
  whitespace regex 0.6 s, hashing 0.6 s), reads 0.5 s. Changed: (1) the body index no longer holds 2- and
  3-letter prefixes of every word (they served title autocomplete only; a small \`titles_fts\` does that now,
  migration 3), -4 s; (2) FTS5 \`automerge\` 16 instead of 4 and 100 articles per transaction instead of 64,
  -1 s; (3) the flat front matter every article has skips the YAML parser (a fast path checked against it),
  inline Markdown runs only the rewrites whose marker is present, whitespace runs are replaced only where
  needed, files are not stat-ed twice and are read with the callback API: parsing went from 4.8 s to 1.7 s;
  (4) a scan of 5,000 files or more parses on a worker thread, overlapping the SQLite writes (the thread boots
  while the files are stat-ed; \`LOAD_THREADS=1\` turns it off). What remains is the main thread's SQLite time
  (~3.5 s at 10,000: tokenising 50 MB of text, writing the rows, committing) plus ~1 s of start-up and stat-ing.
  The machine is shared: three runs of the 10,000-article start on the same day gave cold medians of
  4.72 s (04:24, runs 4.50-4.76 s), 5.58 s (04:46, 5.31-5.68 s, while the one-thread runs beside it took
  7.0-9.8 s) and 4.55 s (05:31, the final code, 4.06-4.78 s; the table's figure): met on a quiet machine,
  missed by ~0.6 s on a busy one. \`LOAD_THREADS=1\` (the table's LOAD_THREADS row) is slower at every size
  and does not reliably lower the peak: within 10 MB of two threads at 1,000 and 10,000, less than identical
  runs differ among themselves (240-289 MB for the three one-thread runs at 10,000), and far higher at
  100,000 (one run each).
  A crisis merge (\`crisismerge\` left at 16 while \`automerge\` is 16) stalled one hot reload in twenty for
  1.1 s at 100,000: \`crisismerge\` is 64 (600 rewrites: max 41 ms).
- **Warm start.** Two full reads of the rows and the promise \`stat\`: the rows are read once and kept as memory
  when nothing changed, and \`stat\` uses the callback API.
- **Watcher and hot reload.** Node 20's recursive \`fs.watch\` on Linux adds one inotify watch per file (ENOSPC
  past \`fs.inotify.max_user_watches\`, often 8,192): one watch per folder instead. A reload copied every id into a
  new Map (~100 ms at 100,000): the owners are read from memory.
- **/news.** FTS5 computes bm25 for every match before it sorts: "the" or "bitcoin" match 40,000 articles at
  100,000. When a query matches more than 500 articles, bm25 ranks the newest 500 (a rowid range found by
  one rowid-order query; 1,000 left "the" at 5.5 ms median at 10,000); stopwords are dropped from queries that
  have other words. The rest of a steady /news is the rendering of five cards (~1 ms).
- **Memory.** Node alone is 41 MB, with tsx 78 MB; chrono-node's index loaded all thirteen locales (+30 MB):
  only English and French are imported now, so the code alone went from ~145 to ~121 MB. At the peak of a cold
  load at 10,000 (sampled every 20 ms), the main thread's V8 heap is ~85-130 MB of which the young generation
  is 34 MB (V8's default semi-spaces, filled by the parsing and binding garbage), file-backed pages (Node's
  binary and libraries) ~55 MB, and the parse thread ~40 MB (its heap peaks at 48 MB physical for 15 MB
  live; capping its young generation only moved the garbage to the old one). The peak varies between identical
  runs with GC timing: 274-286 MB for the three two-thread runs at 10,000 in results.json, 240-289 MB with one thread. Since then (issue 16, ADRs 88 and 89): \`npm start\` runs compiled JavaScript and a
  load keeps far less per file; the figures before and after are in "Renovation: memory and start" below.
- **Fan-out.** Pacing on start times, in bursts of 30 (Telegram) or 50 (discord.js's fixed 1-second global
  window), let a burst's first requests reach the server after the next burst's last ones, so a server
  enforcing "at most N in any second" on arrival answered 429. Both platforms now go through one throttle
  (src/framework/send-throttle.ts) that paces on answer times, counts sends in flight and spreads starts
  evenly: Telegram at 30/s overall, 20/min per group, 1/s per chat; Discord at 50/s around each
  \`channel.send\`. Note: the scheduler delivers with 4 workers; at a real round trip of ~150 ms that caps a
  fan-out near 27 messages/s, under Telegram's 30 (not measured here: the emulator answers in a few ms).
- **Adversarial texts (issue 11).** The same entry (\`bench/speed/adversarial-entry.ts\`) on the code before the
  fixes (d93fc5e), one run each on a busy machine (load ~6): ordinary 475 ms; dates only 60,465 ms (× 127; the
  issue measured × 29 against another ordinary text), capitalised names 3,621 ms (× 7.6), English dates 2,135 ms
  (× 4.5), one-word sentences 1,555 ms (× 3.3), acronyms 1,214 ms (× 2.6). What was quadratic: each date
  scanned and tested its whole clause (a 156 KB sentence without a comma), forward centrality compared every
  pair of sentences, the people and organisation registries scanned every entry with a string join, overlap
  checks compared each match with every earlier one, and trims like \`replace(/[...]+$/)\` backtrack on long
  runs. Changed (ADR 53): exact linear rewrites for those, and caps (200,000 characters analysed, 2,000 per
  sentence, 16 words per name, 200 facts per kind). What remains of the worst ratio is the Snowball port's
  cost for a never-seen word (10-30 µs, ~80 % of a distinct-word text's summary): a text of 27,000 invented
  words pays it 27,000 times, where ordinary news mostly hits the stemmer's memo.
- **The insight thread (ADR 54).** Uncached summaries and facts now cross to a worker thread: the 600-word
  round trip is ~0.3 ms over the work itself (the table's third row). Its price: the serving RSS at 10,000
  went from 191 MB to 242-247 MB (the thread's own heap, tsx and chrono-node), and the first /news of the
  query bench, run as soon as createCore returns, waits for the thread to finish loading (the first-time
  p99, ~0.4-0.7 s on this busy machine; the bot starts the thread once its articles are loaded, before its
  platforms connect).
`;
