/**
 * Deterministic synthetic corpus for the speed benchmarks: N articles, French and English, half
 * scraped text (.txt with a byline, like content/000_df19e6179d96e4ae.txt) and half Markdown with
 * YAML front matter, 300 to 1,500 words each, written to bench/corpus/N/ (git-ignored).
 *
 * Article i depends only on (SEED, i), so the 1,000 tier is the first 1,000 articles of the
 * 10,000 tier. French paragraphs are partly real sentences drawn at run time from the OrangeSum
 * sources in ../shared/eval (never copied into the repo); without that file, templates only.
 * A corpus is reused when its manifest matches; `--force` rebuilds it.
 *
 *   npx tsx bench/generate-corpus.ts --n 10000 [--force] [--no-orangesum]
 *
 * Over ~300 lines: the sentence templates, the two file formats and the manifest that makes
 * a corpus reusable are one piece of logic; the word lists live in speed/vocabulary.ts.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  CONTEXTS,
  FILLERS,
  FIRST_NAMES,
  GROUPS,
  LAST_NAMES,
  type Lang,
  MONTHS,
  OUTCOMES,
  PLACES,
  QUOTES,
  ROLES,
  SHARE_LINE,
  SYLLABLES,
  TOPICS,
  type Topic,
  VERBS_PAST,
  WEEKDAYS,
} from "./speed/vocabulary.js";

export const GENERATOR_VERSION = 1;
export const SEED = "newsdesk-bench";
const HERE = dirname(fileURLToPath(import.meta.url));
export const CORPUS_ROOT = join(HERE, "corpus");
const ORANGESUM = resolve(HERE, "../../shared/eval/orangesum/titles/source_documents.txt");

/** A small, fast, well-mixed PRNG (mulberry32), seeded per article by a string hash. */
export function prng(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(r: Rng, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
/** Skewed towards the head of the list: a Zipf-like spread of common and less common items. */
const pickSkewed = <T>(r: Rng, list: readonly T[]): T => list[Math.floor(r() * r() * list.length)] as T;
const int = (r: Rng, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** French contractions the slot filling breaks ("à le prix" -> "au prix"). */
const contract = (s: string) =>
  s
    .replace(/(^|\s)à les /g, "$1aux ")
    .replace(/(^|\s)à le /g, "$1au ")
    .replace(/(^|\s)de les /g, "$1des ")
    .replace(/(^|\s)de le /g, "$1du ");

/** A made-up proper name ("Velnastri"): the long tail of rare terms. */
export function syntheticName(r: Rng): string {
  const n = int(r, 2, 3);
  let s = "";
  for (let i = 0; i < n; i++) s += pick(r, SYLLABLES);
  return cap(s);
}

export interface GeneratedArticle {
  /** File name, relative to the corpus folder. */
  file: string;
  text: string;
  lang: Lang;
  format: "txt" | "md";
  words: number;
  /** Made-up names used in this article (rare search terms). */
  rare: string[];
  title: string;
}

interface Person {
  name: string;
  role: string;
}

interface ArticleState {
  r: Rng;
  lang: Lang;
  topic: Topic;
  people: Person[];
  orgs: string[];
  places: string[];
  year: number;
  realPool: readonly string[][] | null;
}

function sentence(s: ArticleState): string {
  return s.lang === "fr" ? contract(templateSentence(s)) : templateSentence(s);
}

function templateSentence(s: ArticleState): string {
  const { r, lang, topic } = s;
  const subject = pick(r, topic.subjects[lang]);
  const person = pick(r, s.people);
  const org = pick(r, s.orgs);
  const place = pick(r, s.places);
  const pct = `${int(r, 1, 19)},${int(r, 0, 9)}`.replace(",", lang === "fr" ? "," : ".");
  const amount = int(r, 2, 950);
  const year = s.year - int(r, 0, 3);
  const day = int(r, 1, 28);
  const month = pick(r, MONTHS[lang]);
  const group = pick(r, GROUPS[lang]);
  if (lang === "fr") {
    switch (int(r, 0, 10)) {
      case 0:
        return `${person.name}, ${person.role} de ${org}, ${pick(r, VERBS_PAST.fr)} ${pick(r, WEEKDAYS.fr)} que ${subject} ${pick(r, OUTCOMES.fr)}.`;
      case 1:
        return `Selon ${org}, ${subject} a progressé de ${pct} % en ${year}, contre ${int(r, 1, 9)} % un an plus tôt.`;
      case 2:
        return `« ${pick(r, QUOTES.fr)} », a déclaré ${person.name} lors d'une conférence de presse à ${place}.`;
      case 3:
        return `Le ${day} ${month} ${year}, ${org} a présenté un plan de ${amount} millions d'euros consacré à ${pick(r, topic.subjects.fr)}.`;
      case 4:
        return `Cette annonce intervient alors que ${pick(r, CONTEXTS.fr)}.`;
      case 5:
        return `${pick(r, FILLERS.fr)} les ${group} de ${place} s'interrogent sur ${subject} et sur ses conséquences pour la région.`;
      case 6:
        return `${cap(subject)} ${pick(r, OUTCOMES.fr)}, d'après ${person.name}.`;
      case 7:
        return `Au ${pick(r, ["premier", "deuxième", "troisième", "quatrième"])} trimestre, ${subject} a reculé de ${pct} %, ce qui représente près de ${amount} 000 emplois.`;
      case 8:
        return `${pick(r, FILLERS.fr)} ${org} ${pick(r, VERBS_PAST.fr)} que ${pick(r, CONTEXTS.fr)}.`;
      case 9:
        return `Les ${group} interrogés estiment que ${subject} ${pick(r, OUTCOMES.fr)}, même si ${pick(r, CONTEXTS.fr)}.`;
      default:
        return `${pick(r, FILLERS.fr)} ${subject} ${pick(r, OUTCOMES.fr)}.`;
    }
  }
  switch (int(r, 0, 10)) {
    case 0:
      return `${person.name}, ${person.role} of ${org}, ${pick(r, VERBS_PAST.en)} on ${pick(r, WEEKDAYS.en)} that ${subject} ${pick(r, OUTCOMES.en)}.`;
    case 1:
      return `According to ${org}, ${subject} rose by ${pct}% in ${year}, against ${int(r, 1, 9)}% a year earlier.`;
    case 2:
      return `"${pick(r, QUOTES.en)}," ${person.name} told a press conference in ${place}.`;
    case 3:
      return `On ${month} ${day}, ${year}, ${org} set out a £${amount} million plan for ${pick(r, topic.subjects.en)}.`;
    case 4:
      return `The announcement comes as ${pick(r, CONTEXTS.en)}.`;
    case 5:
      return `${pick(r, FILLERS.en)} ${group} in ${place} are asking what ${subject} will mean for the region.`;
    case 6:
      return `${cap(subject)} ${pick(r, OUTCOMES.en)}, according to ${person.name}.`;
    case 7:
      return `In the ${pick(r, ["first", "second", "third", "fourth"])} quarter, ${subject} fell by ${pct}%, or nearly ${amount},000 jobs.`;
    case 8:
      return `${pick(r, FILLERS.en)} ${org} ${pick(r, VERBS_PAST.en)} that ${pick(r, CONTEXTS.en)}.`;
    case 9:
      return `The ${group} we spoke to think ${subject} ${pick(r, OUTCOMES.en)}, even though ${pick(r, CONTEXTS.en)}.`;
    default:
      return `${pick(r, FILLERS.en)} ${subject} ${pick(r, OUTCOMES.en)}.`;
  }
}

function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/\S+/g)) n++;
  return n;
}

