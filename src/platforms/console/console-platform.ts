import { createInterface, type Interface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Locale } from "../../domain/locale.js";
import type { Services } from "../../framework/command.js";
import type { Platform } from "../../framework/platform.js";
import { renderPlain } from "../../framework/reply.js";
import type { CommandRegistry } from "../../framework/run-command.js";
import { ConsoleSession, consoleSays } from "./console-session.js";
import { wrapText } from "./wrap-text.js";

/**
 * The terminal platform, the default when no token is set: commands typed on stdin, replies and
 * scheduled posts printed on stdout as plain text. End of input stops reading but not the bot,
 * which keeps posting on schedule until it gets SIGINT or SIGTERM.
 *
 * The welcome banner is the first thing printed: it is written when the platform starts, which is
 * before the scheduler starts (src/main.ts), so a post due at start-up prints after it. Text is
 * wrapped at the terminal's width between words; output that is not a terminal (a pipe, a file,
 * a test) is not wrapped, so its lines stay whole for grep and scripts (docs/adr/0087).
 */
export function createConsolePlatform(options: {
  commands: CommandRegistry;
  services: Services;
  locale: Locale;
  input?: Readable;
  output?: Writable;
  /** Columns to wrap at; by default the terminal's, and none when output is not a terminal. */
  width?: number;
}): Platform {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const session = new ConsoleSession(options.commands, options.services, options.locale);
  let reader: Interface | null = null;
  let posts = 0;
  // Lines are answered one at a time, in order, even when a command is slow.
  let queue: Promise<void> = Promise.resolve();
  const width = (): number => {
    if (options.width !== undefined) return options.width;
    const tty = output as Writable & { isTTY?: boolean; columns?: number };
    return tty.isTTY && tty.columns ? tty.columns : Number.POSITIVE_INFINITY;
  };
  const print = (text: string) => output.write(`${wrapText(text, width())}\n`);

  return {
    platform: "console",
    directory: {
      ready: () => true,
      nameOf: async () => "console",
      // Under the welcome, so a newcomer's `npm start` shows the way into the dashboard.
      showSignInLink: (url) => print(consoleSays(options.locale, "console.dashboard", { url })),
    },
    async start() {
      print(consoleSays(options.locale, "console.ready", { count: options.services.library.count() }));
      reader = createInterface({ input, terminal: false });
      reader.on("line", (line) => {
        if (line.trim() === "") return;
        queue = queue
          .then(async () => {
            print(renderPlain(await session.say(line)));
            print("");
          })
          // A closed terminal (EPIPE) must not break the queue for the lines after it.
          .catch((error: unknown) => options.services.log.error({ err: error }, "console output failed"));
      });
    },
    async stop() {
      reader?.close();
      reader = null;
      await queue;
    },
    /** The terminal is one place, and a post printed twice harms nobody: the key is not used. */
    async publish(_target, reply) {
      posts += 1;
      print(`--- post #${posts} ---`);
      print(renderPlain(session.seen(reply)));
      print("");
      return { messageId: `console-${Date.now()}-${posts}` };
    },
  };
}
