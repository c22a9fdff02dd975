/**
 * Child process for `/news <query>`: the real handler (runConsoleLine, then the console's plain
 * rendering) over the fixed query mix, on a warm database, then the two baselines over the same
 * articles: a linear scan (lower case, accents folded, `includes` over every text) and MiniSearch.
 * Round 0 is the first time each query runs (summaries not yet cached); later rounds are steady.
 *
 *   node --import tsx bench/speed/query-entry.ts --content DIR --db FILE --manifest FILE
 *     [--rounds 20] [--no-baselines] [--no-minisearch] [--no-watch]
 */
import { readFileSync } from "node:fs";
import MiniSearch from "minisearch";
import { articleBody } from "../../src/domain/article.js";
import { silentLogger } from "../../src/domain/logger.js";
import { renderPlain } from "../../src/framework/reply.js";
import { runConsoleLine } from "../../src/platforms/console/console-session.js";
import type { CorpusManifest } from "../generate-corpus.js";
import { queryMix } from "./query-mix.js";
import { argValue, emitResult, peakRssMb, roundSummary, summarize } from "./stats.js";

const args = process.argv.slice(2);
const contentDir = argValue(args, "--content");
const databasePath = argValue(args, "--db");
const manifestPath = argValue(args, "--manifest");
if (!contentDir || !databasePath || !manifestPath)
  throw new Error("--content, --db and --manifest are required");
const rounds = Number(argValue(args, "--rounds") ?? 20);
const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as CorpusManifest;
const mix = queryMix(manifest);

const { createCore } = await import("../../src/core.js");
const core = await createCore({
  contentDir,
  databasePath,
  defaultLocale: "en",
  log: silentLogger,
  watch: !args.includes("--no-watch"),
});
const commands = core.commands;
const afterLoadRssMb = Math.round(process.memoryUsage().rss / 1e6);

const now = () => performance.now();
const first: number[] = [];
const steady: number[] = [];
const searchOnly: number[] = [];
const perQuery: { kind: string; text: string; results: number; firstMs: number; steady: number[] }[] =
  mix.map((q) => ({ kind: q.kind, text: q.text, results: 0, firstMs: 0, steady: [] }));

for (let round = 0; round < rounds; round++) {
  for (const [i, q] of mix.entries()) {
    const line = q.text === "" ? "/news" : `/news ${q.text}`;
    const t0 = now();
    const reply = await runConsoleLine(line, commands, core.services, "en");
    const rendered = renderPlain(reply);
    const dt = now() - t0;
    const entry = perQuery[i] as (typeof perQuery)[number];
    if (rendered.length === 0) throw new Error(`empty reply for ${line}`);
    if (reply.error) throw new Error(`error reply for ${line}: ${rendered}`);
    if (round === 0) {
      first.push(dt);
      entry.firstMs = dt;
      entry.results = reply.cards.length;
    } else {
      steady.push(dt);
      entry.steady.push(dt);
    }
  }
}
// Search alone (the index and the library, without summaries and rendering).
for (let round = 0; round < rounds; round++) {
  for (const q of mix) {
    const t0 = now();
    if (q.text === "") core.library.latest(5);
    else core.library.search(q.text, 5);
    searchOnly.push(now() - t0);
  }
}
const servingPeakRssMb = peakRssMb();

const fold = (s: string) =>
  s
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
const terms = (q: string) =>
  fold(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length >= 2);

let baselines: Record<string, unknown> | null = null;
if (!args.includes("--no-baselines")) {
  const loadStart = now();
  const docs = core.library.latest(core.library.count()).map((meta) => {
    const article = core.library.get(meta.id);
    return {
      id: meta.id,
      title: meta.title,
      body: article ? articleBody(article) : "",
      topics: [meta.category ?? "", ...meta.tags].join(" "),
    };
  });
  const loadMs = now() - loadStart;

  // Linear scan: every text folded once, then `includes` per term over all of them.
  const foldStart = now();
  const folded = docs.map((d) => fold(`${d.title}\n${d.topics}\n${d.body}`));
  const foldMs = now() - foldStart;
  const linearSearch = (q: string): string[] => {
    const ts = terms(q);
    if (ts.length === 0) return docs.slice(0, 5).map((d) => d.id);
    const all: number[] = [];
    const any: number[] = [];
    for (let i = 0; i < folded.length; i++) {
      const text = folded[i] as string;
      let hits = 0;
      for (const t of ts) if (text.includes(t)) hits++;
      if (hits === ts.length) all.push(i);
      else if (hits > 0) any.push(i);
    }
    return (all.length > 0 ? all : any).slice(0, 5).map((i) => (docs[i] as (typeof docs)[number]).id);
  };
  const linear: number[] = [];
  for (let round = 0; round < Math.min(rounds, 10); round++) {
    for (const q of mix) {
      const t0 = now();
      linearSearch(q.text);
      linear.push(now() - t0);
    }
  }
  const linearRssMb = peakRssMb();

  let mini: Record<string, unknown> | null = null;
  if (!args.includes("--no-minisearch")) {
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const buildStart = now();
    const ms = new MiniSearch<(typeof docs)[number]>({
      fields: ["title", "body", "topics"],
      processTerm: (t) => {
        const f = fold(t);
        return f.length >= 2 ? f : null;
      },
      searchOptions: { boost: { title: 10, topics: 5 } },
    });
    ms.addAll(docs);
    const buildMs = now() - buildStart;
    global.gc?.();
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
    const miniSearch = (q: string): string[] => {
      if (terms(q).length === 0) return docs.slice(0, 5).map((d) => d.id);
      let hits = ms.search(q, { combineWith: "AND" });
      if (hits.length === 0) hits = ms.search(q, { combineWith: "OR" });
      return hits.slice(0, 5).map((h) => String(h.id));
    };
    const times: number[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const q of mix) {
        const t0 = now();
        miniSearch(q.text);
        times.push(now() - t0);
      }
    }
    mini = {
      buildMs: Math.round(buildMs),
      heapMb: Math.round(heapMb),
      search: roundSummary(summarize(times)),
    };
  }
  baselines = {
    docs: docs.length,
    loadTextsMs: Math.round(loadMs),
    linear: { foldMs: Math.round(foldMs), search: roundSummary(summarize(linear)), peakRssMb: linearRssMb },
    minisearch: mini,
    peakRssMb: peakRssMb(),
  };
}

emitResult({
  articles: core.library.count(),
  rounds,
  queries: mix.length,
  handler: {
    first: roundSummary(summarize(first)),
    steady: roundSummary(summarize(steady)),
    all: roundSummary(summarize([...first, ...steady])),
  },
  searchOnly: roundSummary(summarize(searchOnly)),
  perQuery: perQuery.map((q) => ({
    kind: q.kind,
    text: q.text,
    results: q.results,
    firstMs: Math.round(q.firstMs * 100) / 100,
    steady: roundSummary(summarize(q.steady)),
  })),
  afterLoadRssMb,
  servingPeakRssMb,
  baselines,
});
await core.close();
process.exit(0);
