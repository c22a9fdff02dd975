/**
 * Saying a line to the bot in a test: the line is parsed and run exactly as the console runs what
 * is typed (runConsoleLine, and beneath it runTypedLine for someone else than the console's
 * moderator), and the reply comes back with `plain`, how the console prints it.
 *
 *   const say = sayToConsole(core);                  // the person at the terminal, a moderator
 *   expect((await say("/news bitcoin")).plain).toContain("Bitcoin");
 *
 *   const say = sayTo(commands, (o) => h.ctx(o));    // someone else, somewhere else
 *   await say("/schedule list", { channel: { platform: "discord", id: "3" } });
 *
 * The scheduling harness (tests/unit/schedule/helpers.ts) has its own `h.say`, built on sayTo.
 */
import type { Locale } from "../../src/domain/locale.js";
import type { Reply } from "../../src/domain/reply.js";
import type { CommandContext, Services } from "../../src/framework/command.js";
import { renderPlain } from "../../src/framework/reply.js";
import type { CommandRegistry } from "../../src/framework/run-command.js";
import { runConsoleLine, runTypedLine } from "../../src/platforms/console/console-session.js";

/** A reply, and how the console prints it. */
export type Said = Reply & { plain: string };

/** What the console talks to: a core's commands and services. */
export interface ConsoleBot {
  commands: CommandRegistry;
  services: Services;
}

function said(reply: Reply): Said {
  return { ...reply, plain: renderPlain(reply) };
}

/**
 * Says lines from the console to `bot` (or to the bot a getter returns, for one made in a
 * `beforeAll`), in `locale` (English by default).
 */
export function sayToConsole(
  bot: ConsoleBot | (() => ConsoleBot),
): (line: string, locale?: Locale) => Promise<Said> {
  const get = typeof bot === "function" ? bot : () => bot;
  return async (line, locale = "en") => {
    const { commands, services } = get();
    return said(await runConsoleLine(line, commands, services, locale));
  };
}

/** Says lines to `commands` as whoever `contextFor(options)` describes (another user, channel, language). */
export function sayTo<O>(
  commands: CommandRegistry,
  contextFor: (options?: O) => CommandContext,
): (line: string, options?: O) => Promise<Said> {
  return async (line, options) => said(await runTypedLine(line, commands, contextFor(options)));
}
