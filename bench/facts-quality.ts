/**
 * Key-fact quality on the labelled set (tests/fixtures/facts, see its README for the labelling guide
 * and the matching rules): precision and recall per kind, for all articles and for each split (dev,
 * held out, late). The goal is recall >= 90% and precision >= 85% for every kind.
 *
 *   npx tsx bench/facts-quality.ts            # the tables
 *   npx tsx bench/facts-quality.ts --misses   # plus every missed and extra fact of the dev split
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { FACT_KINDS, type Fact, type FactKind } from "../src/domain/fact.js";
import { publicationDate } from "../src/news/facts/dates.js";
import { extractFacts } from "../src/news/facts/extract-facts.js";
import { fold } from "../src/news/facts/text.js";

interface LabelledFact {
  kind: FactKind;
  text: string;
  detail?: string;
}

interface LabelledArticle {
  id: string;
  lang: "fr" | "en";
  date: string;
  split: "dev" | "holdout" | "late";
  title: string;
  text: string;
  facts: LabelledFact[];
}

interface Counts {
  labelled: number;
  found: number;
  matched: number;
}

const GOAL_PRECISION = 0.85;
const GOAL_RECALL = 0.9;
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "..", "tests", "fixtures", "facts");

/** A name for comparison: folded, no punctuation, no leading article. */
function normName(s: string): string {
  return fold(s)
    .replace(/[.,;:!?«»"“”()]/g, " ")
    .replace(/[-'’]/g, " ")
    .replace(/^(?:(?:le|la|les|l|the)\s+)+/, "")
    .replace(/\s+/g, " ")
    .trim();
}

const STOP = new Set(
  "dans avec pour sans sous leur leurs cette elle elles nous vous ont sont avait apres avant entre selon plus moins tres that this with from have been were their which after about into over than they will would also said".split(
    " ",
  ),
);

/** Content words of an event, cut to five letters. */
function eventWords(s: string): string[] {
  return fold(s)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 4 && !STOP.has(w))
    .map((w) => w.slice(0, 5));
}

function singular(w: string): string {
  return w.replace(/(?:s|x)$/, "");
}

function quantityMatch(a: string, b: string): boolean {
  const [va, ...ua] = a.split(" ");
  const [vb, ...ub] = b.split(" ");
  if (va !== vb) return false;
  const unitA = ua.map((w) => singular(fold(w)));
  const unitB = ub.map((w) => singular(fold(w)));
  if (unitA.join(" ") === unitB.join(" ")) return true;
  // Counted nouns: "engineering jobs" and "jobs" name the same unit.
  return unitA.some((w) => w.length > 2 && unitB.includes(w));
}

/** Whether a found fact matches a labelled one (same kind assumed). */
export function factMatches(label: LabelledFact, found: Pick<Fact, "text" | "detail">): boolean {
  switch (label.kind) {
    case "person": {
      const a = normName(label.text).split(" ");
      const b = normName(found.text).split(" ");
      const [short, long] = a.length <= b.length ? [a, b] : [b, a];
      return short.every((w, k) => long[long.length - short.length + k] === w);
    }
    case "organization": {
      const mine = [label.text, label.detail].filter((x): x is string => !!x).map(normName);
      const theirs = [found.text, found.detail].filter((x): x is string => !!x).map(normName);
      return mine.some((x) => theirs.includes(x));
    }
    case "place":
      return normName(label.text) === normName(found.text);
    case "date":
      return label.detail === found.detail;
    case "quantity":
      return label.detail !== undefined && found.detail !== null && quantityMatch(label.detail, found.detail);
    case "event": {
      const want = [...new Set(eventWords(label.text))];
      const have = new Set(eventWords(found.text));
      return want.length > 0 && want.filter((w) => have.has(w)).length * 2 >= want.length;
    }
  }
}

export function loadLabelledSet(dir = FIXTURES): LabelledArticle[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as LabelledArticle);
}

/** The extractor's facts for a labelled article, without the publication-date fact (metadata). */
export function factsFor(a: LabelledArticle): Fact[] {
  const sections = a.text.split(/\n\s*\n/).map((text) => ({ heading: null, text }));
  const published = publicationDate(a.date, a.lang);
  return extractFacts({ title: a.title, lang: a.lang, date: a.date, sections }).filter(
    (f) => !(f.kind === "date" && published !== null && f.sentence === published.sentence),
  );
}

interface ArticleScore {
  counts: Record<FactKind, Counts>;
  missed: LabelledFact[];
  extra: Fact[];
}

function score(a: LabelledArticle): ArticleScore {
  const found = factsFor(a);
  const counts = Object.fromEntries(
    FACT_KINDS.map((k) => [k, { labelled: 0, found: 0, matched: 0 }]),
  ) as Record<FactKind, Counts>;
  const used = new Set<Fact>();
  const missed: LabelledFact[] = [];
  for (const f of found) counts[f.kind].found++;
  for (const label of a.facts) {
    counts[label.kind].labelled++;
    const hit = found.find((f) => f.kind === label.kind && !used.has(f) && factMatches(label, f));
    if (hit === undefined) missed.push(label);
    else {
      used.add(hit);
      counts[label.kind].matched++;
    }
  }
  return { counts, missed, extra: found.filter((f) => !used.has(f)) };
}

function pct(n: number, d: number): string {
  return d === 0 ? "n/a" : `${((100 * n) / d).toFixed(1)}%`;
}

function table(title: string, scores: ArticleScore[]): { markdown: string; rows: unknown[] } {
  const lines = [
    `### ${title} (${scores.length} articles)`,
    "",
    "| kind | labelled | found | matched | precision | recall | goal (P >= 85%, R >= 90%) |",
    "|---|---:|---:|---:|---:|---:|---|",
  ];
  const rows: unknown[] = [];
  for (const kind of FACT_KINDS) {
    const c = scores.reduce(
      (acc, s) => ({
        labelled: acc.labelled + s.counts[kind].labelled,
        found: acc.found + s.counts[kind].found,
        matched: acc.matched + s.counts[kind].matched,
      }),
      { labelled: 0, found: 0, matched: 0 },
    );
    const precision = c.found === 0 ? 0 : c.matched / c.found;
    const recall = c.labelled === 0 ? 0 : c.matched / c.labelled;
    const met = precision >= GOAL_PRECISION && recall >= GOAL_RECALL;
    const verdict = met ? "met" : `missed (${pct(c.matched, c.found)} / ${pct(c.matched, c.labelled)})`;
    lines.push(
      `| ${kind} | ${c.labelled} | ${c.found} | ${c.matched} | ${pct(c.matched, c.found)} | ${pct(c.matched, c.labelled)} | ${verdict} |`,
    );
    rows.push({ kind, ...c, precision, recall, met });
  }
  return { markdown: lines.join("\n"), rows };
}

/** Precision and recall per kind on the labelled set, as markdown tables and JSON. */
export async function factsQuality(): Promise<{ markdown: string; json: unknown }> {
  const articles = loadLabelledSet();
  const scored = articles.map((a) => ({ a, s: score(a) }));
  const parts = [
    table(
      "All",
      scored.map((x) => x.s),
    ),
    table(
      "Dev (tuned on)",
      scored.filter((x) => x.a.split === "dev").map((x) => x.s),
    ),
    table(
      "Held out (not tuned on)",
      scored.filter((x) => x.a.split === "holdout").map((x) => x.s),
    ),
    table(
      "Late (written after the rules; first-sight figures in the README, then tuned on)",
      scored.filter((x) => x.a.split === "late").map((x) => x.s),
    ),
  ];
  const markdown = [
    "## Key facts: precision and recall per kind",
    "",
    "Labelled set: tests/fixtures/facts (matching rules in its README). Command: `npx tsx bench/facts-quality.ts`.",
    "",
    ...parts.flatMap((p) => [p.markdown, ""]),
  ].join("\n");
  return {
    markdown,
    json: { all: parts[0]?.rows, dev: parts[1]?.rows, holdout: parts[2]?.rows, late: parts[3]?.rows },
  };
}

function misses(split: string): string {
  const out: string[] = [];
  for (const a of loadLabelledSet().filter((x) => x.split === split)) {
    const s = score(a);
    if (s.missed.length === 0 && s.extra.length === 0) continue;
    out.push(`- ${a.id}`);
    for (const m of s.missed) out.push(`    missed ${m.kind}: ${m.text}${m.detail ? ` (${m.detail})` : ""}`);
    for (const e of s.extra) out.push(`    extra  ${e.kind}: ${e.text}${e.detail ? ` (${e.detail})` : ""}`);
  }
  return out.join("\n");
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { markdown } = await factsQuality();
  console.log(markdown);
  const i = process.argv.indexOf("--misses");
  if (i >= 0) console.log(misses(process.argv[i + 1] ?? "dev"));
}
