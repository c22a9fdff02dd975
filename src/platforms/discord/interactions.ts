import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  DiscordAPIError,
  type Interaction,
  RESTJSONErrorCodes,
} from "discord.js";
import type { Locale } from "../../domain/locale.js";
import type { Logger } from "../../domain/logger.js";
import type { ActionCodec } from "../../framework/actions.js";
import type { Args, CommandContext, Services } from "../../framework/command.js";
import { makeContext } from "../../framework/context.js";
import { pickLocale } from "../../framework/locale.js";
import { type RateLimiter, slowDownReply } from "../../framework/rate-limit.js";
import { textReply } from "../../framework/reply.js";
import {
  type CommandRegistry,
  errorReply,
  type Invocation,
  runCommand,
} from "../../framework/run-command.js";
import { suggestArticles } from "./autocomplete.js";
import { TEXT_BUDGET } from "./limits.js";
import { isDiscordModerator } from "./moderator-permission.js";
import { renderReply } from "./render-embeds.js";
import { type Answerable, answerInTime, send } from "./respond.js";
import { safeError } from "./safe-error.js";

/** What the interaction handler needs from the platform. */
export interface InteractionDeps {
  commands: CommandRegistry;
  services: Services;
  defaultLocale: Locale;
  codec: ActionCodec;
  log: Logger;
  /** Defer when the handler has not answered within this time (Discord allows 3 s). */
  deferAfterMs: number;
  /** The per-user limit on commands and button presses (autocomplete is not counted). */
  limiter?: RateLimiter;
}

/** Routes one interaction: slash command, button press or autocomplete. Never throws. */
export async function handleInteraction(interaction: Interaction, deps: InteractionDeps): Promise<void> {
  try {
    if (interaction.isAutocomplete()) await answerAutocomplete(interaction, deps);
    else if (interaction.isChatInputCommand())
      await answer(interaction, commandInvocation(interaction), deps);
    else if (interaction.isButton())
      await answer(interaction, buttonInvocation(interaction, deps.codec), deps);
  } catch (error) {
    deps.log.error({ err: safeError(error), interaction: interaction.id }, "discord interaction failed");
  }
}

/** The slash command as the framework sees it: names and raw option values. */
function commandInvocation(interaction: ChatInputCommandInteraction): Invocation {
  const subcommand = interaction.options.getSubcommand(false) ?? undefined;
  const data = subcommand ? (interaction.options.data[0]?.options ?? []) : interaction.options.data;
  const args: Args = {};
  for (const option of data) {
    if (typeof option.value === "string" || typeof option.value === "number")
      args[option.name] = option.value;
  }
  return subcommand
    ? { command: interaction.commandName, subcommand, args }
    : { command: interaction.commandName, args };
}

function buttonInvocation(interaction: ButtonInteraction, codec: ActionCodec): Invocation | null {
  const action = codec.decode(interaction.customId);
  return action ? { command: action.command, subcommand: action.subcommand, args: action.args } : null;
}

function contextFor(interaction: Answerable, deps: InteractionDeps): CommandContext {
  return makeContext({
    locale: pickLocale(interaction.locale, deps.defaultLocale),
    user: { id: interaction.user.id, name: interaction.user.globalName ?? interaction.user.username },
    channel: { platform: "discord", id: interaction.channelId ?? interaction.user.id },
    isModerator: async () => isDiscordModerator(interaction.inGuild(), interaction.memberPermissions),
    textLimit: TEXT_BUDGET,
    services: deps.services,
  });
}

async function answer(
  interaction: Answerable,
  invocation: Invocation | null,
  deps: InteractionDeps,
): Promise<void> {
  const admission = deps.limiter?.take("discord", interaction.user.id) ?? { kind: "run" };
  if (admission.kind === "drop") {
    // Silence is the point: no answer at all, so only the flooding user's client says it failed.
    deps.log.debug({ interaction: interaction.id, user: interaction.user.id }, "discord: rate-limited");
    return;
  }
  const ctx = contextFor(interaction, deps);
  const where = {
    interaction: interaction.id,
    command: invocation?.command,
    subcommand: invocation?.subcommand,
  };
  const work =
    admission.kind === "warn"
      ? Promise.resolve(slowDownReply(ctx.t, admission.retryAfterMs))
      : invocation
        ? runCommand(deps.commands, invocation, ctx)
        : Promise.resolve(textReply(ctx.t("error.buttonExpired"), { private: true, error: true }));
  try {
    const reply = await answerInTime(interaction, work, deps.deferAfterMs);
    await send(interaction, reply, renderReply(reply, deps.codec));
  } catch (error) {
    if (isExpired(error)) {
      deps.log.warn(
        { ...where, code: (error as DiscordAPIError).code },
        "discord interaction expired before the answer",
      );
      return;
    }
    // Discord refused what we sent (or the network failed): tell the user, privately, with a reference.
    const fallback = errorReply(safeError(error), ctx, where);
    await send(interaction, fallback, renderReply(fallback, deps.codec)).catch((err: unknown) =>
      deps.log.warn({ ...where, err: safeError(err) }, "could not tell the user about a failed answer"),
    );
  }
}

function isExpired(error: unknown): boolean {
  return (
    error instanceof DiscordAPIError &&
    (error.code === RESTJSONErrorCodes.UnknownInteraction ||
      error.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged)
  );
}

async function answerAutocomplete(
  interaction: AutocompleteInteraction,
  deps: InteractionDeps,
): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const command = deps.commands.get(interaction.commandName);
  const subcommand = interaction.options.getSubcommand(false);
  const options = subcommand
    ? command?.subcommands?.find((s) => s.name === subcommand)?.options
    : command?.options;
  const spec = options?.find((o) => o.name === focused.name);
  let choices: { name: string; value: string }[] = [];
  if (spec?.type === "article") {
    try {
      choices = suggestArticles(deps.services.library, String(focused.value));
    } catch (error) {
      deps.log.warn({ err: safeError(error), command: interaction.commandName }, "autocomplete failed");
    }
  }
  await interaction.respond(choices);
}
