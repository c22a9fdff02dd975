import type { Locale } from "../../domain/locale.js";
import type { Action, Reply } from "../../domain/reply.js";
import type { CommandContext, Services } from "../../framework/command.js";
import { makeContext } from "../../framework/context.js";
import { parseCommandLine } from "../../framework/parse-command-line.js";
import { type CommandRegistry, runCommand } from "../../framework/run-command.js";
import { wordsTranslator } from "../../framework/words.js";
import { consoleWords } from "./console-words.js";

/** The terminal has no message size limit worth paging for: an article prints whole. */
const CONSOLE_TEXT_LIMIT = 1_000_000;

export const CONSOLE_CHANNEL = { platform: "console", id: "console" } as const;

/** What the console says of its own, in `locale`. */
export function consoleSays(locale: Locale, key: keyof typeof consoleWords.en, params = {}): string {
  return wordsTranslator<keyof typeof consoleWords.en>([consoleWords], locale, "console")(key, params);
}

/** The person at the terminal runs the bot, so they are its moderator. */
export function consoleContext(services: Services, locale: Locale): CommandContext {
  return makeContext({
    locale,
    user: { id: "console", name: "console" },
    channel: CONSOLE_CHANNEL,
    isModerator: async () => true,
    textLimit: CONSOLE_TEXT_LIMIT,
    services,
  });
}

/**
 * Runs one typed line exactly as the console bot does: shared by the bot's stdin loop and the
 * CLI's `ask`, so both answer the same way.
 */
export async function runConsoleLine(
  line: string,
  commands: CommandRegistry,
  services: Services,
  locale: Locale,
): Promise<Reply> {
  return runTypedLine(line, commands, consoleContext(services, locale));
}

/**
 * Runs one typed line as the console does, said by whoever `ctx` describes (runConsoleLine: the
 * person at the terminal; tests: another user, channel or language).
 */
export async function runTypedLine(
  line: string,
  commands: CommandRegistry,
  ctx: CommandContext,
): Promise<Reply> {
  const parsed = parseCommandLine(line, commands);
  if (!parsed) {
    return {
      text: consoleSays(ctx.locale, "console.notACommand"),
      cards: [],
      error: true,
      locale: ctx.locale,
    };
  }
  return runCommand(commands, parsed, ctx);
}

/** `/more`: the console's way of pressing "Next" (a terminal has no buttons). */
const MORE = /^\/more(?:@\w+)?\s*$/i;

/**
 * A conversation at the terminal: lines run as runConsoleLine runs them, and `/more` presses the
 * "next" button of the last reply or post that had one (the next page of /news, a digest's rest).
 */
export class ConsoleSession {
  private next: Action | null = null;

  constructor(
    private readonly commands: CommandRegistry,
    private readonly services: Services,
    private readonly locale: Locale,
  ) {}

  async say(line: string): Promise<Reply> {
    if (!MORE.test(line.trim()))
      return this.seen(await runConsoleLine(line, this.commands, this.services, this.locale));
    if (!this.next)
      return { text: consoleSays(this.locale, "console.nothingMore"), cards: [], locale: this.locale };
    const { command, subcommand, args } = this.next;
    const invocation = subcommand ? { command, subcommand, args } : { command, args };
    return this.seen(await runCommand(this.commands, invocation, consoleContext(this.services, this.locale)));
  }

  /** Remembers the reply's "next" button, if any, for /more; returns the reply. */
  seen(reply: Reply): Reply {
    if (reply.error) return reply;
    const next = [...(reply.buttons ?? []), ...reply.cards.flatMap((c) => c.buttons ?? [])].find(
      (b) => b.next,
    );
    this.next = next?.action ?? null;
    return reply;
  }
}
