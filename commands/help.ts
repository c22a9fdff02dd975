import type { Block } from "../src/domain/reply.js";
import type { Command } from "../src/framework/command.js";
import { defineCommand, usage } from "../src/framework/command.js";
import { helpWords } from "./help.words.js";

/** /help lists the other commands, so it is built from the list rather than importing it. */
export function helpCommand(others: () => readonly Command[]): Command {
  const self = defineCommand({
    name: "help",
    description: { en: "What this bot can do", fr: "Ce que ce bot sait faire" },
    access: "everyone",
    words: helpWords,
    options: [] as const,
    run(ctx) {
      const all = [...others(), self];
      const line = (command: Command): Block[] => {
        const leaves = command.subcommands ?? [];
        if (leaves.length === 0) {
          return [
            {
              type: "bullet",
              text: `${usage(command, undefined, ctx.locale)} — ${command.description[ctx.locale]}`,
            },
          ];
        }
        return leaves.map((leaf) => ({
          type: "bullet",
          text: `${usage(command, leaf, ctx.locale)} — ${leaf.description[ctx.locale]}`,
        }));
      };
      const body: Block[] = all.filter((c) => c.access === "everyone").flatMap(line);
      const moderator = all.filter((c) => c.access === "moderator");
      if (moderator.length > 0)
        body.push({ type: "heading", text: ctx.t("help.moderators") }, ...moderator.flatMap(line));
      return { cards: [{ title: ctx.t("help.title"), body, footer: ctx.t("help.footer") }] };
    },
  });
  return self;
}
