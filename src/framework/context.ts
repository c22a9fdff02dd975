import type { Locale } from "../domain/locale.js";
import type { ChannelRef } from "../domain/target.js";
import type { Command, CommandContext, Leaf, Services } from "./command.js";
import { sharedWords, translator } from "./messages.js";
import { type WordBook, wordsTranslator } from "./words.js";

/** Builds the context a handler sees; adapters supply who, where and how to check moderators. */
export function makeContext(options: {
  locale: Locale;
  user: { id: string; name: string };
  channel: ChannelRef;
  isModerator: () => Promise<boolean>;
  textLimit: number;
  services: Services;
}): CommandContext {
  return {
    locale: options.locale,
    t: translator(options.locale, options.channel.platform),
    user: options.user,
    channel: options.channel,
    isModerator: options.isModerator,
    limits: { text: options.textLimit },
    services: options.services,
  };
}

/** The context with `t` saying the command's own words (the leaf's first), then the shared ones. */
export function withCommandWords(ctx: CommandContext, command: Command, leaf?: Leaf): CommandContext<string> {
  const books = [leaf?.words, command.words].filter((b): b is WordBook<string> => b !== undefined);
  return { ...ctx, t: wordsTranslator([...books, sharedWords], ctx.locale, ctx.channel.platform) };
}
