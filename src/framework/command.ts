import type { Clock } from "../domain/clock.js";
import type { InsightsPort } from "../domain/insights.js";
import type { LibraryPort } from "../domain/library.js";
import type { Locale } from "../domain/locale.js";
import type { Logger } from "../domain/logger.js";
import type { Reply } from "../domain/reply.js";
import type { SchedulingService } from "../domain/scheduling-service.js";
import type { ChannelRef } from "../domain/target.js";
import type { Localized } from "./locale.js";
import type { Translate } from "./messages.js";

/**
 * How commands are declared. One declaration drives the Discord slash-command definition, the
 * text parser used by Telegram and the console, and the handler's typed arguments.
 */

/** "article" is a string that names an article (id or query); platforms may autocomplete it. */
export type OptionType = "string" | "integer" | "article";

export interface OptionSpec {
  readonly name: string;
  readonly type: OptionType;
  readonly description: Localized;
  readonly required?: boolean;
  /** Integer bounds. */
  readonly min?: number;
  readonly max?: number;
  /** Maximum length for strings (the framework rejects longer input with a clear message). */
  readonly maxLength?: number;
  readonly choices?: readonly string[];
  /** Not offered to users (Discord registration, help); set by buttons only, e.g. a page number. */
  readonly hidden?: boolean;
  /**
   * For typed command lines (Telegram, console): takes this option's value from the start of the
   * rest of the line when one token is not enough (a cron expression has spaces). Returns the value
   * and what is left, or null to fall back to one token.
   */
  readonly consume?: (rest: string) => { value: string; rest: string } | null;
}

type ValueOf<T extends OptionType> = T extends "integer" ? number : string;

/** The typed arguments of a handler, derived from its `as const` option list. */
export type ArgsOf<O extends readonly OptionSpec[]> = {
  [K in O[number] as K["name"]]: K extends { required: true }
    ? ValueOf<K["type"]>
    : ValueOf<K["type"]> | undefined;
};

/** The services commands use; main.ts wires the real ones, tests pass fakes. */
export interface Services {
  library: LibraryPort;
  insights: InsightsPort;
  clock: Clock;
  log: Logger;
  /** Schedules, subscriptions and channel settings; absent where no scheduler runs (the CLI). */
  scheduling?: SchedulingService;
}

export interface CommandContext {
  locale: Locale;
  t: Translate;
  user: { id: string; name: string };
  channel: ChannelRef;
  /** Checked on the server side by the adapter (ManageGuild, chat admin, console user). */
  isModerator(): Promise<boolean>;
  /** Plain-text budget for one message body on this platform. */
  limits: { text: number };
  services: Services;
}

export type Args = Record<string, string | number | undefined>;
export type Handler<A> = (ctx: CommandContext, args: A) => Reply | Promise<Reply>;

export type Access = "everyone" | "moderator";

/** A command, or a subcommand of a group: options and a handler. */
export interface Leaf {
  readonly name: string;
  readonly description: Localized;
  readonly options: readonly OptionSpec[];
  readonly run: Handler<Args>;
}

/** A registered command: either a leaf, or a group of subcommands (/schedule post, /schedule list). */
export interface Command {
  readonly name: string;
  readonly description: Localized;
  readonly access: Access;
  readonly options: readonly OptionSpec[];
  readonly run?: Handler<Args>;
  readonly subcommands?: readonly Leaf[];
}

/** Declares a command with options; the handler's arguments are typed from them. */
export function defineCommand<const O extends readonly OptionSpec[]>(spec: {
  name: string;
  description: Localized;
  access: Access;
  options: O;
  run: Handler<ArgsOf<O>>;
}): Command {
  return { ...spec, run: spec.run as Handler<Args> };
}

/** Declares one subcommand of a group. */
export function defineSubcommand<const O extends readonly OptionSpec[]>(spec: {
  name: string;
  description: Localized;
  options: O;
  run: Handler<ArgsOf<O>>;
}): Leaf {
  return { ...spec, run: spec.run as Handler<Args> };
}

/** Declares a group of subcommands sharing one access level. */
export function defineGroup(spec: {
  name: string;
  description: Localized;
  access: Access;
  subcommands: readonly Leaf[];
}): Command {
  return { ...spec, options: [] };
}

/** The visible usage line of a command or subcommand, e.g. "/news [query]". */
export function usage(command: Command, leaf?: Leaf): string {
  const parts = [`/${command.name}`];
  if (leaf) parts.push(leaf.name);
  for (const option of (leaf ?? command).options) {
    if (option.hidden) continue;
    parts.push(option.required ? `<${option.name}>` : `[${option.name}]`);
  }
  return parts.join(" ");
}
