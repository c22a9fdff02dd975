import { once } from "node:events";
import { existsSync, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import { parseArgs } from "node:util";
import { BackupRefused, copyDatabase, type Database, type Printed, readAudit } from "./cli-database.js";
import { boundedLines } from "./cli-lines.js";
import { type Config, ConfigError, loadConfig } from "./config.js";
import { detectLanguage } from "./content/detect-language.js";
import { readArticleFile } from "./content/read-article-file.js";
import { createCore } from "./core.js";
import type { Article } from "./domain/article.js";
import { isLocale } from "./domain/locale.js";
import { renderPlain } from "./framework/reply.js";
import { createLogger } from "./logger.js";
import { extractFacts } from "./news/facts/extract-facts.js";
import { MAX_ANALYSED_CHARS } from "./news/sentences.js";
import { summarize, summarizeArticle } from "./news/summarize.js";
import { runConsoleLine } from "./platforms/console/console-session.js";
import { PublisherRegistry } from "./schedule/publisher-registry.js";
import { type ImportCommand, runImport } from "./sources/import-command.js";

/**
 * The command line for people and scripts: parse, validate, summary, facts, ask, import,
 * dashboard-link, and the operator's backup, restore and audit.
 * With --json, stdout carries exactly one JSON document; logs go to stderr.
 * Usage errors print one line on stderr and exit 2.
 */

const USAGE = `Usage: npm run -s cli -- <command> [options]
  parse <file> [--json]
  validate [dir]
  summary <file|id> [--json] [--sentences N]
  summary --lines FILE [--json] [--sentences N] [--lang xx]
  facts <file|id> [--json]
  ask "<command line>" [--json] [--locale en|fr]
  import <url> [--full-text auto|always|never] [--dry-run] [--json]
  dashboard-link
  backup <new file> [--json]
  restore <backup file> [--json]      (stop the bot first)
  audit [--target discord:<id>|telegram:<id>|console] [--limit N] [--json]
Options: --content DIR (overrides CONTENT_DIR)`;

class UsageError extends Error {}

const OPTIONS = {
  json: { type: "boolean" },
  content: { type: "string" },
  sentences: { type: "string" },
  lines: { type: "string" },
  lang: { type: "string" },
  locale: { type: "string" },
  target: { type: "string" },
  limit: { type: "string" },
  help: { type: "boolean", short: "h" },
  "full-text": { type: "string" },
  "dry-run": { type: "boolean" },
} as const;

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const config = readConfig();
  const contentDir = values.content ?? config.CONTENT_DIR;
  const sentences = values.sentences === undefined ? undefined : positiveInt(values.sentences, "--sentences");
  const out = (value: unknown, text: () => string) =>
    process.stdout.write(values.json ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`);
  const printed = ({ document, text }: Printed) => {
    out(document, () => text);
    return 0;
  };

  switch (command) {
    case "parse": {
      const file = requireArg(rest[0], "parse needs a file");
      const outcome = await readFileArg(file);
      if (!outcome.ok) {
        out({ file, error: outcome.reason, warnings: outcome.warnings }, () => `${file}: ${outcome.reason}`);
        return 1;
      }
      const { article, warnings } = outcome;
      const { summary: _s, publishAt: _p, ...shown } = article;
      out({ ...shown, warnings }, () => describeArticle(article, warnings));
      return 0;
    }
    case "validate": {
      const dir = rest[0] ?? contentDir;
      if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`not a folder: ${dir}`);
      const core = await createCore({
        contentDir: dir,
        databasePath: ":memory:",
        defaultLocale: config.DEFAULT_LOCALE,
        log: quietLog(),
        followSymlinks: config.CONTENT_FOLLOW_SYMLINKS,
      });
      const { skipped, articles } = core.report;
      await core.close();
      out({ dir, articles, problems: skipped }, () =>
        [
          ...skipped.map((s) => `${s.file}: ${s.reason}`),
          `${articles} articles valid, ${skipped.length} problem(s)`,
        ].join("\n"),
      );
      return skipped.length > 0 ? 1 : 0;
    }
    case "summary": {
      if (values.lines !== undefined) {
        await summarizeLines(values.lines, sentences ?? 1, values.lang, values.json === true);
        return 0;
      }
      const article = await articleArg(
        requireArg(rest[0], "summary needs a file or an article id"),
        contentDir,
        config,
      );
      const chosen = summarizeArticle(article, sentences ?? 2);
      out({ id: article.id, lang: article.lang, summary: chosen.join(" "), sentences: chosen }, () =>
        chosen.join(" "),
      );
      return 0;
    }
    case "facts": {
      const article = await articleArg(
        requireArg(rest[0], "facts needs a file or an article id"),
        contentDir,
        config,
      );
      const facts = extractFacts(article);
      out({ id: article.id, facts }, () =>
        facts.map((f) => `${f.kind.padEnd(12)} ${f.text}${f.detail ? ` (${f.detail})` : ""}`).join("\n"),
      );
      return 0;
    }
    case "ask": {
      const line = requireArg(
        rest.join(" ").trim() || undefined,
        'ask needs a command line, e.g. ask "/news bitcoin"',
      );
      const locale = values.locale ?? config.DEFAULT_LOCALE;
      if (!isLocale(locale)) throw new UsageError(`--locale must be en or fr, not "${locale}"`);
      // The real database and a scheduler that is never started: /schedule and /subscribe record
      // what a running bot will post, exactly as typed in its console.
      const core = await createCore({
        contentDir,
        databasePath: config.DATABASE_PATH,
        shared: databaseOf(config).shared,
        defaultLocale: locale,
        log: quietLog(),
        followSymlinks: config.CONTENT_FOLLOW_SYMLINKS,
        schedule: schedulerSettings(config),
      });
      try {
        const reply = await runConsoleLine(line, core.commands, core.services, locale);
        out(reply, () => renderPlain(reply));
        return reply.error ? 1 : 0;
      } finally {
        await core.close();
      }
    }
    case "import": {
      const outcome = await runImport(importArgs(rest, values, contentDir, config));
      // Not read: the reason on stderr, and with --json still one document on stdout.
      if (outcome.code === 0 || values.json) out(outcome.document, () => outcome.text);
      if (outcome.code !== 0) process.stderr.write(`error: ${outcome.document.error}\n`);
      return outcome.code;
    }
    case "dashboard-link": {
      // One sign-in URL on stdout, for scripts; why it may not work as printed, on stderr.
      const { createDashboardLink } = await import("./dashboard-start.js");
      const { link, warning } = await createDashboardLink(config);
      if (warning) process.stderr.write(`warning: ${warning}\n`);
      out({ link }, () => link);
      return 0;
    }
    case "backup":
    case "restore": {
      const file = requireArg(rest[0], `${command} needs a file, e.g. ${command} backups/newsdesk.db`);
      return printed(await refusedAsUsage(() => copyDatabase(command, file, databaseOf(config))));
    }
    case "audit": {
      const limit = values.limit === undefined ? 50 : wholeNumber(values.limit, "--limit", 1, 10_000);
      return printed(await refusedAsUsage(() => readAudit(databaseOf(config), limit, values.target)));
    }
    default:
      throw new UsageError(`unknown command "${command}" (try --help)`);
  }
}

/** `import <url>`'s arguments, checked: a usage error for anything but one http(s)-shaped URL. */
function importArgs(
  rest: string[],
  values: { "full-text"?: string; "dry-run"?: boolean },
  contentDir: string,
  config: Config,
): ImportCommand {
  const url = requireArg(rest[0], "import needs the URL of a feed or a page");
  if (rest.length > 1) throw new UsageError("import takes one URL");
  if (!URL.canParse(url)) throw new UsageError(`not a URL: ${url.slice(0, 200)}`);
  const fullText = values["full-text"] ?? "auto";
  if (fullText !== "auto" && fullText !== "always" && fullText !== "never")
    throw new UsageError(`--full-text must be auto, always or never, not "${fullText}"`);
  return {
    url,
    contentDir,
    fullText,
    dryRun: values["dry-run"] === true,
    allowPrivate: config.FETCH_ALLOW_PRIVATE,
  };
}

function schedulerSettings(config: Config) {
  return {
    digestCron: config.DIGEST_CRON ?? null,
    timeZone: config.NEWS_TIMEZONE,
    targets: config.ANNOUNCE_TARGETS,
    catchUp: config.CATCH_UP,
    // Never started: nothing is posted from here.
    publishers: new PublisherRegistry(),
  };
}

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message.replace(/\n\s*/g, " "));
    throw error;
  }
}

/** CLI runs report problems themselves; the log only speaks up for real errors. */
function quietLog() {
  return createLogger("error", { pretty: true });
}

function requireArg(value: string | undefined, message: string): string {
  if (value === undefined || value === "") throw new UsageError(message);
  return value;
}

function positiveInt(text: string, flag: string): number {
  return wholeNumber(text, flag, 1, 20);
}

function wholeNumber(text: string, flag: string, min: number, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}`);
  return n;
}

