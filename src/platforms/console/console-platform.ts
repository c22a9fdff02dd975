import { createInterface, type Interface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Locale } from "../../domain/locale.js";
import type { Services } from "../../framework/command.js";
import type { Platform } from "../../framework/platform.js";
import { renderPlain } from "../../framework/reply.js";
import type { CommandRegistry } from "../../framework/run-command.js";
import { runConsoleLine } from "./console-session.js";

/**
 * The terminal platform, the default when no token is set: commands typed on stdin, replies and
 * scheduled posts printed on stdout as plain text. End of input stops reading but not the bot,
 * which keeps posting on schedule until it gets SIGINT or SIGTERM.
 */
export function createConsolePlatform(options: {
  commands: CommandRegistry;
  services: Services;
  locale: Locale;
  input?: Readable;
  output?: Writable;
}): Platform {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  let reader: Interface | null = null;
  let posts = 0;
  // Lines are answered one at a time, in order, even when a command is slow.
  let queue: Promise<void> = Promise.resolve();
  const print = (text: string) => output.write(`${text}\n`);

  return {
    platform: "console",
    async start() {
      reader = createInterface({ input, terminal: false });
      reader.on("line", (line) => {
        if (line.trim() === "") return;
        queue = queue
          .then(async () => {
            const reply = await runConsoleLine(line, options.commands, options.services, options.locale);
            print(renderPlain(reply));
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
      print(renderPlain(reply));
      print("");
      return { messageId: `console-${Date.now()}-${posts}` };
    },
  };
}
