/**
 * Summary plus key facts on adversarial 160 KB texts (tests/helpers/adversarial-texts.ts) beside
 * ordinary text of the same size (OrangeSum articles, one per paragraph; the goal: at most
 * 3 times its time). Each measurement is a fresh process: it warms the code up on other articles,
 * then times one uncached pass (`summarizeArticle(a, 3)` then `extractFacts(a)`) over the text, as
 * the bot's thread does for a new article; `--runs` rounds of one process per text, medians reported.
 *
 *   node --import tsx bench/speed/adversarial-entry.ts [--size 160000] [--runs 5] [--only "dates only"]
 *   node --import tsx bench/speed/adversarial-entry.ts --text "dates only"   # one pass, one text
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { extractFacts } from "../../src/news/facts/extract-facts.js";
import { summarizeArticle } from "../../src/news/summarize.js";
import { ADVERSARIAL } from "../../tests/helpers/adversarial-texts.js";
import { SEED_FILE } from "../../tests/helpers/seed.js";
import { argValue, emitResult, RESULT_PREFIX, round, summarize } from "./stats.js";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const ORANGESUM = join(HERE, "../../../shared/eval/orangesum/source_documents.txt");
const args = process.argv.slice(2);
const size = Number(argValue(args, "--size") ?? 160_000);
const ORDINARY = "ordinary (OrangeSum articles)";

/** Real news paragraphs: OrangeSum's articles (read in place), else the seed article's lines. */
function newsParagraphs(): string[] {
  if (existsSync(ORANGESUM)) return readFileSync(ORANGESUM, "utf8").split("\n").filter(Boolean);
  return readFileSync(SEED_FILE, "utf8")
    .split("\n")
    .filter((l) => l.trim().length > 40);
}

function textOf(name: string): string {
  if (name !== ORDINARY) {
    const make = ADVERSARIAL[name];
    if (!make) throw new Error(`no text named "${name}"`);
    return make(size);
  }
  const paragraphs = newsParagraphs().slice(0, 1000);
  const out: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const p = paragraphs[i % paragraphs.length] as string;
    out.push(p);
    length += p.length + 1;
  }
  return out.join("\n").slice(0, size);
}

const article = (text: string) => ({
  title: "Un article pour la mesure",
  sections: [{ heading: null, text }],
  lang: "fr",
  date: "2025-07-18",
  summary: null,
});

/** One text, one process: warm-up on other articles, then one timed pass. */
function measureOne(name: string): void {
  const text = textOf(name);
  // Warm-up on articles the ordinary text does not use (its first 1,000 are measured).
  const warm = newsParagraphs().slice(-100);
  for (const p of warm) {
    summarizeArticle(article(p), 3);
    extractFacts(article(p));
  }
  const a = article(text);
  const t0 = performance.now();
  const summary = summarizeArticle(a, 3);
  const t1 = performance.now();
  const facts = extractFacts(a);
  const t2 = performance.now();
  emitResult({
    name,
    chars: text.length,
    summaryMs: round(t1 - t0),
    factsMs: round(t2 - t1),
    totalMs: round(t2 - t0),
    sentences: summary.length,
    facts: facts.length,
  });
}

interface One {
  name: string;
  chars: number;
  summaryMs: number;
  factsMs: number;
  totalMs: number;
}

function child(name: string): Promise<One> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      ["--import", "tsx", fileURLToPath(import.meta.url), "--text", name, "--size", String(size)],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    let stdout = "";
    proc.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    proc.on("error", reject);
    proc.on("close", (code) => {
      const line = stdout.split("\n").find((l) => l.startsWith(RESULT_PREFIX));
      if (code !== 0 || !line) reject(new Error(`"${name}" exited ${code}`));
      else resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as One);
    });
  });
}

/**
 * Rounds of every text, ordinary first in each: a text's ratio is the median over the rounds of
 * its time over that round's ordinary time, so a machine busier in one minute than the next moves
 * both sides of a ratio alike.
 */
async function measureAll(): Promise<void> {
  const runs = Number(argValue(args, "--runs") ?? 5);
  const only = argValue(args, "--only");
  const names = [ORDINARY, ...Object.keys(ADVERSARIAL).filter((n) => !only || only.split(",").includes(n))];
  const rounds: Map<string, One>[] = [];
  for (let r = 0; r < runs; r++) {
    const round = new Map<string, One>();
    for (const name of names) round.set(name, await child(name));
    rounds.push(round);
    process.stderr.write(`[adversarial] round ${r + 1}/${runs} done\n`);
  }
  const rows = names.map((name) => {
    const ones = rounds.map((round) => round.get(name) as One);
    const med = (f: (o: One, i: number) => number) => round(summarize(ones.map(f)).median);
    return {
      name,
      chars: ones[0]?.chars ?? 0,
      summaryMs: med((o) => o.summaryMs),
      factsMs: med((o) => o.factsMs),
      totalMs: med((o) => o.totalMs),
      ratio: med((o, i) => o.totalMs / ((rounds[i] as Map<string, One>).get(ORDINARY) as One).totalMs),
    };
  });
  const adversarial = rows.slice(1).sort((a, b) => b.ratio - a.ratio);
  emitResult({
    size,
    runs,
    ordinaryMs: rows[0]?.totalMs,
    texts: rows,
    worst: adversarial[0]?.name,
    worstRatio: adversarial[0]?.ratio,
  });
}

const one = argValue(args, "--text");
if (one !== undefined) measureOne(one);
else await measureAll();
