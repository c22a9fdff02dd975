import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  type APIApplicationCommandSubcommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { Command, Leaf, OptionSpec } from "../../framework/command.js";
import type { Localized } from "../../framework/locale.js";
import { clip, LIMITS } from "./limits.js";

/** What Discord accepts as a command or option name. */
const NAME = /^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u;

/**
 * The slash-command definitions for a set of command declarations: one chat-input command per
 * declaration, subcommands as SUB_COMMAND options, hidden options left out (only buttons set them).
 * Moderator commands need ManageGuild by default and exist only in servers; the adapter checks
 * the permission again at run time, since server admins can override the default.
 */
export function buildSlashCommands(commands: {
  values(): Iterable<Command>;
}): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [...commands.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((command) => {
      const moderator = command.access === "moderator";
      const options: APIApplicationCommandOption[] = command.subcommands
        ? command.subcommands.map((leaf) => subcommandOption(command, leaf))
        : basicOptions(command.name, command.options);
      return {
        type: ApplicationCommandType.ChatInput,
        name: checkedName(command.name, command.name),
        ...describe(command.description),
        ...(options.length > 0 ? { options } : {}),
        default_member_permissions: moderator ? String(PermissionFlagsBits.ManageGuild) : null,
        contexts: moderator
          ? [InteractionContextType.Guild]
          : [InteractionContextType.Guild, InteractionContextType.BotDM],
        integration_types: [ApplicationIntegrationType.GuildInstall],
      };
    });
}

function subcommandOption(command: Command, leaf: Leaf): APIApplicationCommandSubcommandOption {
  const options = basicOptions(`${command.name} ${leaf.name}`, leaf.options);
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: checkedName(leaf.name, `${command.name} ${leaf.name}`),
    ...describe(leaf.description),
    ...(options.length > 0 ? { options } : {}),
  };
}

function basicOptions(where: string, specs: readonly OptionSpec[]): APIApplicationCommandBasicOption[] {
  const visible = specs.filter((o) => !o.hidden);
  if (visible.length > LIMITS.optionsPerCommand) {
    throw new Error(
      `/${where} declares ${visible.length} options; Discord allows ${LIMITS.optionsPerCommand}`,
    );
  }
  // Discord rejects a required option after an optional one; the order is otherwise kept.
  const ordered = [...visible.filter((o) => o.required), ...visible.filter((o) => !o.required)];
  return ordered.map((spec) => basicOption(where, spec));
}

function basicOption(where: string, spec: OptionSpec): APIApplicationCommandBasicOption {
  const base = {
    name: checkedName(spec.name, `${where} ${spec.name}`),
    ...describe(spec.description),
    required: spec.required ?? false,
  };
  if (spec.type === "integer") {
    return {
      ...base,
      type: ApplicationCommandOptionType.Integer,
      ...(spec.min !== undefined ? { min_value: spec.min } : {}),
      ...(spec.max !== undefined ? { max_value: spec.max } : {}),
      ...(spec.choices
        ? {
            choices: spec.choices
              .slice(0, LIMITS.choices)
              .filter((c) => Number.isInteger(Number(c)))
              .map((c) => ({ name: clip(c, LIMITS.choiceName), value: Number(c) })),
          }
        : {}),
    };
  }
  const text = {
    ...base,
    type: ApplicationCommandOptionType.String as const,
    ...(spec.maxLength !== undefined ? { max_length: Math.min(spec.maxLength, 6000) } : {}),
  };
  if (spec.choices) {
    return {
      ...text,
      choices: spec.choices
        .slice(0, LIMITS.choices)
        .map((c) => ({ name: clip(c, LIMITS.choiceName), value: c.slice(0, LIMITS.choiceValue) })),
    };
  }
  return spec.type === "article" ? { ...text, autocomplete: true } : text;
}

function describe(text: Localized): {
  description: string;
  description_localizations: { fr: string };
} {
  return {
    description: clip(text.en, LIMITS.commandDescription),
    description_localizations: { fr: clip(text.fr, LIMITS.commandDescription) },
  };
}

function checkedName(name: string, where: string): string {
  if (!NAME.test(name)) throw new Error(`/${where}: "${name}" is not a valid Discord command or option name`);
  return name;
}

/**
 * A canonical form of command definitions, for deciding whether the registered set differs from
 * ours. Discord echoes extra keys (id, version, defaults) and omits others: only the keys we send
 * count, each with Discord's default when absent, options compared in order, commands by name.
 */
export function normaliseCommands(commands: readonly unknown[]): string {
  const list = commands.map((c) => normaliseCommand(c as Record<string, unknown>));
  list.sort((a, b) => String(a.name).localeCompare(String(b.name)));
  return JSON.stringify(list);
}

function normaliseCommand(c: Record<string, unknown>): Record<string, unknown> {
  return {
    name: c.name,
    type: c.type ?? ApplicationCommandType.ChatInput,
    description: c.description ?? "",
    description_localizations: localizations(c.description_localizations),
    default_member_permissions: c.default_member_permissions ?? null,
    contexts: sortedOrNull(c.contexts),
    integration_types: sortedOrNull(c.integration_types),
    nsfw: c.nsfw ?? false,
    options: normaliseOptions(c.options),
  };
}

function normaliseOptions(options: unknown): unknown[] {
  if (!Array.isArray(options)) return [];
  return options.map((raw: Record<string, unknown>) => ({
    type: raw.type,
    name: raw.name,
    description: raw.description ?? "",
    description_localizations: localizations(raw.description_localizations),
    required: raw.required ?? false,
    autocomplete: raw.autocomplete ?? false,
    min_value: raw.min_value ?? null,
    max_value: raw.max_value ?? null,
    max_length: raw.max_length ?? null,
    choices: Array.isArray(raw.choices)
      ? raw.choices.map((ch: Record<string, unknown>) => ({ name: ch.name, value: ch.value }))
      : [],
    options: normaliseOptions(raw.options),
  }));
}

function localizations(value: unknown): Record<string, unknown> | null {
  if (!value || typeof value !== "object") return null;
  const entries = Object.entries(value).sort(([a], [b]) => a.localeCompare(b));
  return entries.length > 0 ? Object.fromEntries(entries) : null;
}

function sortedOrNull(value: unknown): unknown[] | null {
  return Array.isArray(value) ? [...value].sort() : null;
}
