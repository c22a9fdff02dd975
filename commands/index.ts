import type { Command } from "../src/framework/command.js";
import article from "./article.js";
import facts from "./facts.js";
import { helpCommand } from "./help.js";
import latest from "./latest.js";
import news from "./news.js";
import schedule from "./schedule.js";
import settings from "./settings.js";
import sources from "./sources.js";
import subscribe from "./subscribe.js";
import topics from "./topics.js";
import unsubscribe from "./unsubscribe.js";

/** Every command the bot offers, on every platform, in the order /help lists them. */
const listed: readonly Command[] = [
  news,
  article,
  facts,
  latest,
  topics,
  schedule,
  subscribe,
  unsubscribe,
  settings,
  sources,
];

export const commands: readonly Command[] = [...listed, helpCommand(() => listed)];
