import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type InteractionReplyOptions,
  MessageFlags,
} from "discord.js";
import type { Reply } from "../../domain/reply.js";
import type { DiscordMessage } from "./render-embeds.js";

/** Every payload states it, on top of the client default: article text must never ping anyone. */
export const NO_MENTIONS = { parse: [] } as const;

/** Where an interaction stands with Discord: not answered yet, deferred one way or another, or answered. */
export type AckState = "none" | "deferred-reply" | "deferred-update" | "replied";

/** The call that sends one message of a reply. */
export type Route = "reply" | "update" | "editReply" | "followUp" | "deleteThenFollowUp";

/**
 * The one place that decides how a message goes out (skyra's _chat-input-shared.ts idea): a
 * first message answers the interaction, or edits the deferred placeholder; anything after it is
 * a follow-up. A private reply after a public "thinking…" placeholder removes the placeholder and
 * follows up privately, so an error is never shown to the whole channel.
 */
export function classify(
  state: AckState,
  first: boolean,
  reply: Pick<Reply, "private" | "replacesOriginal">,
  source: "command" | "button",
): Route {
  if (!first || state === "replied") return "followUp";
  // Only a button press has a message of its own to replace.
  const replace = source === "button" && reply.replacesOriginal === true && reply.private !== true;
  switch (state) {
    case "none":
      return replace ? "update" : "reply";
    case "deferred-update":
      return replace ? "editReply" : "followUp";
    case "deferred-reply":
      return reply.private ? "deleteThenFollowUp" : "editReply";
  }
}

export type Answerable = ChatInputCommandInteraction | ButtonInteraction;

function stateOf(interaction: Answerable): AckState {
  if (interaction.replied) return "replied";
  if (!interaction.deferred) return "none";
  return interaction.isButton() ? "deferred-update" : "deferred-reply";
}

/**
 * Acknowledges without content, for work that will not finish within Discord's 3 s: a command
 * gets a public "thinking…" placeholder (most replies are public; a private one replaces it, see
 * classify), a button press a silent deferUpdate (the message stays as it is until edited).
 */
async function defer(interaction: Answerable): Promise<void> {
  if (interaction.deferred || interaction.replied) return;
  if (interaction.isButton()) await interaction.deferUpdate();
  else await interaction.deferReply();
}

/** Sends a rendered reply through the route classify picks for each message. */
export async function send(interaction: Answerable, reply: Reply, messages: DiscordMessage[]): Promise<void> {
  const flags = reply.private ? MessageFlags.Ephemeral : undefined;
  for (const [index, message] of messages.entries()) {
    const body = { ...message, allowedMentions: NO_MENTIONS };
    const source = interaction.isButton() ? "button" : "command";
    const route = classify(stateOf(interaction), index === 0, reply, source);
    switch (route) {
      case "reply":
        await interaction.reply({ ...body, flags } satisfies InteractionReplyOptions);
        break;
      case "update":
        await (interaction as ButtonInteraction).update(body);
        break;
      case "editReply":
        await interaction.editReply(body);
        break;
      case "deleteThenFollowUp":
        await interaction.deleteReply();
        await interaction.followUp({ ...body, flags });
        break;
      case "followUp":
        await interaction.followUp({ ...body, flags });
        break;
    }
  }
}

const settled = () => "done" as const;

/**
 * Runs slow work without letting the interaction expire: when `work` is not done within
 * `deferAfterMs`, the interaction is deferred first, and the answer edits or follows up later.
 */
export async function answerInTime<T>(
  interaction: Answerable,
  work: Promise<T>,
  deferAfterMs: number,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), deferAfterMs);
  });
  const first = await Promise.race([work.then(settled, settled), late]).finally(() => clearTimeout(timer));
  if (first === "late") await defer(interaction);
  return work;
}
