import type { Locale } from "../../domain/locale.js";
import type { Reply } from "../../domain/reply.js";
import type { CommandContext, Services } from "../../framework/command.js";
import { makeContext } from "../../framework/context.js";
import { translate } from "../../framework/messages.js";
import { parseCommandLine } from "../../framework/parse-command-line.js";
import { type CommandRegistry, runCommand } from "../../framework/run-command.js";

/** The terminal has no message size limit worth paging for: an article prints whole. */
const CONSOLE_TEXT_LIMIT = 1_000_000;

export const CONSOLE_CHANNEL = { platform: "console", id: "console" } as const;

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
  const parsed = parseCommandLine(line, commands);
  if (!parsed) return { text: translate(locale, "console.notACommand"), cards: [], error: true };
  return runCommand(commands, parsed, consoleContext(services, locale));
}
