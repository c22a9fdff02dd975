/**
 * `npm run test:mutation [-- folder ...]`: Stryker over each folder in turn (all of them by
 * default, or those named: platforms, schedule, config, content, content-parsers), each with its own incremental
 * file so a folder re-run reuses the others' results, then the score per folder. Reports land in
 * reports/mutation/ (HTML per folder). The scores and the survivors are discussed in docs/testing.md.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { Stryker } from "@stryker-mutator/core";

/** The shared options (stryker.config.json, also what a bare `npx stryker run` reads). */
const { $schema: _schema, ...config } = JSON.parse(readFileSync("stryker.config.json", "utf8")) as Record<
  string,
  unknown
>;

const FOLDERS: Record<string, string[]> = {
  platforms: ["src/platforms/**/*.ts"],
  schedule: ["src/schedule/**/*.ts"],
  // src/schedule in two halves, each a run of its own with exact figures, for a machine too busy
  // for the whole folder at once: the four files that every scheduler test reaches (each of their
  // mutants runs dozens of scheduler tests), and the rest.
  "schedule-core": [
    "src/schedule/scheduler.ts",
    "src/schedule/planner.ts",
    "src/schedule/delivery-worker.ts",
    "src/schedule/scheduling-service.ts",
  ],
  "schedule-parts": [
    "src/schedule/**/*.ts",
    "!src/schedule/scheduler.ts",
    "!src/schedule/planner.ts",
    "!src/schedule/delivery-worker.ts",
    "!src/schedule/scheduling-service.ts",
  ],
  config: ["src/config.ts"],
  content: ["src/content/**/*.ts"],
  // The parsers alone (pure and fast to test): the library's load and watch tests wait for
  // file-system events, and a mutant that breaks them costs a timeout and a runner restart each.
  // The library is library.ts and the files it was split into (scan, follow, watch, catalogue).
  "content-parsers": [
    "src/content/**/*.ts",
    "!src/content/library*.ts",
    "!src/content/catalogue.ts",
    "!src/content/watch-folder.ts",
    "!src/content/parse-files.ts",
    "!src/content/list-files.ts",
    "!src/content/parse-worker.ts",
  ],
};
/**
 * The tests' waits (tests/helpers/wait-for.ts) get a quarter of their deadline, 3 s at least: a
 * mutant that breaks the content watcher then fails its tests in seconds instead of 20 s each.
 * Set here, before Stryker forks its test runners, which inherit it; ordinary runs never see it.
 */
process.env.NEWSDESK_WAIT_SCALE ??= "0.25";

/** The goal (issue 12): at least this share of the mutants killed, in each folder. */
const GOAL = 0.7;

type Status = Awaited<ReturnType<Stryker["runMutationTest"]>>[number]["status"];

const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
// A single source file (`npm run test:mutation -- src/schedule/planner.ts`) is measured alone,
// with exact figures for that file: the way to measure a slow folder one piece at a time.
for (const file of wanted.filter((w) => /^src\/.+\.ts$/.test(w) && existsSync(w))) FOLDERS[file] = [file];
/** The folders a bare run measures (the halves of src/schedule are for a busy machine). */
const DEFAULT = ["platforms", "schedule", "config", "content"];
const unknown = wanted.filter((w) => !(w in FOLDERS));
if (unknown.length > 0) {
  process.stderr.write(
    `unknown folder(s): ${unknown.join(", ")}; choose from ${Object.keys(FOLDERS).join(", ")}\n`,
  );
  process.exit(2);
}
mkdirSync("reports/mutation", { recursive: true });

const rows: string[][] = [];
for (const name of wanted.length > 0 ? wanted : DEFAULT) {
  const results = await new Stryker({
    ...config,
    mutate: FOLDERS[name],
    incrementalFile: `reports/mutation/${reportName(name)}.incremental.json`,
    jsonReporter: { fileName: `reports/mutation/${reportName(name)}.json` },
    htmlReporter: { fileName: `reports/mutation/${reportName(name)}.html` },
  }).runMutationTest();
  const count = (...statuses: Status[]) => results.filter((r) => statuses.includes(r.status)).length;
  const detected = count("Killed", "Timeout");
  const valid = results.length - count("CompileError", "RuntimeError", "Ignored");
  const covered = valid - count("NoCoverage");
  const score = valid === 0 ? 1 : detected / valid;
  rows.push([
    label(name),
    String(valid),
    String(count("Killed")),
    String(count("Timeout")),
    String(count("Survived")),
    String(count("NoCoverage")),
    `${(100 * score).toFixed(1)}%`,
    `${(100 * (covered === 0 ? 1 : detected / covered)).toFixed(1)}%`,
    score >= GOAL ? "met" : "missed",
  ]);
}

/** How a run is named in the table. */
function label(name: string): string {
  if (name === "config") return "src/config.ts";
  if (name.startsWith("src/")) return name;
  if (name === "content-parsers") return "src/content (parsers only)";
  if (name.startsWith("schedule-")) return `src/schedule (${name.slice("schedule-".length)})`;
  return `src/${name}`;
}

/** A report's file name: the folder's name, or a file's path with its slashes as dashes. */
function reportName(name: string): string {
  return name.replace(/\.ts$/, "").replaceAll("/", "-");
}

const header = [
  "Folder",
  "Mutants",
  "Killed",
  "Timeout",
  "Survived",
  "No coverage",
  "Score",
  "Covered score",
  `Goal ${100 * GOAL}%`,
];
const table = [header, header.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
process.stdout.write(`\nMutation score per folder (killed + timed out, of valid mutants):\n\n${table}\n`);
writeFileSync("reports/mutation/scores.md", `${table}\n`);