/** A file the operator named wrongly is a usage error: one line, exit 2. */
async function refusedAsUsage<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackupRefused) throw new UsageError(error.message);
    throw error;
  }
}

/** Where the running bots keep their state: the CLI writes and reads there too. */
function databaseOf(config: Config): Database {
  const shared = config.DATABASE_URL ? { url: config.DATABASE_URL, poolSize: 1 } : undefined;
  return { path: config.DATABASE_PATH, shared };
}

async function readFileArg(file: string) {
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`no such file: ${file}`);
  return readArticleFile(resolve(file), basename(file));
}

/** A path to an article file, or the id of an article in the content folder. */
async function articleArg(arg: string, contentDir: string, config: Config): Promise<Article> {
  if (existsSync(arg) && statSync(arg).isFile()) {
    const outcome = await readArticleFile(resolve(arg), basename(arg));
    if (!outcome.ok) throw new UsageError(`${arg}: ${outcome.reason}`);
    return outcome.article;
  }
  const core = await createCore({
    contentDir,
    databasePath: ":memory:",
    defaultLocale: config.DEFAULT_LOCALE,
    log: quietLog(),
    followSymlinks: config.CONTENT_FOLLOW_SYMLINKS,
  });
  try {
    const article = core.library.get(arg);
    if (!article) throw new UsageError(`no file and no article with id "${arg}" in ${contentDir}`);
    return article;
  } finally {
    await core.close();
  }
}

