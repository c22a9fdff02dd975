import type { Command } from "../src/framework/command.js";
import article from "./article.js";
import facts from "./facts.js";
import { helpCommand } from "./help.js";
import latest from "./latest.js";
import news from "./news.js";
import topics from "./topics.js";

/** Every command the bot offers, on every platform, in the order /help lists them. */
const listed: readonly Command[] = [news, article, facts, latest, topics];

export const commands: readonly Command[] = [...listed, helpCommand(() => listed)];