/** A paragraph of 3 to 6 sentences: templates, or (French) a run of real sentences. */
function paragraph(s: ArticleState): string {
  if (s.realPool && s.lang === "fr" && s.r() < 0.35) {
    const doc = pick(s.r, s.realPool);
    const start = int(s.r, 0, Math.max(0, doc.length - 4));
    return doc.slice(start, start + int(s.r, 3, 5)).join(" ");
  }
  const n = int(s.r, 3, 6);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(sentence(s));
  return out.join(" ");
}

/** Generates article `i` of the corpus; pure in (SEED, i, realPool). */
export function generateArticle(i: number, realPool: readonly string[][] | null): GeneratedArticle {
  const r = prng(`${SEED}:${i}`);
  const lang: Lang = r() < 0.55 ? "fr" : "en";
  const format = r() < 0.5 ? "txt" : "md";
  const topic = pickSkewed(r, TOPICS);
  const rare = [syntheticName(r), syntheticName(r)];
  const rareOrg = lang === "fr" ? `le groupe ${rare[0]}` : `${rare[0]} Holdings`;
  const people: Person[] = [];
  for (let k = 0; k < 3; k++) {
    const last = k === 2 ? (rare[1] as string) : pick(r, LAST_NAMES[lang]);
    people.push({ name: `${pick(r, FIRST_NAMES[lang])} ${last}`, role: pick(r, ROLES[lang]) });
  }
  const s: ArticleState = {
    r,
    lang,
    topic,
    people,
    orgs: [pick(r, topic.orgs[lang]), pick(r, topic.orgs[lang]), rareOrg],
    places: [pickSkewed(r, PLACES[lang]), pickSkewed(r, PLACES[lang])],
    year: int(r, 2019, 2025),
    realPool,
  };
  const target = 300 + Math.floor(1200 * r() ** 1.6);
  const filled = pick(r, topic.titles[lang])
    .replace("{subject}", pick(r, topic.subjects[lang]))
    .replace("{org}", (s.orgs[0] as string).replace(/^(l'|la |le |les |the )/i, ""))
    .replace("{place}", s.places[0] as string)
    .replace("{name}", (people[0] as Person).name);
  const title = cap(lang === "fr" ? contract(filled) : filled);
  const headings = [...topic.headings[lang]];
  const sections: { heading: string | null; paragraphs: string[] }[] = [];
  let words = countWords(title);
  let current: { heading: string | null; paragraphs: string[] } = { heading: null, paragraphs: [] };
  sections.push(current);
  while (words < target) {
    if (current.paragraphs.length >= 2 && headings.length > 0 && r() < 0.4) {
      current = {
        heading: headings.splice(Math.floor(r() * headings.length), 1)[0] as string,
        paragraphs: [],
      };
      sections.push(current);
    }
    const p = paragraph(s);
    words += countWords(p);
    current.paragraphs.push(p);
  }
  const month = int(r, 1, 12);
  const day = int(r, 1, 28);
  const author = `${pick(r, FIRST_NAMES[lang])} ${pick(r, LAST_NAMES[lang])}`;
  const category = topic.category[lang];
  const tags = [
    ...new Set([pick(r, topic.tags[lang]), pick(r, topic.tags[lang]), pick(r, topic.tags[lang])]),
  ];
  const hex =
    Math.floor(r() * 2 ** 32)
      .toString(16)
      .padStart(8, "0") +
    Math.floor(r() * 2 ** 32)
      .toString(16)
      .padStart(8, "0");
  const id = `${String(i).padStart(6, "0")}_${hex}`;
  let text: string;
  if (format === "txt") {
    const byline = `${author} | ${category} | ${lang.toUpperCase()} | ${MONTHS.en[month - 1]} ${day}, ${s.year}`;
    // Scraper style: one paragraph per line, headings on their own line or glued to the end
    // of the previous paragraph (as in the seed article), share boilerplate at the end.
    const lines: string[] = [title, "", byline];
    for (const section of sections) {
      if (section.heading) {
        const last = lines.length - 1;
        if (lines.length > 3 && r() < 0.5) lines[last] = `${lines[last]}${section.heading}`;
        else lines.push(section.heading);
      }
      lines.push(...section.paragraphs);
    }
    lines.push(SHARE_LINE[lang]);
    text = `${lines.join("\n")}\n`;
  } else {
    const date = `${s.year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    const front = [
      "---",
      `title: ${JSON.stringify(title)}`,
      `author: ${JSON.stringify(author)}`,
      `date: ${date}`,
      `category: ${category}`,
      `tags: [${tags.join(", ")}]`,
      `lang: ${lang}`,
      "---",
      "",
    ];
    const body: string[] = [];
    for (const section of sections) {
      if (section.heading) body.push(`## ${section.heading}`);
      body.push(...section.paragraphs);
    }
    text = `${front.join("\n")}${body.join("\n\n")}\n`;
  }
  return { file: `${id}.${format}`, text, lang, format, words, rare, title };
}

/** Real French sentences, grouped by source document, read in place (never stored). */
export function loadRealPool(): string[][] | null {
  if (!existsSync(ORANGESUM)) return null;
  const docs: string[][] = [];
  for (const line of readFileSync(ORANGESUM, "utf8").split("\n")) {
    const sentences = line
      .split(/(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Ý«"])/u)
      .map((x) => x.trim())
      .filter((x) => x.length >= 40 && x.length <= 320 && /[.!?»"]$/.test(x));
    if (sentences.length >= 4) docs.push(sentences);
  }
  return docs.length > 0 ? docs : null;
}

export interface CorpusManifest {
  version: number;
  seed: string;
  n: number;
  orangesum: boolean;
  files: number;
  words: { total: number; min: number; max: number; median: number };
  formats: Record<string, number>;
  langs: Record<string, number>;
  bytes: number;
  /** Made-up names from a few fixed articles: rare but present search terms. */
  probes: { rare: string[]; titles: string[] };
  generatedAt: string;
  ms: number;
}

const MANIFEST = ".manifest.json";

export function corpusDir(n: number): string {
  return join(CORPUS_ROOT, String(n));
}

export function readManifest(n: number): CorpusManifest | null {
  const path = join(corpusDir(n), MANIFEST);
  if (!existsSync(path)) return null;
  try {
    const m = JSON.parse(readFileSync(path, "utf8")) as CorpusManifest;
    return m.version === GENERATOR_VERSION && m.n === n && m.seed === SEED ? m : null;
  } catch {
    return null;
  }
}

/** The corpus for `n`, generated unless a matching one is already on disk. */
export function ensureCorpus(
  n: number,
  options: { force?: boolean; orangesum?: boolean; log?: (line: string) => void } = {},
): { dir: string; manifest: CorpusManifest; generated: boolean } {
  const dir = corpusDir(n);
  const existing = options.force ? null : readManifest(n);
  if (existing) return { dir, manifest: existing, generated: false };
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const started = performance.now();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const pool = options.orangesum === false ? null : loadRealPool();
  const counts: number[] = [];
  const formats: Record<string, number> = {};
  const langs: Record<string, number> = {};
  let bytes = 0;
  const probes = { rare: [] as string[], titles: [] as string[] };
  const probeAt = new Set([7, 123, 456, 789, Math.floor(n / 2), n - 3]);
  let lastLog = performance.now();
  for (let i = 0; i < n; i++) {
    const a = generateArticle(i, pool);
    writeFileSync(join(dir, a.file), a.text);
    counts.push(a.words);
    formats[a.format] = (formats[a.format] ?? 0) + 1;
    langs[a.lang] = (langs[a.lang] ?? 0) + 1;
    bytes += Buffer.byteLength(a.text);
    if (probeAt.has(i)) {
      probes.rare.push(a.rare[0] as string);
      probes.titles.push(a.title);
    }
    if (performance.now() - lastLog > 5_000) {
      lastLog = performance.now();
      log(`corpus ${n}: ${i + 1} articles written`);
    }
  }
  counts.sort((a, b) => a - b);
  const manifest: CorpusManifest = {
    version: GENERATOR_VERSION,
    seed: SEED,
    n,
    orangesum: pool !== null,
    files: n,
    words: {
      total: counts.reduce((a, b) => a + b, 0),
      min: counts[0] ?? 0,
      max: counts[counts.length - 1] ?? 0,
      median: counts[Math.floor(counts.length / 2)] ?? 0,
    },
    formats,
    langs,
    bytes,
    probes,
    generatedAt: new Date().toISOString(),
    ms: Math.round(performance.now() - started),
  };
  // Written last: its presence marks a complete corpus.
  writeFileSync(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  log(`corpus ${n}: generated in ${(manifest.ms / 1000).toFixed(1)} s (${(bytes / 1e6).toFixed(0)} MB)`);
  return { dir, manifest, generated: true };
}

function main(): void {
  const args = process.argv.slice(2);
  const nArg = args.indexOf("--n");
  const sizes = nArg >= 0 ? [Number(args[nArg + 1])] : [1_000, 10_000];
  for (const n of sizes) {
    if (!Number.isInteger(n) || n <= 0) throw new Error(`bad --n: ${args[nArg + 1]}`);
    const { dir, manifest, generated } = ensureCorpus(n, {
      force: args.includes("--force"),
      orangesum: !args.includes("--no-orangesum"),
    });
    process.stdout.write(
      `${generated ? "generated" : "reused"} ${dir}: ${manifest.files} files, ${manifest.words.median} median words, ${(manifest.bytes / 1e6).toFixed(0)} MB\n`,
    );
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
