/**
 * Child process for hot reload: the bot (createCore with the watcher) over a private copy of a
 * corpus made of hard links (cheap, and every file keeps its size and mtime, so the warm
 * database copied next to it still matches). Each change writes a unique new word, then polls
 * library.search until the article comes back for it: the time from just before the write to
 * searchable. Three kinds of change, in turn: a new file, an existing article rewritten in place,
 * and an existing article replaced by rename (how many editors save).
 *
 *   node --import tsx bench/speed/hot-reload-entry.ts --content DIR --db FILE [--changes 21]
 */
import {
  copyFileSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { silentLogger } from "../../src/domain/logger.js";
import { argValue, emitResult, peakRssMb, round, roundSummary, summarize } from "./stats.js";

const args = process.argv.slice(2);
const contentDir = argValue(args, "--content");
const databasePath = argValue(args, "--db");
if (!contentDir || !databasePath) throw new Error("--content and --db are required");
const changes = Number(argValue(args, "--changes") ?? 21);
const TIMEOUT_MS = 5_000;

// Articles rewritten in place must stop sharing their inode with the pristine corpus first.
const existing = readdirSync(contentDir)
  .filter((f) => !f.startsWith(".") && f.endsWith(".md"))
  .slice(0, 40);
for (const file of existing) {
  const full = join(contentDir, file);
  const info = statSync(full);
  const copy = join(contentDir, `.unlink-${file}`);
  copyFileSync(full, copy);
  renameSync(copy, full);
  utimesSync(full, info.atime, info.mtime);
}

const started = performance.now();
const { createCore } = await import("../../src/core.js");
const core = await createCore({
  contentDir,
  databasePath,
  defaultLocale: "en",
  log: silentLogger,
  watch: true,
});
const readyMs = performance.now() - started;
// Let the watcher finish settling on the rename noise above.
await new Promise((r) => setTimeout(r, 500));
await core.library.settle();

/** A word no article holds: letters only, so the tokenizer keeps it whole. */
const word = (i: number) =>
  `zqhot${i.toString(26).replace(/\d/g, (d) => "abcdefghij"[Number(d)] as string)}x`;
const idOf = (file: string) => file.replace(/\.(md|txt)$/, "");

type Kind = "new file" | "rewrite in place" | "replace by rename";
const kinds: Kind[] = ["new file", "rewrite in place", "replace by rename"];
const samples: Record<Kind, number[]> = { "new file": [], "rewrite in place": [], "replace by rename": [] };
let timeouts = 0;

async function waitSearchable(term: string, id: string, t0: number): Promise<number | null> {
  for (;;) {
    if (core.library.search(term, 5).some((m) => m.id === id)) return performance.now() - t0;
    if (performance.now() - t0 > TIMEOUT_MS) return null;
    await new Promise((r) => setTimeout(r, 1));
  }
}

const markdown = (title: string, extra: string) =>
  `---\ntitle: "${title}"\ndate: 2025-07-17\ncategory: BENCH\ntags: [bench]\nlang: en\n---\n\n` +
  `A short article written by the hot reload benchmark. It mentions ${extra} once.\n\n` +
  "The rest of the text is ordinary words, enough for a summary to be made.\n";

let renamePick = 20;
let inPlacePick = 0;
for (let i = 0; i < changes + kinds.length; i++) {
  const kind = kinds[i % kinds.length] as Kind;
  const term = word(i);
  let file: string;
  let write: () => void;
  if (kind === "new file") {
    file = `zz-hot-${i}.md`;
    write = () => writeFileSync(join(contentDir, file), markdown(`Hot reload ${i}`, term));
  } else if (kind === "rewrite in place") {
    file = existing[inPlacePick++ % 20] as string;
    const text = readFileSync(join(contentDir, file), "utf8");
    write = () => writeFileSync(join(contentDir, file), `${text.trimEnd()}\n\nUpdate: ${term} was added.\n`);
  } else {
    file = existing[20 + (renamePick++ % 20)] as string;
    const text = readFileSync(join(contentDir, file), "utf8");
    const tmp = join(contentDir, `.tmp-${file}`);
    write = () => {
      writeFileSync(tmp, `${text.trimEnd()}\n\nUpdate: ${term} was added.\n`);
      renameSync(tmp, join(contentDir, file));
    };
  }
  const t0 = performance.now();
  write();
  const ms = await waitSearchable(term, idOf(file), t0);
  // The first change of each kind is a warm-up (JIT, first statements prepared).
  if (i >= kinds.length) {
    if (ms === null) timeouts++;
    else samples[kind].push(ms);
  }
  await core.library.settle();
  await new Promise((r) => setTimeout(r, 50));
}

const all = [...samples["new file"], ...samples["rewrite in place"], ...samples["replace by rename"]];
emitResult({
  articles: core.library.count(),
  readyMs: round(readyMs),
  changes: all.length,
  timeouts,
  all: roundSummary(summarize(all)),
  byKind: Object.fromEntries(kinds.map((k) => [k, roundSummary(summarize(samples[k]))])),
  peakRssMb: peakRssMb(),
});
await core.close();
process.exit(0);