/** The largest file `summary --lines` reads: 75 times the 1,500 OrangeSum articles. */
const MAX_LINES_FILE_BYTES = 256 * 1024 * 1024;

/**
 * One summary per input line, in order: the evaluation mode for large sets. The file is streamed
 * (a regular file only, at most MAX_LINES_FILE_BYTES) and each line read up to the analysed
 * length (MAX_ANALYSED_CHARS); summaries are written as they come.
 */
async function summarizeLines(
  file: string,
  sentences: number,
  lang: string | undefined,
  json: boolean,
): Promise<void> {
  let info: ReturnType<typeof statSync>;
  try {
    info = statSync(file);
  } catch {
    throw new UsageError(`no such file: ${file}`);
  }
  if (!info.isFile()) throw new UsageError(`--lines needs a regular file; ${file} is not one`);
  if (info.size > MAX_LINES_FILE_BYTES) {
    const mb = (n: number) => `${Math.ceil(n / 2 ** 20)} MB`;
    throw new UsageError(
      `${file} is ${mb(info.size)}; --lines reads files of up to ${mb(MAX_LINES_FILE_BYTES)}`,
    );
  }
  const cut = { lines: 0 };
  // With --json, one document still streamed: {"summaries":["…",…],"linesCut":N}, one per line of the file.
  let count = 0;
  if (json) await writeOut('{"summaries":[');
  for await (const line of boundedLines(file, info.size, MAX_ANALYSED_CHARS, cut)) {
    const text = line.trim();
    const chosen =
      text === "" ? [] : summarize({ title: "", text, lang: lang ?? detectLanguage(text) }, sentences);
    const summary = chosen.join(" ").replace(/\s+/g, " ");
    await writeOut(json ? `${count === 0 ? "\n" : ",\n"}${JSON.stringify(summary)}` : `${summary}\n`);
    count += 1;
  }
  if (json) await writeOut(`\n],"linesCut":${cut.lines}}\n`);
  if (cut.lines > 0)
    process.stderr.write(
      `warning: ${cut.lines} line(s) longer than ${MAX_ANALYSED_CHARS} characters were read up to that length\n`,
    );
}

/** Writes to stdout, waiting when the reader is slower than the summaries. */
async function writeOut(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, "drain");
}

function describeArticle(article: Article, warnings: string[]): string {
  const lines = [
    `id:       ${article.id}`,
    `title:    ${article.title}`,
    `author:   ${article.author ?? "-"}`,
    `category: ${article.category ?? "-"}`,
    `tags:     ${article.tags.join(", ") || "-"}`,
    `lang:     ${article.lang}`,
    `date:     ${article.date ?? "-"}`,
    `source:   ${article.source ?? "-"}`,
  ];
  for (const section of article.sections) {
    lines.push("", `## ${section.heading ?? "(no heading)"}`, section.text);
  }
  for (const warning of warnings) lines.push(`warning: ${warning}`);
  return lines.join("\n");
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
