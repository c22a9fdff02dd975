import type { Locale } from "../domain/locale.js";
import type { ChannelRef } from "../domain/target.js";
import type { CommandContext, Services } from "./command.js";
import { translator } from "./messages.js";

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
    t: translator(options.locale),
    user: options.user,
    channel: options.channel,
    isModerator: options.isModerator,
    limits: { text: options.textLimit },
    services: options.services,
  };
}
