import type { Clock } from "../domain/clock.js";
import type { InsightsPort } from "../domain/insights.js";
import type { LibraryPort } from "../domain/library.js";
import type { Locale } from "../domain/locale.js";
import type { Logger } from "../domain/logger.js";
import type { Reply } from "../domain/reply.js";
import type { SchedulingService } from "../domain/scheduling-service.js";
import type { SourcesService } from "../domain/sources.js";
import type { ChannelRef } from "../domain/target.js";
import type { Telemetry } from "../domain/telemetry.js";
import type { Localized } from "./locale.js";
import type { MessageKey } from "./messages.js";
import { typeset } from "./typography.js";
import type { Translate, WordBook } from "./words.js";

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
  /**
   * What help and usage lines call the value, per language ("<when>", "<quand>"); the name when
   * absent. A typed line may also name the option by it ("quand:demain 09:00").
   */
  readonly placeholder?: Localized;
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
  /** The feeds and pages polled into the library (/sources); absent where none run. */
  sources?: SourcesService;
  /** Where commands, sends and limits are counted for /metrics; absent: nothing is counted. */
  telemetry?: Telemetry;
}

/**
 * What a handler sees. `K` is the keys of its command's own words: `t` says them and the shared
 * ones (src/framework/messages.ts) in the user's language.
 */
export interface CommandContext<K extends string = never> {
  locale: Locale;
  t: Translate<K | MessageKey>;
  user: { id: string; name: string };
  channel: ChannelRef;
  /** Checked on the server side by the adapter (ManageGuild, chat admin, console user). */
  isModerator(): Promise<boolean>;
  /** Plain-text budget for one message body on this platform. */
  limits: { text: number };
  services: Services;
}

export type Args = Record<string, string | number | undefined>;
export type Handler<A, K extends string = string> = (
  ctx: CommandContext<K>,
  args: A,
) => Reply | Promise<Reply>;

export type Access = "everyone" | "moderator";

/** A command, or a subcommand of a group: options, a handler and the words it says. */
export interface Leaf {
  readonly name: string;
  readonly description: Localized;
  readonly options: readonly OptionSpec[];
  readonly run: Handler<Args>;
  readonly words?: WordBook<string>;
}

/** A registered command: either a leaf, or a group of subcommands (/schedule post, /schedule list). */
export interface Command {
  readonly name: string;
  readonly description: Localized;
  readonly access: Access;
  readonly options: readonly OptionSpec[];
  readonly run?: Handler<Args>;
  readonly subcommands?: readonly Leaf[];
  /** The command's own words (its subcommands carry theirs); shared words need not be listed. */
  readonly words?: WordBook<string>;
}

/**
 * Declares a command with options and its own words; the handler's arguments are typed from the
 * options and `ctx.t` accepts exactly the keys of `words` and the shared ones.
 */
export function defineCommand<const O extends readonly OptionSpec[], K extends string = never>(spec: {
  name: string;
  description: Localized;
  access: Access;
  options: O;
  words?: WordBook<K>;
  run: Handler<ArgsOf<O>, K>;
}): Command {
  return {
    ...spec,
    description: typesetLocalized(spec.description),
    options: spec.options.map(typesetOption),
    run: spec.run as unknown as Handler<Args>,
  };
}

/** Declares one subcommand of a group, with the words it says. */
export function defineSubcommand<const O extends readonly OptionSpec[], K extends string = never>(spec: {
  name: string;
  description: Localized;
  options: O;
  words?: WordBook<K>;
  run: Handler<ArgsOf<O>, K>;
}): Leaf {
  return {
    ...spec,
    description: typesetLocalized(spec.description),
    options: spec.options.map(typesetOption),
    run: spec.run as unknown as Handler<Args>,
  };
}

/** Declares a group of subcommands sharing one access level. */
export function defineGroup(spec: {
  name: string;
  description: Localized;
  access: Access;
  subcommands: readonly Leaf[];
  words?: WordBook<string>;
}): Command {
  return { ...spec, description: typesetLocalized(spec.description), options: [] };
}

/** Descriptions are words too: French gets its typography where they are defined, like the rest. */
function typesetLocalized(text: Localized): Localized {
  return { en: text.en, fr: typeset("fr", text.fr) };
}

/** The option itself when its words need nothing, so a shared option stays one object. */
function typesetOption(option: OptionSpec): OptionSpec {
  const fr = typeset("fr", option.description.fr);
  return fr === option.description.fr ? option : { ...option, description: { ...option.description, fr } };
}

/** What help and usage lines call an option in `locale`. */
export function placeholderOf(option: OptionSpec, locale: Locale): string {
  return option.placeholder?.[locale] ?? option.name;
}

/** The visible usage line of a command or subcommand, e.g. "/news [query]" ("/news [requête]"). */
export function usage(command: Command, leaf?: Leaf, locale: Locale = "en"): string {
  const parts = [`/${command.name}`];
  if (leaf) parts.push(leaf.name);
  for (const option of (leaf ?? command).options) {
    if (option.hidden) continue;
    const name = placeholderOf(option, locale);
    parts.push(option.required ? `<${name}>` : `[${name}]`);
  }
  return parts.join(" ");
}
