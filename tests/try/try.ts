/**
 * Try the bot without Discord or Telegram, in one terminal:
 *
 *   npm run try:discord            the strict Discord stand-in + the real bot against it
 *   npm run try:telegram           the Bot API emulator + the real bot against it
 *   npm run try -- discord --content DIR     the same on another content folder
 *
 * No token, no account, no network: the stand-in listens on 127.0.0.1 and the bot (src/main.ts,
 * a child process) gets a made-up token, a throwaway database and the stand-in's address. Type
 * commands as the platform's users do; `:help` lists the prompt's own (ADR 0090, 0091).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { ROOT } from "../helpers/seed.js";
import { type BotProcess, startBotProcess } from "./bot-process.js";
import { startDiscordSide } from "./discord-side.js";
import { runPrompt } from "./prompt.js";
import type { Shown, Side } from "./side.js";
import { startTelegramSide } from "./telegram-side.js";
import { type Line, layout, run, serialize, terminalOf } from "./terminal.js";

const USAGE = `Usage: npm run try:discord | npm run try:telegram | npm run try -- discord|telegram [--content DIR]
  --content DIR   the articles to serve (default: content/); new files there are announced
Passed on to the bot when set: DIGEST_CRON, NEWS_TIMEZONE, DEFAULT_LOCALE, CATCH_UP, LOG_LEVEL (default warn).`;
/** Settings a person may want to try; nothing else of their environment reaches the bot. */
const PASSED_ON = ["DIGEST_CRON", "NEWS_TIMEZONE", "DEFAULT_LOCALE", "CATCH_UP", "LOG_LEVEL", "TZ"];

const args = process.argv.slice(2);
const platform = args.find((a) => a === "discord" || a === "telegram");
const contentIndex = args.indexOf("--content");
const contentArg = contentIndex >= 0 ? args[contentIndex + 1] : undefined;
if (!platform || args.includes("--help") || (contentIndex >= 0 && !contentArg)) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(args.includes("--help") ? 0 : 2);
}
// npm runs scripts from the package folder; a relative --content means where the person typed it.
const contentDir = contentArg
  ? resolve(process.env.INIT_CWD ?? process.cwd(), contentArg)
  : join(ROOT, "content");

const term = terminalOf(process.stdout, process.env);
const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
const work = mkdtempSync(join(tmpdir(), "newsdesk-try-"));
const logListeners = new Set<(shown: Shown) => void>();
let side: Side | undefined;
let bot: BotProcess | undefined;
let stopping: Promise<void> | undefined;

/**
 * Stops the bot first (it may still be posting), then the stand-in, then removes the database;
 * each step runs whatever the one before did.
 */
const stopAll = (): Promise<void> =>
  (stopping ??= (async () => {
    try {
      await bot?.stop();
    } finally {
      try {
        await side?.close();
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    }
  })());
const exitAfterStop = (code: number) => void stopAll().finally(() => process.exit(code));
process.on("SIGINT", () => exitAfterStop(0));
process.on("SIGTERM", () => exitAfterStop(0));
process.on("SIGHUP", () => exitAfterStop(0));
// Output piped into `head` or a pager that quits: stop cleanly instead of dying on EPIPE.
process.stdout.on("error", () => exitAfterStop(0));

const print = (lines: Line[]) => process.stdout.write(`${lines.map((l) => serialize(l, term)).join("\n")}\n`);
const botLog = (line: string) => {
  const shown: Shown = { kind: "notice", lines: () => [[run(line, { dim: true })]], buttons: [] };
  if (logListeners.size === 0) process.stderr.write(`${line}\n`);
  for (const listener of logListeners) listener(shown);
};

try {
  side = platform === "discord" ? await startDiscordSide() : await startTelegramSide();
  const env: Record<string, string> = {
    ...side.botEnv,
    CONTENT_DIR: contentDir,
    DATABASE_PATH: join(work, "newsdesk.db"),
    LOG_LEVEL: "warn",
  };
  for (const key of PASSED_ON) {
    const value = process.env[key];
    if (value !== undefined && value !== "") env[key] = value;
  }
  const name = platform === "discord" ? "Discord stand-in" : "Telegram Bot API emulator";
  const where = relative(ROOT, contentDir).startsWith("..")
    ? contentDir
    : `${relative(ROOT, contentDir) || "."}/`;
  print(
    layout(
      [
        [
          run("Newsdesk", { bold: true }),
          run(` against a local ${name} at ${side.address}: no account, no network.`),
        ],
        [
          run(`Starting the bot (src/main.ts) on ${where} with a throwaway database in ${work}…`, {
            dim: true,
          }),
        ],
      ],
      term.width,
    ),
  );
  // Stopped while the stand-in was starting (Ctrl-C, a closed pipe): no bot to start, only to exit.
  if (stopping) await new Promise(() => {});
  bot = startBotProcess(env, work, botLog);
  const started = await Promise.race([
    side.ready().then((summary) => ({ summary })),
    bot.exited.then((exit) => ({ exit })),
  ]);
  if ("exit" in started) {
    if (stopping) await new Promise(() => {}); // stopped on purpose: exitAfterStop ends the process
    process.stderr.write(
      `The bot stopped before it was ready (exit ${started.exit.code ?? started.exit.signal}).\n`,
    );
    await stopAll();
    process.exit(1);
  }
  const banner: Line[] = layout(
    [
      [run(`${started.summary} (bot pid ${bot.pid})`, { dim: true })],
      [
        run(
          `Posts for ${side.channelName} (announcements, digests, scheduled posts) show here as they arrive.`,
          { dim: true },
        ),
      ],
      [run("Try: ", { bold: true }), run(side.examples.join("  ·  "))],
      [
        run(":help", { bold: true }),
        run(" lists the prompt's own commands (:mod on, :lang fr, :press 2…); "),
        run(":quit", { bold: true }),
        run(" stops everything."),
      ],
    ],
    term.width,
  );
  const current = side;
  await runPrompt({
    side: current,
    subscribe: (listener) => {
      current.onShown(listener);
      logListeners.add(listener);
    },
    term,
    interactive,
    input: process.stdin,
    output: process.stdout,
    banner,
  });
  await stopAll();
  process.exit(0);
} catch (error) {
  process.stderr.write(`try: ${(error as Error).message}\n`);
  if (bot) process.stderr.write(bot.stderr());
  await stopAll();
  process.exit(1);
}
