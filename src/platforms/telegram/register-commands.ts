import type { BotCommand } from "telegraf/types";
import { LOCALES, type Locale } from "../../domain/locale.js";
import type { Command } from "../../framework/command.js";
import { LIMITS } from "./limits.js";

/** Telegram's rule for command names: 1-32 of a-z, 0-9 and _. */
const VALID_NAME = /^[a-z0-9_]{1,32}$/;

/**
 * The command menu per language, from each command's own description: the default list (no
 * language_code, for users whose language has no list of its own) in `defaultLocale`, the language
 * replies fall back to; plus one list per interface language. Moderator commands are listed too
 * (access is still checked when they run).
 */
export function commandMenus(
  commands: Iterable<Command>,
  defaultLocale: Locale,
): { languageCode: Locale | undefined; commands: BotCommand[] }[] {
  const valid = [...commands].filter((c) => VALID_NAME.test(c.name));
  const menu = (locale: Locale): BotCommand[] =>
    valid.map((c) => ({ command: c.name, description: clip(c.description[locale] || c.name) }));
  return [
    { languageCode: undefined, commands: menu(defaultLocale) },
    ...LOCALES.map((l) => ({ languageCode: l, commands: menu(l) })),
  ];
}

/** Names Telegram would refuse, to report once at start. */
export function invalidCommandNames(commands: Iterable<Command>): string[] {
  return [...commands].map((c) => c.name).filter((name) => !VALID_NAME.test(name));
}

function clip(text: string): string {
  const chars = Array.from(text.trim());
  return chars.length <= LIMITS.commandDescription
    ? text.trim()
    : `${chars.slice(0, LIMITS.commandDescription - 1).join("")}…`;
}
